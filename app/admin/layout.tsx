import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AdminMenu } from '@/components/admin/AdminMenu';
import { SignOutButtons } from '@/components/admin/SignOutButtons';
import {
  canManageAccounts,
  canManageHarvesters,
  canMergePlaces,
  canReadOutbox,
  canSeeNetworkDashboards,
  canSeeReviewQueue,
  canStartImports,
  type SessionUser,
} from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { signOutEverywhere } from './actions';

export const metadata: Metadata = { title: { default: 'Espace des contributeurs', template: '%s — Repères (contributeurs)' }, robots: { index: false } };
export const dynamic = 'force-dynamic';

const ROLE = { ADMIN: 'Administration', COORDINATOR: 'Coordination de réseau', EDITOR: 'Responsable de lieu' } as const;

const everyone = () => true;
// Each link is shown to whom its page's own check lets in; every page checks again on the server.
const NAV: Array<{ href: string; label: string; shown: (user: SessionUser) => boolean }> = [
  { href: '/admin', label: 'Tableau de bord', shown: everyone },
  { href: '/admin/lieux', label: 'Lieux', shown: everyone },
  { href: '/admin/ateliers', label: 'Ateliers', shown: everyone },
  { href: '/admin/a-valider', label: 'À valider', shown: canSeeReviewQueue },
  { href: '/admin/reseaux', label: 'Coordination des réseaux', shown: canSeeNetworkDashboards },
  { href: '/admin/utilisateurs', label: 'Comptes', shown: canManageAccounts },
  { href: '/admin/import', label: 'Importer', shown: canStartImports },
  { href: '/admin/fusion', label: 'Doublons', shown: canMergePlaces },
  { href: '/admin/moissonneurs', label: 'Moissonneurs', shown: canManageHarvesters },
  { href: '/admin/outbox', label: 'Courriels envoyés', shown: canReadOutbox },
  { href: '/admin/compte', label: 'Mon compte', shown: everyone },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="container admin">
      {/* On a phone, folded behind a menu button (AdminMenu). */}
      <nav className="admin-nav" aria-label="Espace des contributeurs">
        <AdminMenu>
          <ul className="nav-list">
            {NAV.filter((link) => link.shown(user)).map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
          <p className="admin-nav__user">
            {user.name ?? user.email} — {ROLE[user.role]}
          </p>
          <SignOutButtons signOutEverywhere={signOutEverywhere} />
        </AdminMenu>
      </nav>
      {children}
    </div>
  );
}
