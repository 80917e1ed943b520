import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { DEFAULT_LOCALE, isLocale, translator } from '@/lib/i18n';
import { baseUrl, readFicheRequest, sameOrigin } from '@/lib/orientation/http';
import { sendFiche } from '@/lib/orientation/send';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

// Server-sent fiches are for signed-in professionals only (lib/orientation/send.ts): an
// anonymous request is refused before anything is read or sent. In the language of the page that
// asked (?lang=uk, French when absent or unknown, as for the PDF): the mail, its PDF and every
// answer here (`message`, shown as is by the selection sheet, components/orientation/SelectionHandOver.tsx).
export async function POST(request: Request) {
  const lang = new URL(request.url).searchParams.get('lang');
  const t = translator(isLocale(lang) ? lang : DEFAULT_LOCALE);
  if (!sameOrigin(request)) return Response.json({ message: t('orient.pdf.refused') }, { status: 403, headers: NO_STORE });
  const sender = await getCurrentUser();
  if (!sender) return Response.json({ message: t('orient.send.signIn', { mailApp: t('orient.sheet.mailApp') }) }, { status: 401, headers: NO_STORE });
  const parsed = await readFicheRequest(request);
  // The validation's own messages are French (lib/orientation/fiche.ts): another language gets its general one.
  if (!parsed.ok)
    return Response.json({ message: t.locale === DEFAULT_LOCALE ? parsed.message : t('orient.pdf.unreadable') }, { status: 400, headers: NO_STORE });
  const result = await sendFiche(db, { sender, request: parsed.request, email: parsed.email, baseUrl: baseUrl(), locale: t.locale });
  if (result.status === 'sent') return Response.json({ message: t('orient.send.sent') }, { headers: NO_STORE });
  if (result.status === 'forbidden') return Response.json({ message: t('orient.send.forbidden') }, { status: 403, headers: NO_STORE });
  if (result.status === 'limited')
    return Response.json({ message: result.message }, { status: 429, headers: { ...NO_STORE, 'Retry-After': String(result.retryAfterSeconds) } });
  return Response.json({ message: result.message, field: result.field }, { status: 400, headers: NO_STORE });
}
