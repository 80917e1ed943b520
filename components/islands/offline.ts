// The offline search (issue #21), loaded by offline-boot.ts only when needed: keeps a
// département's package (GET /api/hors-ligne/<code>, lib/offline/package.ts) in IndexedDB, refreshes
// it when online and older than a week, searches it by commune or around the phone's position
// (lib/offline/search.ts), and on the offline page shows the place a link asked for.
import type { OfflinePackage, PackedPlace } from '../../lib/offline/package';
import { ageInWords, findCommune, formatDistance, isStale, searchOffline, weekLines, type OfflineResult, type Point } from '../../lib/offline/search';
import { KEPT_KEY, keptInfo, type KeptInfo } from './offline-kept';

type Kept = { code: string; pkg: OfflinePackage; etag: string; downloadedAt: string };

const DB_NAME = 'reperes-offline';
const STORE = 'packages';

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'code' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  return new Promise((resolve, reject) => {
    const request = run(db.transaction(STORE, mode).objectStore(STORE));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const readKept = (code: string) => withStore<Kept | undefined>('readonly', (store) => store.get(code) as IDBRequest<Kept | undefined>);

async function writeKept(kept: Kept) {
  const previous = keptInfo();
  if (previous && previous.code !== kept.code) await withStore('readwrite', (store) => store.delete(previous.code));
  await withStore('readwrite', (store) => store.put(kept));
  const info: KeptInfo = {
    code: kept.code,
    name: kept.pkg.departement.name,
    date: kept.pkg.date,
    downloadedAt: kept.downloadedAt,
    count: kept.pkg.places.length,
  };
  localStorage.setItem(KEPT_KEY, JSON.stringify(info));
}

const longDate = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function say(panel: HTMLElement, text: string) {
  const status = panel.querySelector('[data-offline-status]');
  if (status) status.textContent = text;
}

/** Downloads (or refreshes) a département and shows its search. */
export async function keepDepartement(panel: HTMLElement, code: string) {
  say(panel, 'Téléchargement des lieux…');
  try {
    const kept = await download(code, await readKept(code).catch(() => undefined));
    say(panel, `Les ${kept.pkg.places.length} lieux de ${kept.pkg.departement.name} sont gardés sur ce téléphone (données du ${longDate(kept.pkg.date)}).`);
    showSearch(panel, kept);
  } catch {
    say(panel, 'Le téléchargement n’a pas abouti : vérifiez votre connexion et réessayez.');
  }
}

async function download(code: string, previous: Kept | undefined): Promise<Kept> {
  const response = await fetch(`/api/hors-ligne/${encodeURIComponent(code)}`, { headers: previous ? { 'If-None-Match': previous.etag } : {} });
  const downloadedAt = new Date().toISOString();
  let kept: Kept;
  if (response.status === 304 && previous) kept = { ...previous, downloadedAt };
  else if (response.ok) kept = { code, pkg: (await response.json()) as OfflinePackage, etag: response.headers.get('ETag') ?? '', downloadedAt };
  else throw new Error(`HTTP ${response.status}`);
  await writeKept(kept);
  return kept;
}

/** Mounts the search of the kept département (refreshed first when online and older than a week). */
export async function mountOffline(panel: HTMLElement) {
  const info = keptInfo();
  if (!info) return say(panel, 'Vous êtes hors ligne et aucun département n’est gardé sur ce téléphone.');
  let kept = await readKept(info.code).catch(() => undefined);
  if (!kept) return;
  if (navigator.onLine && isStale(kept.downloadedAt, new Date())) kept = await download(info.code, kept).catch(() => kept!);
  showSearch(panel, kept);
  showAskedPlace(kept);
}

function showSearch(panel: HTMLElement, kept: Kept) {
  const box = panel.querySelector<HTMLElement>('[data-offline-search]');
  if (!box) return;
  const { pkg } = kept;
  const input = el('input', { id: 'offline-ou', name: 'ou', type: 'text', autocomplete: 'off' });
  input.setAttribute('list', 'offline-communes');
  const list = el('datalist', { id: 'offline-communes' }, ...pkg.communes.map((c) => el('option', { value: c[0] })));
  const openOnly = el('input', { id: 'offline-ouvert', type: 'checkbox' });
  const around = el('button', { type: 'button', className: 'button button--secondary', textContent: 'Autour de moi' });
  const results = el('div', { className: 'offline-results' });
  results.setAttribute('aria-live', 'polite');
  const form = el(
    'form',
    { className: 'offline-search' },
    el('h3', { textContent: `Chercher sans connexion dans ${pkg.departement.name}` }),
    el('p', { textContent: `${pkg.places.length} lieux gardés le ${longDate(kept.downloadedAt)} (données du ${longDate(pkg.date)}).` }),
    el('label', { htmlFor: 'offline-ou', textContent: 'Commune ou code postal' }),
    input,
    list,
    el('p', {}, openOnly, ' ', el('label', { htmlFor: 'offline-ouvert', textContent: 'Ouvert maintenant seulement' })),
    el('p', {}, el('button', { type: 'submit', className: 'button', textContent: 'Chercher' }), ' ', around),
  );
  const run = (origin: Point, label: string) => {
    const started = performance.now();
    const found = searchOffline(pkg, origin, new Date(), { openOnly: openOnly.checked });
    results.replaceChildren(resultsView(found, label, kept));
    performance.measure('reperes-offline-search', { start: started, end: performance.now() });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const commune = findCommune(pkg, input.value);
    if (commune) run(commune.point, commune.name);
    else
      results.replaceChildren(
        el('p', { textContent: `Aucune commune « ${input.value.trim()} » dans ${pkg.departement.name}. Vérifiez l’orthographe ou choisissez dans la liste.` }),
      );
  });
  around.addEventListener('click', () => {
    results.replaceChildren(el('p', { textContent: 'Recherche de votre position…' }));
    navigator.geolocation?.getCurrentPosition(
      (p) => run({ latitude: p.coords.latitude, longitude: p.coords.longitude }, 'votre position'),
      () => results.replaceChildren(el('p', { textContent: 'Position indisponible : saisissez une commune.' })),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  });
  box.replaceChildren(form, results);
  // Offline on a search page: the commune the person typed is searched at once.
  const asked = new URLSearchParams(location.search).get('ou');
  if (asked && !navigator.onLine) {
    input.value = asked;
    form.requestSubmit();
  }
}

function resultsView(found: OfflineResult[], label: string, kept: Kept) {
  if (found.length === 0) return el('p', { textContent: 'Aucun lieu gardé ne correspond.' });
  return el(
    'div',
    {},
    el('h3', { textContent: `Les ${found.length} lieux les plus proches de ${label}` }),
    el('ol', { className: 'offline-list' }, ...found.map((r) => el('li', {}, placeCard(r.place, kept, r)))),
  );
}

function placeCard(place: PackedPlace, kept: Kept, result?: OfflineResult, headingTag: 'h2' | 'h4' = 'h4') {
  const { words, date } = kept.pkg;
  const [slug, name, street, postcode, commune, , , phone, services, fees, access, week, flags] = place;
  const card = el('article', { className: 'offline-card' });
  card.append(el(headingTag, {}, headingTag === 'h2' ? name : el('a', { href: `/lieux/${slug}`, textContent: name })));
  if (flags & 1) card.append(el('p', { className: 'badge', textContent: 'Lieu fictif de démonstration' }));
  if (result)
    card.append(
      el('p', {
        textContent: `À ${formatDistance(result.distanceKm)} · ${result.closedNow ? 'Fermé temporairement' : result.open ? 'Ouvert maintenant' : 'Fermé en ce moment'}`,
      }),
    );
  card.append(el('p', { textContent: `${street}, ${postcode} ${commune}` }));
  if (phone) card.append(el('p', {}, 'Téléphone : ', el('a', { href: `tel:${phone}`, textContent: phone })));
  const line = (title: string, list: number[], dictionary: string[]) => {
    if (list.length) card.append(el('p', { textContent: `${title} : ${list.map((i) => dictionary[i]).join(', ')}` }));
  };
  line('Aide proposée', services, words.services);
  line('Coût', fees, words.fees);
  line('Accès', access, words.access);
  const hours = weekLines(week);
  if (headingTag === 'h2' && hours.length)
    card.append(el('p', { textContent: 'Horaires habituels :' }), el('ul', {}, ...hours.map((h) => el('li', { textContent: h }))));
  card.append(
    el('p', {
      className: 'offline-card__age',
      textContent: `Données du ${longDate(date)}, gardées ${ageInWords(kept.downloadedAt, new Date())} : elles peuvent avoir changé.`,
    }),
  );
  return card;
}

/** On the offline page reached from /lieux/<slug>: that place, from the kept département. */
function showAskedPlace(kept: Kept) {
  const slot = document.querySelector<HTMLElement>('[data-offline-place]');
  const slug = location.pathname.match(/\/lieux\/([^/]+)\/?$/)?.[1];
  if (!slot || !slug) return;
  const place = kept.pkg.places.find((p) => p[0] === decodeURIComponent(slug));
  if (place)
    slot.replaceChildren(el('p', { textContent: 'Ce lieu fait partie du département gardé sur ce téléphone :' }), placeCard(place, kept, undefined, 'h2'));
}
