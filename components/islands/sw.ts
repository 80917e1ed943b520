// The service worker (issue #21), served at /sw.js by app/sw.js/route.ts with its configuration
// (the version and the shell's hashed files) written in front. Hand-written, a few kB: the public
// pages are plain HTML with one hashed script and stylesheet, so a library's routing and build
// plugins (Workbox, Serwist) would weigh more than the rules below. The rules are in
// lib/offline/sw-rules.ts (tested there, listed in docs/security.md):
// - hashed files (/assets, /_next/static, icons): from the phone once kept;
// - the pages people read (places, searches, the fiche…): from the network, a copy kept for
//   reading offline, served with a "Consulté le … — peut avoir changé" note when the network fails;
// - never the back-office, sign-in, the API, nor any answer marked no-store or private (every
//   signed-in answer is);
// - a new version installs beside the old one and takes over at the next visit (no skipWaiting):
//   a page always runs the script its server sent, and old caches go when the new one activates.
/* eslint-disable no-restricted-syntax -- a service worker answers the browser's own requests: Response is its whole job, there is no app/ route to leave it to. */
import { escapeHtml, isKeptPage, isStaticFile, KEEP_HEADER, markKeptPage, mayKeepPage, neverHandled } from '../../lib/offline/sw-rules';

type Config = { version: string; shell: string[] };
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response> | Response): void };
type Worker = typeof globalThis & { REPERES_SW: Config; clients: { claim(): Promise<void> }; location: Location };
type KeepMessage = ExtendableEvent & { data: unknown };

const worker = self as unknown as Worker;
const CONFIG = worker.REPERES_SW;
const SHELL = `reperes-shell-${CONFIG.version}`;
const STATIC = 'reperes-static-v1';
const PAGES = 'reperes-pages-v1';
const MAX_PAGES = 60;
const MAX_STATIC = 80;
const OFFLINE_PAGE = '/hors-ligne';
const SAVED = 'x-reperes-saved';
const TITLE = 'x-reperes-title';

worker.addEventListener('install', (event) => {
  (event as ExtendableEvent).waitUntil(caches.open(SHELL).then((cache) => cache.addAll(CONFIG.shell.map((url) => new Request(url, { cache: 'reload' })))));
});

// Old shells go. The first install also takes the open pages (they had no worker): an update
// activates only once no page runs the old one, so taking them then changes nothing.
worker.addEventListener('activate', (event) => {
  (event as ExtendableEvent).waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('reperes-shell-') && name !== SHELL).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

// The page that installed the worker was loaded before it: it asks to be kept (same rules as any page).
worker.addEventListener('message', (rawEvent) => {
  const event = rawEvent as unknown as KeepMessage;
  const keep = (event.data as { keep?: unknown } | null)?.keep;
  if (typeof keep !== 'string') return;
  const url = new URL(keep, worker.location.origin);
  if (url.origin !== worker.location.origin || !isKeptPage(url.pathname)) return;
  event.waitUntil(
    // Marked: a page fetched again to keep it is not a person's search (lib/render/public-page.ts, `counted`).
    fetch(url.href, { credentials: 'same-origin', headers: { [KEEP_HEADER]: '1' } })
      .then((response) => (mayKeepPage(response) ? store(new Request(url.href), response) : undefined))
      .catch(() => undefined),
  );
});

worker.addEventListener('fetch', (rawEvent) => {
  const event = rawEvent as FetchEvent;
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || neverHandled(url.pathname)) return;
  if (isStaticFile(url.pathname)) return event.respondWith(staticFile(request, url));
  if (request.mode !== 'navigate') return;
  event.respondWith(page(request, url));
});

async function staticFile(request: Request, url: URL): Promise<Response> {
  const kept = await caches.match(request);
  if (kept) return kept;
  try {
    const response = await fetch(request);
    if (response.ok && /^\/(?:assets|_next\/static)\//.test(url.pathname)) {
      const cache = await caches.open(STATIC);
      await cache.put(request, response.clone());
      void trim(cache, MAX_STATIC);
    }
    return response;
  } catch (error) {
    // A page kept by an older version names older hashed files: serve today's file of the same name.
    const name = url.pathname.match(/^\/assets\/([a-z]+)-[\w-]+\.(js|css)$/);
    const current = name && CONFIG.shell.find((file) => file.startsWith(`/assets/${name[1]}-`) && file.endsWith(`.${name[2]}`));
    const fallback = current && (await caches.match(current));
    if (fallback) return fallback;
    throw error;
  }
}

async function page(request: Request, url: URL): Promise<Response> {
  const keep = isKeptPage(url.pathname);
  try {
    const response = await fetch(request);
    if (keep && mayKeepPage(response)) await store(request, response.clone());
    return response;
  } catch {
    const kept = keep ? await caches.match(request, { cacheName: PAGES, ignoreVary: true }) : undefined;
    if (kept) return marked(kept);
    // A search not kept: the search page, where the places kept for offline can be searched.
    const shellPath = url.pathname.endsWith('/recherche') ? '/recherche' : OFFLINE_PAGE;
    const shell = (await caches.match(shellPath, { cacheName: SHELL })) ?? (await caches.match(OFFLINE_PAGE));
    if (shell) return offlineShell(shell, shellPath === OFFLINE_PAGE);
    return new Response('<!doctype html><html lang="fr"><meta charset="utf-8"><title>Hors ligne — Repères</title><h1>Vous êtes hors ligne</h1>', {
      status: 503,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  }
}

async function store(request: Request, response: Response) {
  const html = await response.text();
  const title = (html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '').replace(
    /&(amp|lt|gt|quot|#x27|#39);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? "'",
  );
  const headers = new Headers(response.headers);
  headers.set(SAVED, new Date().toISOString());
  headers.set(TITLE, encodeURIComponent(title));
  const cache = await caches.open(PAGES);
  await cache.put(request, new Response(html, { status: 200, headers }));
  await trim(cache, MAX_PAGES);
}

async function trim(cache: Cache, max: number) {
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(old);
}

async function marked(kept: Response): Promise<Response> {
  const html = markKeptPage(await kept.text(), kept.headers.get(SAVED) ?? new Date().toISOString());
  return new Response(html, { status: 200, headers: kept.headers });
}

/** The offline page (or the bare search page), with the list of the pages kept on this phone. */
async function offlineShell(shell: Response, listPages: boolean): Promise<Response> {
  let html = await shell.text();
  if (listPages) {
    const keys = await (await caches.open(PAGES)).keys();
    const items: string[] = [];
    for (const key of [...keys].reverse()) {
      const kept = await caches.match(key, { cacheName: PAGES, ignoreVary: true });
      const path = new URL(key.url);
      if (!kept || path.pathname === OFFLINE_PAGE) continue;
      const title = decodeURIComponent(kept.headers.get(TITLE) ?? '') || path.pathname;
      items.push(`<li><a href="${escapeHtml(path.pathname + path.search)}">${escapeHtml(title.replace(/ — Repères$/, ''))}</a></li>`);
    }
    html = html.replace('<!--kept-pages-->', items.length ? `<ul>${items.join('')}</ul>` : '<p>Aucune page n’est encore gardée sur ce téléphone.</p>');
  } else {
    html = markKeptPage(html, shell.headers.get('date') ? new Date(shell.headers.get('date')!).toISOString() : new Date().toISOString());
  }
  return new Response(html, { status: 200, headers: shell.headers });
}
