// /orienter/fiche?lieux=a,b&seances=<ids>: the page a shared link opens (the chosen places, up to date, and
// nothing about the person), rendered to plain HTML (app/light-page.tsx), in the visitor's language:
// the professional shares /ar/orienter/fiche?… with a person who reads Arabic (lib/i18n).
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { SharedFicheView } from '@/components/orientation/OrientationPages';
import { requestLocale, translator } from '@/lib/i18n';
import { MAX_FICHE_PLACES, shareLink } from '@/lib/orientation/fiche';
import { baseUrl } from '@/lib/orientation/http';
import { ficheMailto } from '@/lib/orientation/mailto';
import { fichePlacesBySlugs, ficheSessionsByIds } from '@/lib/orientation/pages';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  const t = translator(requestLocale(request.headers));
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
      slugs.length ? fichePlacesBySlugs(slugs, baseUrl(), t.locale) : [],
      sessionIds.length ? ficheSessionsByIds(sessionIds, baseUrl(), t.locale) : [],
    ]);
    const mailto = ficheMailto(
      {
        shareUrl: shareLink(
          baseUrl(),
          places.map((p) => p.slug),
          sessions.map((s) => s.id),
          t.locale,
        ),
      },
      t,
    );
    return {
      title: t('orient.shared.title'),
      description: t('orient.shared.description'),
      robots: 'noindex',
      body: createElement(SharedFicheView, { places, sessions, mailto, t }),
      t,
      path: `/orienter/fiche${url.search}`,
    };
  });
}
