// Which département this phone keeps for offline search (issue #21): read by offline-boot.ts at
// every page load, written by offline.ts after a download.

/** localStorage: which département this phone keeps (public data, nothing about the person). */
export const KEPT_KEY = 'reperes-offline';

export type KeptInfo = { code: string; name: string; date: string; downloadedAt: string; count: number };

export function keptInfo(): KeptInfo | null {
  try {
    return JSON.parse(localStorage.getItem(KEPT_KEY) ?? 'null') as KeptInfo | null;
  } catch {
    return null;
  }
}
