import { describe, expect, it } from 'vitest';
import { distanceKm, NearestIndex } from './nearest';

// A deterministic pseudo-random generator, so a failure can be replayed.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('NearestIndex', () => {
  it('agrees with a brute-force search on random points over France and overseas', () => {
    const next = random(42);
    const point = () =>
      next() < 0.9 ? { latitude: 42 + next() * 9, longitude: -5 + next() * 13 } : { latitude: -21 + next() * 40, longitude: -62 + next() * 120 };
    const places = Array.from({ length: 3000 }, point);
    const index = new NearestIndex(places);
    for (let i = 0; i < 500; i++) {
      const q = point();
      let bestKm = Infinity;
      for (const p of places) bestKm = Math.min(bestKm, distanceKm(q, p));
      const found = index.nearest(q.latitude, q.longitude)!;
      expect(found.km).toBeCloseTo(bestKm, 6);
      expect(distanceKm(q, places[found.index])).toBeCloseTo(bestKm, 6);
    }
  });

  it('handles duplicates, a single point and no point', () => {
    const same = Array.from({ length: 50 }, () => ({ latitude: 47.47, longitude: -0.55 }));
    expect(new NearestIndex(same).nearest(47.47, -0.55)!.km).toBeCloseTo(0, 9);
    expect(new NearestIndex([{ latitude: 47.47, longitude: -0.55 }]).nearest(47.06, -0.88)!.km).toBeGreaterThan(40);
    expect(new NearestIndex([]).nearest(47, 0)).toBeNull();
  });

  it('measures great-circle distances like PostgreSQL earthdistance (Angers–Cholet ≈ 53 km)', () => {
    expect(distanceKm({ latitude: 47.4736, longitude: -0.5542 }, { latitude: 47.0601, longitude: -0.8795 })).toBeGreaterThan(50);
    expect(distanceKm({ latitude: 47.4736, longitude: -0.5542 }, { latitude: 47.0601, longitude: -0.8795 })).toBeLessThan(54);
  });
});
