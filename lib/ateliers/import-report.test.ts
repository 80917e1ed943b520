// The import report carried by a cookie: bound to its user and place, bounded in size, and a
// forged or broken value shows nothing.
import { describe, expect, it } from 'vitest';
import { decodeFlash, encodeFlash, flashOf } from './import-report';

const report = (refused: number) => ({
  ok: true as const,
  dryRun: false,
  created: 1,
  updated: 0,
  unchanged: 0,
  cancelled: 0,
  past: 0,
  sessions: 3,
  warnings: [],
  refused: Array.from({ length: refused }, (_, i) => ({
    uid: `u${i}`,
    title: `Atelier ${i}`,
    message: 'La fin de l’évènement est avant son début (ou au même moment).',
  })),
});

describe('the import report cookie', () => {
  it('reads back only for its user and place', () => {
    const value = encodeFlash(flashOf(report(1), 'place-a', 'user-1'));
    expect(decodeFlash(value, 'place-a', 'user-1')).toMatchObject({
      ok: false,
      lines: [expect.stringContaining('1 atelier(s) créé(s)'), expect.stringContaining('Refusé « Atelier 0 »')],
    });
    expect(decodeFlash(value, 'place-b', 'user-1')).toBeNull();
    expect(decodeFlash(value, 'place-a', 'user-2')).toBeNull();
    expect(decodeFlash('pas du base64 {', 'place-a', 'user-1')).toBeNull();
  });

  it('stays under 4 kB, saying how many lines were left out', () => {
    const flash = flashOf(report(500), 'p', 'u');
    expect(encodeFlash(flash).length).toBeLessThan(4096 - 200);
    expect(flash.omitted).toBeGreaterThan(400);
    expect(flash.lines.length + flash.omitted).toBe(501);
  });
});
