import 'server-only';
// The answer of /ateliers.ics: the calendar of the sessions matching the filters (ics.ts), kept a
// short while in the process's page cache, with validators so that calendar apps polling it
// (hourly: REFRESH-INTERVAL) get a 304 instead of 2 MB when nothing changed.
//
// The cache (lib/cache/page-cache.ts) is the public pages' one, keyed here on the filters as read
// (`atelierQuery`: the same feed asked with its parameters in another order, or with junk
// parameters, is one entry). What invalidates it: any change to the places, stops, networks,
// memberships, ateliers or sessions (the triggers of the public data NOTIFY every process, which
// empties its whole cache), and the next minute boundary at the latest (PAGE_CACHE_TTL_SECONDS),
// since sessions leave the feed as they end. Only 200 answers are kept; with PAGE_CACHE=off,
// outside production, or while the cache's listener is down, every request renders.
//
// Validators:
// - ETag: weak, the calendar's version (ics.ts: a hash of all it writes but DTSTAMP, the time of
//   writing, the only part that differs between two renders of the same data), so it stays the
//   same across renders and processes as long as the sessions shown do not change (the
//   VTIMEZONEs' span moves once a day, so it changes then too);
// - Last-Modified: the time of the render. If-Modified-Since is honoured against it (304 when
//   the copy held is at least that recent). A time taken from the data would be wrong: a session
//   deleted, a place leaving a network or a session ending change the feed without any
//   "updatedAt" moving. If-None-Match, when sent, decides alone (RFC 9110 §13.2.2); a date
//   If-Modified-Since gives in the future is ignored.
import { cachedPage, pageCacheHeader } from '@/lib/cache/page-cache';
import { atelierQuery, type AtelierFilters } from './filters';
import { writeCalendar } from './ics';
import { searchFeedSessions } from './search';

/** Enough for a network's six months; a feed is not a data dump (the API is). */
export const FEED_LIMIT = 3000;

export type FeedAnswer = { status: number; body: string; headers: Record<string, string> };

/** The calendar's title: the place, network or town asked for. */
export function feedName(filters: AtelierFilters): string {
  const what = filters.ou ?? filters.lieu ?? filters.reseau;
  return what ? `Ateliers — ${what} — Repères` : 'Ateliers — Repères';
}

async function render(filters: AtelierFilters, problems: string[], baseUrl: string, now: Date): Promise<FeedAnswer> {
  const result = await searchFeedSessions(filters, { now, limit: FEED_LIMIT, problems });
  if (result.problems.length && result.sessions.length === 0 && filters.ou && !result.origin) {
    return { status: 404, body: result.problems.join('\n'), headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
  }
  const { text, version } = writeCalendar(result.sessions, { baseUrl, name: feedName(filters), now });
  const lastModified = new Date(Math.floor(now.getTime() / 1000) * 1000);
  return { status: 200, body: text, headers: { ETag: `W/"${version}"`, 'Last-Modified': lastModified.toUTCString() } };
}

/** The feed for `filters`, from the cache when a fresh one is kept. */
export async function atelierFeed(filters: AtelierFilters, problems: string[], baseUrl: string, now = new Date()): Promise<FeedAnswer> {
  const page = await cachedPage(`ics:${atelierQuery(filters)}`, () => render(filters, problems, baseUrl, now));
  return { status: page.status, body: page.body, headers: { ...page.headers, ...pageCacheHeader(page.hit) } };
}

/** Whether a conditional GET or HEAD may be answered 304 for an answer with these validators. */
export function notModified(request: Headers, validators: { etag?: string; lastModified?: string }, now = new Date()): boolean {
  const ifNoneMatch = request.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (!validators.etag) return false;
    if (ifNoneMatch.trim() === '*') return true;
    // Weak comparison: W/ does not count.
    const bare = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(validators.etag!));
  }
  const since = Date.parse(request.get('if-modified-since') ?? '');
  const modified = Date.parse(validators.lastModified ?? '');
  // A date in the future (a wrong clock) would hold every later change back: ignored.
  return Number.isFinite(since) && Number.isFinite(modified) && modified <= since && since <= now.getTime();
}
