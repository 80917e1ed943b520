// /hors-ligne: the offline page (components/offline/OfflinePage.tsx), kept by the service worker at
// install. The same for everyone; rendered through the page cache like the other light pages.
import { createElement } from 'react';
import { OfflinePage } from '@/components/offline/OfflinePage';
import { renderDocument } from '@/lib/render/html';
import { servePage } from '@/lib/render/public-page';
import { pageCacheControl } from '@/lib/security/cache-control';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return servePage(request, async (nonce) => {
    const cacheControl = pageCacheControl({ method: request.method, pathname: new URL(request.url).pathname, cookie: request.headers.get('cookie') });
    return { status: 200, html: renderDocument(createElement(OfflinePage, { nonce })), headers: cacheControl ? { 'Cache-Control': cacheControl } : undefined };
  });
}
