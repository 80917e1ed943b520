// /orienter/fiche?lieux=a,b&seances=<ids>: the page a shared link opens (the chosen places, up to date, and
// nothing about the person), rendered to plain HTML (app/light-page.tsx).
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { SharedFicheView } from '@/components/orientation/OrientationPages';
import { MAX_FICHE_PLACES, shareLink } from '@/lib/orientation/fiche';
import { baseUrl } from '@/lib/orientation/http';
import { ficheMailto } from '@/lib/orientation/mailto';
import { fichePlacesBySlugs, ficheSessionsByIds } from '@/lib/orientation/pages';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async (url) => {
    const listOf = (name: string, pattern: RegExp) =>
      url.searchParams
        .getAll(name)
        .join(',')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => pattern.test(s))
        .slice(0, MAX_FICHE_PLACES);
    const slugs = listOf('lieux', /^[a-z0-9-]{1,120}$/);
    const sessionIds = listOf('seances', /^[0-9a-f-]{36}$/i);
    const [places, sessions] = await Promise.all([
      slugs.length ? fichePlacesBySlugs(slugs, baseUrl()) : [],
      sessionIds.length ? ficheSessionsByIds(sessionIds, baseUrl()) : [],
    ]);
    const mailto = ficheMailto({
      shareUrl: shareLink(
        baseUrl(),
        places.map((p) => p.slug),
        sessions.map((s) => s.id),
      ),
    });
    return {
      title: 'Lieux d’aide au numérique pour vous',
      description: 'Les lieux choisis pour vous aider au numérique.',
      robots: 'noindex',
      body: createElement(SharedFicheView, { places, sessions, mailto }),
    };
  });
}
