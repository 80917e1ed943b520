import { describe, expect, it } from 'vitest';
import { boundingBox, distanceTo } from '../../lib/search/query';
import { testDb } from '../helpers/db';

// The radius search reads a latitude–longitude box from the covering index, then the haversine
// distance (lib/search/query.ts). Before, it read earthdistance's cube box and
// sec_to_gc(cube_distance(…)). The same places must answer, at the same distances: checked here
// on points drawn around mainland and overseas towns, near the radius's edge as often as not.
describe('the radius search’s box and distance', () => {
  it('gives earthdistance’s distances, and a box that holds every point within the radius', async () => {
    const db = testDb();
    let seed = 17;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const centres = [
      [48.8566, 2.3522],
      [50.6292, 3.0573],
      [43.2965, 5.3698],
      [47.4784, -0.5632],
      [42.6977, 9.4508],
      [48.5734, 7.7521],
      [-20.8823, 55.4504],
      [16.2411, -61.5331],
      [4.9224, -52.3135],
      [46.7811, -56.1764],
      [-17.5516, -149.5585],
      [-13.2825, -176.1736],
    ];
    let inside = 0;
    for (const [lat, lng] of centres) {
      for (const km of [2, 10, 50, 100]) {
        const radius = km * 1000;
        const spread = (km / 111) * 1.6;
        const lats: number[] = [];
        const lngs: number[] = [];
        for (let i = 0; i < 400; i++) {
          lats.push(lat + (rand() * 2 - 1) * spread);
          lngs.push(lng + ((rand() * 2 - 1) * spread) / Math.cos((lat * Math.PI) / 180));
        }
        const rows = await db.$queryRaw<Array<{ latitude: number; longitude: number; haversine: number; earth: number }>>`
          SELECT p.latitude, p.longitude, ${distanceTo(lat, lng)} AS haversine,
            sec_to_gc(cube_distance(reperes_earth(p.latitude, p.longitude), reperes_earth(${lat}::float8, ${lng}::float8))) AS earth
          FROM unnest(${lats}::float8[], ${lngs}::float8[]) AS p(latitude, longitude)`;
        const box = boundingBox(lat, lng, radius);
        for (const row of rows) {
          expect(Math.abs(row.haversine - row.earth), `${row.latitude}, ${row.longitude} from ${lat}, ${lng}`).toBeLessThan(1e-3);
          if (row.earth > radius) continue;
          inside++;
          expect(row.latitude).toBeGreaterThanOrEqual(box.latMin);
          expect(row.latitude).toBeLessThanOrEqual(box.latMax);
          if (box.lngMin !== null) {
            expect(row.longitude).toBeGreaterThanOrEqual(box.lngMin);
            expect(row.longitude).toBeLessThanOrEqual(box.lngMax!);
          }
        }
      }
    }
    expect(inside).toBeGreaterThan(5000);
  });

  it('leaves the longitude open near the antimeridian', () => {
    expect(boundingBox(-13.2825, -179.9, 50_000).lngMin).toBeNull();
    expect(boundingBox(48.85, 2.35, 10_000).lngMin).not.toBeNull();
  });
});
