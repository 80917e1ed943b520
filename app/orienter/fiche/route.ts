// /orienter/fiche?lieux=a,b: the page a shared link opens (the chosen places, up to date, and
// nothing about the person), rendered to plain HTML (app/light-page.tsx).
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { SharedFicheView } from '@/components/orientation/OrientationPages';
import { MAX_FICHE_PLACES, shareLink } from '@/lib/orientation/fiche';
import { baseUrl } from '@/lib/orientation/http';
import { ficheMailto } from '@/lib/orientation/mailto';
import { fichePlacesBySlugs } from '@/lib/orientation/pages';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async (url) => {
    const slugs = url.searchParams
      .getAll('lieux')
      .join(',')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => /^[a-z0-9-]{1,120}$/.test(s))
      .slice(0, MAX_FICHE_PLACES);
    const places = slugs.length ? await fichePlacesBySlugs(slugs, baseUrl()) : [];
    const mailto = ficheMailto({
      shareUrl: shareLink(
        baseUrl(),
        places.map((p) => p.slug),
      ),
    });
    return {
      title: 'Lieux d’aide au numérique pour vous',
      description: 'Les lieux choisis pour vous aider au numérique.',
      robots: 'noindex',
      body: createElement(SharedFicheView, { places, mailto }),
    };
  });
}
