import { notFound } from 'next/navigation';
import { AdminTable } from '@/components/admin/AdminTable';
import { InviteForm } from '@/components/admin/InviteForm';
import { UserStatusButton } from '@/components/admin/UserStatusButton';
import { listVisibleUsers } from '@/lib/auth/accounts';
import { canManageAccounts, canSetAccountDisabled, invitableRoles } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { managedNetworks } from '@/lib/networks/dashboard';
import { placesToAssign } from '@/lib/places/admin-list';
import { inviteAction, setDisabledAction } from './actions';

export const metadata = { title: 'Comptes' };

const ROLE = { ADMIN: 'Administration', COORDINATOR: 'Coordination de réseau', EDITOR: 'Responsable de lieu' } as const;

export default async function UsersPage() {
  const user = await requireUser('/admin/utilisateurs');
  if (!canManageAccounts(user)) notFound();
  const [users, networks, places] = await Promise.all([listVisibleUsers(user), managedNetworks(user), placesToAssign(user)]);
  const roles = invitableRoles(user).map((value) => ({ value, label: ROLE[value] }));
  return (
    <>
      <h1>Comptes</h1>
      <section aria-labelledby="inviter">
        <h2 id="inviter">Inviter une personne</h2>
        <p>La personne reçoit un courriel avec un lien valable 7 jours pour créer son compte.</p>
        <InviteForm
          action={inviteAction}
          roles={roles}
          networks={networks.map((n) => ({ id: n.id, label: n.name }))}
          places={places.map((p) => ({ id: p.id, label: `${p.name} (${p.commune})` }))}
        />
      </section>
      <section aria-labelledby="comptes">
        <h2 id="comptes">Comptes de votre périmètre ({users.length})</h2>
        <AdminTable
          rows={users}
          rowKey={(u) => u.id}
          columns={[
            { header: 'Personne', cell: (u) => `${u.name ? `${u.name} — ` : ''}${u.email}` },
            { header: 'Rôle', cell: (u) => ROLE[u.role] },
            { header: 'Périmètre', cell: (u) => [...u.networks.map((n) => n.network.name), ...u.places.map((p) => p.place.name)].join(', ') || '—' },
            { header: 'Dernière connexion', cell: (u) => (u.lastLoginAt ? u.lastLoginAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : 'jamais') },
            {
              header: 'État',
              cell: (u) => (
                <>
                  {u.disabled ? 'Désactivé' : 'Actif'}{' '}
                  {canSetAccountDisabled(user, u.id) && (
                    <UserStatusButton disabled={u.disabled} label={u.email} action={setDisabledAction.bind(null, u.id, !u.disabled)} />
                  )}
                </>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}
