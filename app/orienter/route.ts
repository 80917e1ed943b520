// /orienter: the guided mode's four steps (GET forms carrying the answers in the URL), rendered
// to plain HTML (app/light-page.tsx), in the visitor's language (/ar/orienter, lib/i18n).
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { OrientationView } from '@/components/orientation/OrientationPages';
import { requestLocale, translator } from '@/lib/i18n';
import { queryParams } from '@/lib/search/page';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  const t = translator(requestLocale(request.headers));
  return lightPageResponse(request, async (url) => ({
    title: t('orient.title'),
    description: t('orient.description'),
    body: createElement(OrientationView, { params: queryParams(url), t }),
    t,
    path: `/orienter${url.search}`,
  }));
}
