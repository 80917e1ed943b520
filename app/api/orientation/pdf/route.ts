import { db } from '@/lib/db';
import { DEFAULT_LOCALE, isLocale, translator, type Translator } from '@/lib/i18n';
import { buildFiche } from '@/lib/orientation/fiche';
import { baseUrl, clientKey, readFicheRequest, sameOrigin } from '@/lib/orientation/http';
import { renderFichePdf } from '@/lib/orientation/pdf';
import { hit } from '@/lib/security/rate-limit';

export const dynamic = 'force-dynamic';

const escape = (text: string) => text.replace(/[<>&"]/g, '');

function problem(t: Translator, status: number, message: string) {
  return new Response(
    `<!doctype html><html lang="${t.locale}" dir="${t.dir}"><meta charset="utf-8"><title>${escape(t('orient.fiche.title'))}</title><p>${escape(message)}</p><p><a href="${t.path('/orienter/selection')}">${escape(t('orient.pdf.back'))}</a></p></html>`,
    {
      status,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    },
  );
}

// The PDF is built from what the browser sends and streamed back; nothing is stored. In the
// language of the page that asked (?lang=ar, French when absent or unknown: lib/i18n).
export async function POST(request: Request) {
  const lang = new URL(request.url).searchParams.get('lang');
  const t = translator(isLocale(lang) ? lang : DEFAULT_LOCALE);
  if (!sameOrigin(request)) return problem(t, 403, t('orient.pdf.refused'));
  const limit = await hit(`fiche-pdf:${clientKey(request.headers)}`, { limit: 30, windowSeconds: 600 });
  if (!limit.ok) return problem(t, 429, t('orient.pdf.tooMany'));
  const parsed = await readFicheRequest(request);
  // The validation's own messages are French (lib/orientation/fiche.ts): another language gets its general one.
  if (!parsed.ok) return problem(t, 400, t.locale === DEFAULT_LOCALE ? parsed.message : t('orient.pdf.unreadable'));
  const fiche = await buildFiche(db, parsed.request, baseUrl(), new Date(), t.locale);
  if (fiche.places.length === 0 && fiche.sessions.length === 0) return problem(t, 400, t('orient.pdf.nothing'));
  const pdf = await renderFichePdf(fiche);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment; filename="fiche-orientation.pdf"',
      'Cache-Control': 'no-store',
    },
  });
}
