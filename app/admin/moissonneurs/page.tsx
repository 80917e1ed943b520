import { notFound } from 'next/navigation';
import { AdminTable } from '@/components/admin/AdminTable';
import { HarvesterButton } from '@/components/admin/HarvesterButton';
import { HarvesterForm } from '@/components/admin/HarvesterForm';
import { canManageHarvesters } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listHarvesters } from '@/lib/harvesters/store';
import { registerHarvesterAction, setHarvesterAction } from './actions';

export const metadata = { title: 'Moissonneurs' };

const when = (date: Date | null) => (date ? date.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }) : '—');

type Row = Awaited<ReturnType<typeof listHarvesters>>[number];

function state(h: Row): string {
  if (h.gaveUpAt) return `Abandonné le ${when(h.gaveUpAt)} (${h.lastError ?? 'échecs répétés'}) — contact prévenu`;
  if (!h.active) return 'Suspendu';
  if (h.feedResetAt && !h.failingSince) return `Base restaurée le ${when(h.feedResetAt)} : avis de resynchronisation à envoyer (avant tout changement)`;
  if (h.failingSince) return `En échec depuis le ${when(h.failingSince)} (${h.lastError}), ${h.attempts} essai(s), prochain le ${when(h.nextAttemptAt)}`;
  return h.lastDeliveredAt ? `Actif, dernier envoi le ${when(h.lastDeliveredAt)}` : 'Actif, aucun envoi encore';
}

export default async function HarvestersPage() {
  const user = await requireUser('/admin/moissonneurs');
  if (!canManageHarvesters(user)) notFound();
  const harvesters = await listHarvesters(user);
  return (
    <>
      <h1>Moissonneurs</h1>
      <p>
        Les moissonneurs enregistrés ici reçoivent les changements des lieux publiés dès qu’ils se produisent (POST JSON signé HMAC-SHA256, en-têtes
        X-Reperes-Signature et X-Reperes-Horodatage), en plus du flux public <code>/api/v1/changements</code>. Un envoi qui échoue est réessayé, de plus en plus
        espacé ; après 24 heures d’échecs, les envois s’arrêtent et le contact est prévenu par courriel. Après une restauration de la base, chacun reçoit
        d’abord un avis (en-tête X-Reperes-Reinitialisation, champ « reinitialisation ») et son contact un courriel : il relit l’export, les envois reprennent à
        partir de la restauration.
      </p>
      <section aria-labelledby="enregistrer">
        <h2 id="enregistrer">Enregistrer un moissonneur</h2>
        <HarvesterForm action={registerHarvesterAction} />
      </section>
      <section aria-labelledby="liste">
        <h2 id="liste">Moissonneurs enregistrés ({harvesters.length})</h2>
        <AdminTable
          rows={harvesters}
          rowKey={(h) => h.id}
          columns={[
            { header: 'Nom', cell: (h) => h.name },
            { header: 'Adresse', cell: (h) => h.url },
            { header: 'Contact', cell: (h) => h.contactEmail },
            { header: 'État', cell: state },
            {
              header: 'Actions',
              cell: (h) => (
                <>
                  {h.active && !h.gaveUpAt ? (
                    <HarvesterButton kind="pause" name={h.name} action={setHarvesterAction.bind(null, h.id, 'pause')} />
                  ) : (
                    <HarvesterButton kind="resume" name={h.name} action={setHarvesterAction.bind(null, h.id, 'resume')} />
                  )}{' '}
                  <HarvesterButton kind="remove" name={h.name} action={setHarvesterAction.bind(null, h.id, 'remove')} />
                </>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}
