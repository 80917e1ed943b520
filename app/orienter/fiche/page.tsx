import type { Metadata } from 'next';
import { AddAllButton } from '@/components/orientation/AddAllButton';
import { FicheView } from '@/components/orientation/FicheView';
import { PrintButton } from '@/components/orientation/PrintButton';
import { MAX_FICHE_PLACES, shareLink } from '@/lib/orientation/fiche';
import { baseUrl } from '@/lib/orientation/http';
import { ficheMailto } from '@/lib/orientation/mailto';
import { fichePlacesBySlugs, ficheSessionsByIds } from '@/lib/orientation/pages';

export const metadata: Metadata = { title: 'Lieux d’aide au numérique pour vous', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ lieux?: string | string[]; seances?: string | string[] }> };

const listOf = (raw: string | string[] | undefined, pattern: RegExp) =>
  (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => pattern.test(s))
    .slice(0, MAX_FICHE_PLACES);

// The page a shared link opens: the chosen places, up to date, and nothing about the person.
export default async function SharedFichePage({ searchParams }: Props) {
  const params = await searchParams;
  const slugs = listOf(params.lieux, /^[a-z0-9-]{1,120}$/);
  const sessionIds = listOf(params.seances, /^[0-9a-f-]{36}$/i);
  const [places, sessions] = await Promise.all([
    slugs.length ? fichePlacesBySlugs(slugs, baseUrl()) : [],
    sessionIds.length ? ficheSessionsByIds(sessionIds, baseUrl()) : [],
  ]);
  return (
    <div className="container">
      <h1 className="no-print">Les lieux où vous faire aider</h1>
      {places.length === 0 && sessions.length === 0 ? (
        <p className="notice">
          Ce lien ne mène à aucun lieu publié (il est peut-être incomplet). <a href="/recherche">Cherchez un lieu d’aide au numérique</a>.
        </p>
      ) : (
        <>
          <div className="selection-actions no-print">
            <PrintButton />
            <AddAllButton places={places.map((p) => ({ id: p.id, slug: p.slug, name: p.name }))} />
            {/* Works without JavaScript: the professional's own mail app sends it, not our server. */}
            <a
              className="button"
              href={ficheMailto({
                shareUrl: shareLink(
                  baseUrl(),
                  places.map((p) => p.slug),
                  sessions.map((s) => s.id),
                ),
              })}
            >
              Écrire avec ma messagerie
            </a>
          </div>
          <FicheView places={places} sessions={sessions} />
        </>
      )}
    </div>
  );
}
