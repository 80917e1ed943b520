// What the service worker (components/islands/sw.ts) may keep, as pure functions its unit tests
// read (sw-rules.test.ts) and docs/security.md lists. The worker cannot see cookies (the session
// cookie is httpOnly), so "nothing for a signed-in person" rests on the server: every public page
// answers a signed-in request with `Cache-Control: private, no-store` (lib/security/cache-control.ts),
// and the worker never keeps an answer that says no-store or private.

/** The header the worker sends when it fetches a page again to keep it: not a person's search (lib/render/public-page.ts, `counted`). */
export const KEEP_HEADER = 'x-reperes-keep';

/** A language prefix (/en, /ar…) or the easy-to-read one (/facile) before the page's own path. */
const PREFIX = /^\/(?:[a-z]{2}|facile)(?=\/|$)/;

export function withoutPrefix(pathname: string): string {
  const rest = pathname.replace(PREFIX, '');
  return rest === '' ? '/' : rest;
}

/** Never touched by the worker, whatever the answer: the back-office, sign-in, the API, campaign links, registrations. */
const NEVER = /^\/(?:admin|connexion|api|mise-a-jour|ateliers\/inscription|ateliers\/annulation|orienter\/selection)(?:\/|$)/;

export function neverHandled(pathname: string): boolean {
  return NEVER.test(pathname) || NEVER.test(withoutPrefix(pathname));
}

/** The pages a person reads and may want again without a network. */
const KEPT_PAGES =
  /^\/(?:|recherche|lieux\/[^/]+|orienter\/fiche|communes\/[^/]+|departements\/[^/]+|territoires(?:\/[^/]+)?|reseaux(?:\/[^/]+)?|ateliers(?:\/[^/]+)?|hors-ligne)\/?$/;

export function isKeptPage(pathname: string): boolean {
  return !neverHandled(pathname) && KEPT_PAGES.test(withoutPrefix(pathname));
}

/** Hashed, immutable files: kept on first use. */
export function isStaticFile(pathname: string): boolean {
  return /^\/(?:assets|_next\/static|icons)\//.test(pathname) || pathname === '/icon.svg' || pathname === '/manifest.webmanifest';
}

type Answer = { status: number; type: string; headers: { get(name: string): string | null } };

/** Whether a page's answer may be kept: a plain 200 HTML page that allows storing, not a redirect. */
export function mayKeepPage(answer: Answer): boolean {
  if (answer.status !== 200 || answer.type !== 'basic') return false;
  if (!(answer.headers.get('content-type') ?? '').startsWith('text/html')) return false;
  const cacheControl = (answer.headers.get('cache-control') ?? '').toLowerCase();
  if (/no-store|private/.test(cacheControl)) return false;
  // A page that sets a cookie is about someone.
  return !answer.headers.get('set-cookie');
}

/** The note put on a page served from the phone's copy. */
export function keptNote(savedAt: string, zone = 'Europe/Paris'): string {
  const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(new Date(savedAt));
  return `Consulté le ${when} — peut avoir changé. Vous voyez la copie gardée sur ce téléphone.`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Puts the note at the top of the page's main content (or of the body). */
export function markKeptPage(html: string, savedAt: string): string {
  const note = `<p class="kept-note" role="note" style="margin:0;padding:.5rem 1rem;background:#fff4ce;color:#3d2e00;border-bottom:2px solid #a57d00">${escapeHtml(keptNote(savedAt))}</p>`;
  if (/<main\b[^>]*>/.test(html)) return html.replace(/<main\b[^>]*>/, (tag) => `${tag}${note}`);
  return html.replace(/<body\b[^>]*>/, (tag) => `${tag}${note}`);
}
