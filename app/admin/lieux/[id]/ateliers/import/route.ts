// Receives the calendar upload of a place's ateliers page (a route handler: server actions cap
// bodies at 1 MB), imports it (lib/ateliers/ical-import.ts asks canManageAteliers) and sends the
// browser back to the page with its report. A file only: the back-office never fetches an
// address a user typed (no server-side request forgery; the command line fetches).
import { importFeed } from '@/lib/ateliers/ical-import';
import { ICS_MAX_BYTES } from '@/lib/ateliers/ical-read';
import { encodeFlash, flashOf, IMPORT_REPORT_COOKIE } from '@/lib/ateliers/import-report';
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { BodyTooLargeError, formDataLimited } from '@/lib/import/upload';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(request.url).origin) return new Response('Origine refusée.', { status: 403 });
  const page = `/admin/lieux/${encodeURIComponent(id)}/ateliers`;
  const user = await getCurrentUser();
  if (!user) return Response.redirect(new URL(`/connexion?retour=${encodeURIComponent(page)}`, request.url), 303);
  let result: Awaited<ReturnType<typeof importFeed>>;
  try {
    const form = await formDataLimited(request, ICS_MAX_BYTES + 64 * 1024);
    const file = form.get('calendrier');
    result =
      file instanceof File && file.size > 0
        ? await importFeed(db, user, id, new Uint8Array(await file.arrayBuffer()), {
            defaultTheme: String(form.get('theme') ?? '') || null,
            dryRun: form.get('essai') === 'oui',
          })
        : { ok: false, error: 'Choisissez un fichier de calendrier (.ics) à importer.' };
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    result = {
      ok: false,
      error: `Le fichier dépasse ${ICS_MAX_BYTES / 1024 / 1024} Mo : rien n’a été importé. Exportez seulement les ateliers à venir de ce lieu.`,
    };
  }
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  const cookie = `${IMPORT_REPORT_COOKIE}=${encodeFlash(flashOf(result, id, user.id))}; Path=${page}; Max-Age=120; HttpOnly; SameSite=Lax${secure}`;
  return new Response(null, { status: 303, headers: { Location: new URL(`${page}#import-calendrier`, request.url).toString(), 'Set-Cookie': cookie } });
}
