// Receives the upload form of /admin/import (a route handler: server actions cap bodies at 1 MB),
// starts the dry run and sends the browser to its report.
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { parseMapping } from '@/lib/import/generic';
import { MAX_UPLOAD_BYTES, startImport } from '@/lib/import/runs';
import { BodyTooLargeError, formDataLimited } from '@/lib/import/upload';

export const dynamic = 'force-dynamic';

const back = (request: Request, path: string) => Response.redirect(new URL(path, request.url), 303);

export async function POST(request: Request) {
  // Same-origin forms only (the session cookie is SameSite=Lax; this is the second lock).
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(request.url).origin) return new Response('Origine refusée.', { status: 403 });
  const user = await getCurrentUser();
  if (!user) return back(request, '/connexion?retour=%2Fadmin%2Fimport');
  // The bytes are counted as they arrive (a chunked upload has no Content-Length): the form's
  // fields get 1 MB on top of the file's limit.
  let form: FormData;
  try {
    form = await formDataLimited(request, MAX_UPLOAD_BYTES + 1024 * 1024);
  } catch (error) {
    return back(request, `/admin/import?erreur=${error instanceof BodyTooLargeError ? 'taille' : 'vide'}`);
  }
  const file = form.get('fichier');
  if (!(file instanceof File) || file.size === 0) return back(request, '/admin/import?erreur=vide');
  const mappingText = String(form.get('correspondance') ?? '').trim();
  let mapping = null;
  if (mappingText) {
    const parsed = parseMapping(mappingText);
    if ('error' in parsed) return back(request, '/admin/import?erreur=correspondance');
    mapping = parsed.mapping;
  }
  const result = await startImport(db, user, {
    format: String(form.get('format') ?? ''),
    fileName: file.name || 'fichier',
    bytes: Buffer.from(await file.arrayBuffer()),
    sourceName: String(form.get('source') ?? '').trim() || null,
    networkSlug: String(form.get('reseau') ?? '').trim() || null,
    mapping,
    archiveMissing: form.get('archiver') === 'oui',
  });
  return back(request, result.ok ? `/admin/import/${result.id}` : `/admin/import?erreur=${result.error}`);
}
