// "Ma sélection": kept in this browser only (localStorage), never on the server. What the
// professional types about themselves is remembered here too; what concerns the beneficiary
// (first name, need) lives only in this tab (sessionStorage). Plain browser code: the React pages
// read it through use-selection.ts, the public pages' script (components/islands) directly.
export type SelectedPlace = { id: string; slug: string; name: string; note: string };
/** A session of an atelier (issue #19), kept under its own key: selections saved before it load unchanged. */
export type SelectedSession = { id: string; slug: string; title: string; place: string; startsAt: string; note: string };
export type Professional = { structure: string; contact: string };

const SELECTION_KEY = 'reperes:selection';
const SESSIONS_KEY = 'reperes:seances';
const PROFESSIONAL_KEY = 'reperes:professionnel';
const BENEFICIARY_KEY = 'reperes:beneficiaire';
const EVENT = 'reperes:selection-change';
export const MAX_SELECTION = 8;

function read<T>(storage: Storage | undefined, key: string, fallback: T): T {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(storage: Storage | undefined, key: string, value: unknown) {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // private browsing or full storage: the page keeps working for this visit
  }
  window.dispatchEvent(new Event(EVENT));
}

// Reading window.localStorage itself throws where storage is blocked (third-party frames, some
// privacy settings): then there is simply no selection.
function storage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window[kind];
  } catch {
    return undefined;
  }
}
const local = () => storage('localStorage');
const session = () => storage('sessionStorage');

let cache: { raw: string | null; value: SelectedPlace[] } = { raw: null, value: [] };

export function getSelection(): SelectedPlace[] {
  let raw: string | null = null;
  try {
    raw = local()?.getItem(SELECTION_KEY) ?? null;
  } catch {
    raw = null;
  }
  if (raw !== cache.raw) {
    const parsed = read<unknown>(local(), SELECTION_KEY, []);
    const valid = Array.isArray(parsed)
      ? parsed
          .filter((p): p is SelectedPlace => !!p && typeof p.id === 'string' && typeof p.slug === 'string' && typeof p.name === 'string')
          .map((p) => ({ ...p, note: typeof p.note === 'string' ? p.note : '' }))
      : [];
    cache = { raw, value: valid.slice(0, MAX_SELECTION) };
  }
  return cache.value;
}

export function setSelection(places: SelectedPlace[]) {
  write(local(), SELECTION_KEY, places.slice(0, MAX_SELECTION));
}

export function toggle(place: Omit<SelectedPlace, 'note'>): 'added' | 'removed' | 'full' {
  const current = getSelection();
  if (current.some((p) => p.id === place.id)) {
    setSelection(current.filter((p) => p.id !== place.id));
    return 'removed';
  }
  if (current.length >= MAX_SELECTION) return 'full';
  setSelection([...current, { ...place, note: '' }]);
  return 'added';
}

let sessionCache: { raw: string | null; value: SelectedSession[] } = { raw: null, value: [] };

const isSession = (s: unknown): s is SelectedSession =>
  !!s && typeof s === 'object' && ['id', 'slug', 'title', 'place', 'startsAt'].every((k) => typeof (s as Record<string, unknown>)[k] === 'string');

/** The chosen atelier sessions (none in a selection saved before they existed). */
export function getSessionSelection(): SelectedSession[] {
  let raw: string | null = null;
  try {
    raw = local()?.getItem(SESSIONS_KEY) ?? null;
  } catch {
    raw = null;
  }
  if (raw !== sessionCache.raw) {
    const parsed = read<unknown>(local(), SESSIONS_KEY, []);
    const valid = Array.isArray(parsed) ? parsed.filter(isSession).map((s) => ({ ...s, note: typeof s.note === 'string' ? s.note : '' })) : [];
    sessionCache = { raw, value: valid.slice(0, MAX_SELECTION) };
  }
  return sessionCache.value;
}

export function setSessionSelection(sessions: SelectedSession[]) {
  write(local(), SESSIONS_KEY, sessions.slice(0, MAX_SELECTION));
}

export function toggleSession(session: Omit<SelectedSession, 'note'>): 'added' | 'removed' | 'full' {
  const current = getSessionSelection();
  if (current.some((s) => s.id === session.id)) {
    setSessionSelection(current.filter((s) => s.id !== session.id));
    return 'removed';
  }
  if (current.length >= MAX_SELECTION) return 'full';
  setSessionSelection([...current, { ...session, note: '' }]);
  return 'added';
}

/** Calls `callback` whenever the selection changes, in this tab or another; returns the unsubscribe. */
export function subscribe(callback: () => void) {
  window.addEventListener(EVENT, callback);
  window.addEventListener('storage', callback);
  return () => {
    window.removeEventListener(EVENT, callback);
    window.removeEventListener('storage', callback);
  };
}

export const getProfessional = () => read<Professional>(local(), PROFESSIONAL_KEY, { structure: '', contact: '' });
export const saveProfessional = (value: Professional) => write(local(), PROFESSIONAL_KEY, value);
export const getBeneficiary = () => read<{ firstName: string; need: string }>(session(), BENEFICIARY_KEY, { firstName: '', need: '' });
export const saveBeneficiary = (value: { firstName: string; need: string }) => write(session(), BENEFICIARY_KEY, value);

/** Adds these places (a shared fiche's) to the selection, up to its limit; returns how many were new. */
export function addAll(places: Array<Omit<SelectedPlace, 'note'>>): number {
  const current = getSelection();
  const added = places.filter((p) => !current.some((c) => c.id === p.id)).map((p) => ({ ...p, note: '' }));
  setSelection([...current, ...added].slice(0, MAX_SELECTION));
  return added.length;
}

/** Prints the fiche alone (the stylesheet's `printing-fiche` rules hide the rest of the page). */
export function printFiche() {
  document.body.classList.add('printing-fiche');
  window.print();
  document.body.classList.remove('printing-fiche');
}
