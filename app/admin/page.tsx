import Link from 'next/link';
import { canSeeReviewQueue } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { backOfficeCounts } from '@/lib/editing/reads';

export const metadata = { title: 'Tableau de bord' };

export default async function AdminHome() {
  const user = await requireUser();
  const { published, drafts, stale, pendingChanges, pendingSuggestions } = await backOfficeCounts(user);
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
        {canSeeReviewQueue(user) && (
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
