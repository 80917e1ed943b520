// /orienter/selection: "Ma sélection" and the fiche built from it. The selection lives in the
// browser: the page is a placeholder its script (components/islands/selection-sheet.ts) fills, with
// the words the page gives it in the visitor's language (lib/i18n).
// Server-sent fiches are offered to signed-in professionals only (lib/orientation/send.ts); a
// signed-in request never uses the page cache (lib/render/public-page.ts).
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { SelectionView } from '@/components/orientation/OrientationPages';
import { canSendFicheByMail } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { requestLocale, translator } from '@/lib/i18n';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  const t = translator(requestLocale(request.headers));
  return lightPageResponse(request, async () => ({
    title: t('orient.selection.title'),
    description: t('orient.selection.description'),
    robots: 'noindex',
    scripts: ['site.js', 'selection-sheet.js'],
    body: createElement(SelectionView, { canSendByMail: canSendFicheByMail(await getCurrentUser()), t }),
    t,
    path: '/orienter/selection',
  }));
}
