import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButtons } from '@/components/admin/SignOutButtons';
import { requireUser } from '@/lib/auth/session';
import { signOutEverywhere } from './actions';

export const metadata: Metadata = { title: { default: 'Espace des contributeurs', template: '%s — Repères (contributeurs)' }, robots: { index: false } };
export const dynamic = 'force-dynamic';

const ROLE = { ADMIN: 'Administration', COORDINATOR: 'Coordination de réseau', EDITOR: 'Responsable de lieu' } as const;

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="container admin">
      <nav className="admin-nav" aria-label="Espace des contributeurs">
        <ul className="nav-list">
          <li>
            <Link href="/admin">Tableau de bord</Link>
          </li>
          <li>
            <Link href="/admin/lieux">Lieux</Link>
          </li>
          {user.role !== 'EDITOR' && (
            <li>
              <Link href="/admin/a-valider">À valider</Link>
            </li>
          )}
          {user.role !== 'EDITOR' && (
            <li>
              <Link href="/admin/import">Importer</Link>
            </li>
          )}
          {user.role === 'ADMIN' && (
            <li>
              <Link href="/admin/fusion">Doublons</Link>
            </li>
          )}
          {user.role === 'ADMIN' && (
            <li>
              <Link href="/admin/outbox">Courriels envoyés</Link>
            </li>
          )}
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
