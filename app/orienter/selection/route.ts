// /orienter/selection: "Ma sélection" and the fiche built from it. The selection lives in the
// browser: the page is a placeholder its script (components/islands/selection-sheet.ts) fills.
// Server-sent fiches are offered to signed-in professionals only (lib/orientation/send.ts); a
// signed-in request never uses the page cache (lib/render/public-page.ts).
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { SelectionView } from '@/components/orientation/OrientationPages';
import { canSendFicheByMail } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async () => ({
    title: 'Ma sélection et la fiche d’orientation',
    description: 'Les lieux choisis pour une personne, et la fiche d’orientation à lui remettre.',
    robots: 'noindex',
    scripts: ['site.js', 'selection-sheet.js'],
    body: createElement(SelectionView, { canSendByMail: canSendFicheByMail(await getCurrentUser()) }),
  }));
}
