import Link from 'next/link';
import { placeScopeWhere } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';

export const metadata = { title: 'Tableau de bord' };

export default async function AdminHome() {
  const user = await requireUser();
  const scope = placeScopeWhere(user);
  const yearAgo = oneYearAgo();
  const [published, drafts, stale, pendingChanges, pendingSuggestions] = await Promise.all([
    db.place.count({ where: { ...scope, status: 'PUBLISHED' } }),
    db.place.count({ where: { ...scope, status: 'DRAFT' } }),
    db.place.count({ where: { ...scope, status: 'PUBLISHED', dateMaj: { lt: yearAgo } } }),
    db.placeRevision.count({ where: { state: 'PENDING', place: scope } }),
    db.suggestion.count({ where: { state: 'PENDING', place: scope } }),
  ]);
  return (
    <>
      <h1>Tableau de bord</h1>
      <ul className="stats">
        <li>
          <strong>{published}</strong> lieux publiés
        </li>
        <li>
          <strong>{drafts}</strong> brouillons
        </li>
        <li>
          <Link href="/admin/lieux?tri=fraicheur">
            <strong>{stale}</strong> fiches non confirmées depuis plus d’un an
          </Link>
        </li>
        {user.role !== 'EDITOR' && (
          <li>
            <Link href="/admin/a-valider">
              <strong>{pendingChanges + pendingSuggestions}</strong> à valider ({pendingChanges} modifications, {pendingSuggestions} signalements)
            </Link>
          </li>
        )}
      </ul>
    </>
  );
}

function oneYearAgo() {
  return new Date(Date.now() - 365 * 24 * 3600 * 1000);
}
