import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButtons } from '@/components/admin/SignOutButtons';
import { requireUser } from '@/lib/auth/session';
import { signOutEverywhere } from './actions';

export const metadata: Metadata = { title: { default: 'Espace des contributeurs', template: '%s — Repères (contributeurs)' }, robots: { index: false } };
export const dynamic = 'force-dynamic';

const ROLE = { ADMIN: 'Administration', COORDINATOR: 'Coordination de réseau', EDITOR: 'Responsable de lieu' } as const;

const ALL = ['ADMIN', 'COORDINATOR', 'EDITOR'] as const;
const COORDINATION = ['ADMIN', 'COORDINATOR'] as const;
// What each role sees; every page checks the same rights again on the server.
const NAV: Array<{ href: string; label: string; roles: readonly string[] }> = [
  { href: '/admin', label: 'Tableau de bord', roles: ALL },
  { href: '/admin/lieux', label: 'Lieux', roles: ALL },
  { href: '/admin/a-valider', label: 'À valider', roles: COORDINATION },
  { href: '/admin/reseaux', label: 'Coordination des réseaux', roles: COORDINATION },
  { href: '/admin/utilisateurs', label: 'Comptes', roles: COORDINATION },
  { href: '/admin/import', label: 'Importer', roles: COORDINATION },
  { href: '/admin/fusion', label: 'Doublons', roles: ['ADMIN'] },
  { href: '/admin/outbox', label: 'Courriels envoyés', roles: ['ADMIN'] },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="container admin">
      <nav className="admin-nav" aria-label="Espace des contributeurs">
        <ul className="nav-list">
          {NAV.filter((link) => link.roles.includes(user.role)).map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
        </ul>
        <p className="admin-nav__user">
          {user.name ?? user.email} — {ROLE[user.role]}
        </p>
        <SignOutButtons signOutEverywhere={signOutEverywhere} />
      </nav>
      {children}
    </div>
  );
}
