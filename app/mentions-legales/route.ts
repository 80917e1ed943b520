// /mentions-legales: the legal notice, rendered to plain HTML (app/light-page.tsx).
import { createElement } from 'react';
import { lightPageResponse } from '@/app/light-page';
import { LegalView } from '@/components/info/InfoPages';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return lightPageResponse(request, async () => ({
    title: 'Mentions légales',
    description: 'Mentions légales de Repères : éditeur, données personnelles, licence des données des lieux.',
    body: createElement(LegalView),
  }));
}
