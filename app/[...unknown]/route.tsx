// Every address no route answers: a light "page not found" (plain HTML with the site's small script, no client runtime)
// in French, or in the language of its prefix (/en/nothing: the proxy rewrites it with the
// language, lib/i18n/locales.ts prefixedPathKind), with a way home. Never kept by the page cache:
// a stream of random addresses must not push the real pages out of it.
import { NotFoundContent } from '@/components/layout/NotFoundContent';
import { PublicDocument } from '@/components/layout/PublicDocument';
import { requestLocale, translator } from '@/lib/i18n';
import { htmlResponse, renderDocument } from '@/lib/render/html';

export const dynamic = 'force-dynamic';

function notFound(request: Request): Response {
  const t = translator(requestLocale(request.headers));
  const nonce = request.headers.get('x-nonce') ?? '';
  const html = renderDocument(
    <PublicDocument title={t('notFound.title')} description={t('notFound.text')} robots="noindex" nonce={nonce} scripts={['site.js']} t={t}>
      <NotFoundContent title={t('notFound.title')} message={t('notFound.text')} t={t} />
    </PublicDocument>,
  );
  return htmlResponse(request.method === 'HEAD' ? '' : html, { status: 404, headers: { 'Cache-Control': 'no-store' } });
}

export const GET = notFound;
export const HEAD = notFound;
