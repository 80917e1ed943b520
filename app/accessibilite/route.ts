// /accessibilite: the accessibility statement, rendered to plain HTML (app/light-page.tsx).
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { AccessibilityView } from '@/components/info/InfoPages';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async () => ({
    title: 'Accessibilité',
    description: 'La déclaration d’accessibilité de Repères (RGAA 4.1, WCAG 2.1 AA) et comment signaler un problème.',
    body: createElement(AccessibilityView),
  }));
}
