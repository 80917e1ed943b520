// /orienter: the guided mode's four steps (GET forms carrying the answers in the URL), rendered
// to plain HTML (app/light-page.tsx).
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { OrientationView } from '@/components/orientation/OrientationPages';
import { queryParams } from '@/lib/search/page';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async (url) => ({
    title: 'Orienter une personne',
    description:
      'Pour les professionnels : en quatre questions, trouvez le lieu d’aide au numérique qui convient à la personne que vous accompagnez, et remettez-lui une fiche claire.',
    body: createElement(OrientationView, { params: queryParams(url) }),
  }));
}
