// The back-office's report of a calendar import, carried from the upload's route handler to the
// ateliers page by a short-lived cookie (a redirect after POST; nothing kept on a server, so any
// instance shows it). Bound to the user and the place; at most about 3 kB: the command line
// prints the whole list, the page says how many lines were left out.
import type { FeedImportResult } from './ical-import';
import { reportLines } from './ical-import';

export const IMPORT_REPORT_COOKIE = 'reperes_ateliers_import';
// Bytes of the lines' UTF-8 (accents take two): base64 adds a third, the cookie stays under 4 kB.
const MAX_BYTES = 2500;

export type ImportReportFlash = { placeId: string; userId: string; ok: boolean; lines: string[]; omitted: number };

export function flashOf(result: FeedImportResult, placeId: string, userId: string): ImportReportFlash {
  const all = result.ok ? reportLines(result) : [result.error];
  const lines: string[] = [];
  let size = 0;
  for (const line of all) {
    const clipped = line.slice(0, 400);
    const bytes = Buffer.byteLength(JSON.stringify(clipped));
    if (size + bytes > MAX_BYTES) break;
    lines.push(clipped);
    size += bytes;
  }
  return { placeId, userId, ok: result.ok && result.refused.length === 0, lines, omitted: all.length - lines.length };
}

export const encodeFlash = (flash: ImportReportFlash) => Buffer.from(JSON.stringify(flash)).toString('base64url');

/** The report for this user and place, or null (absent, unreadable, someone else's). */
export function decodeFlash(value: string | undefined, placeId: string, userId: string): ImportReportFlash | null {
  if (!value) return null;
  try {
    const flash = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as ImportReportFlash;
    if (flash.placeId !== placeId || flash.userId !== userId || !Array.isArray(flash.lines)) return null;
    return { ...flash, lines: flash.lines.filter((l) => typeof l === 'string') };
  } catch {
    return null;
  }
}
