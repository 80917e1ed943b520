// Nearest point on the sphere, for coverage figures: points become 3-D unit vectors, where the
// straight-line (chord) distance grows with the great-circle distance, so a plain 3-D k-d tree
// answers "which place is nearest to this commune" exactly, whatever the spread of the places.

/** The radius PostgreSQL's earthdistance uses (earth()), so figures match the search distances. */
export const EARTH_RADIUS_KM = 6378.168;

export type LatLng = { latitude: number; longitude: number };

export function toUnitVector(latitude: number, longitude: number): [number, number, number] {
  const lat = (latitude * Math.PI) / 180;
  const lng = (longitude * Math.PI) / 180;
  return [Math.cos(lat) * Math.cos(lng), Math.cos(lat) * Math.sin(lng), Math.sin(lat)];
}

/** Great-circle distance in km from a chord length on the unit sphere. */
export function chordToKm(chord: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2));
}

export function distanceKm(a: LatLng, b: LatLng): number {
  const [ax, ay, az] = toUnitVector(a.latitude, a.longitude);
  const [bx, by, bz] = toUnitVector(b.latitude, b.longitude);
  return chordToKm(Math.hypot(ax - bx, ay - by, az - bz));
}

/**
 * A static k-d tree over points given by latitude/longitude. The tree is implicit: the points are
 * reordered so that each subarray's median splits it on the axis of its depth.
 */
export class NearestIndex {
  private readonly coords: Float64Array;
  private readonly order: Int32Array;
  readonly size: number;

  constructor(points: LatLng[]) {
    this.size = points.length;
    this.coords = new Float64Array(points.length * 3);
    this.order = new Int32Array(points.length);
    points.forEach((p, i) => {
      const [x, y, z] = toUnitVector(p.latitude, p.longitude);
      this.coords[i * 3] = x;
      this.coords[i * 3 + 1] = y;
      this.coords[i * 3 + 2] = z;
      this.order[i] = i;
    });
    this.build(0, points.length, 0);
  }

  private value(slot: number, axis: number) {
    return this.coords[this.order[slot] * 3 + axis];
  }

  private swap(a: number, b: number) {
    const t = this.order[a];
    this.order[a] = this.order[b];
    this.order[b] = t;
  }

  /** Places the median of [from, to) on `axis` at its middle slot (quickselect). */
  private build(from: number, to: number, depth: number) {
    if (to - from <= 1) return;
    const axis = depth % 3;
    const mid = (from + to) >> 1;
    let lo = from;
    let hi = to - 1;
    while (lo < hi) {
      const pivot = this.value((lo + hi) >> 1, axis);
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (this.value(i, axis) < pivot) i++;
        while (this.value(j, axis) > pivot) j--;
        if (i <= j) this.swap(i++, j--);
      }
      if (mid <= j) hi = j;
      else if (mid >= i) lo = i;
      else break;
    }
    this.build(from, mid, depth + 1);
    this.build(mid + 1, to, depth + 1);
  }

  /** The index (in the constructor's array) of the nearest point and its distance in km, or null when empty. */
  nearest(latitude: number, longitude: number): { index: number; km: number } | null {
    if (this.size === 0) return null;
    const q = toUnitVector(latitude, longitude);
    let best = -1;
    let bestSq = Infinity;
    const visit = (from: number, to: number, depth: number) => {
      if (from >= to) return;
      const mid = (from + to) >> 1;
      const id = this.order[mid];
      const dx = this.coords[id * 3] - q[0];
      const dy = this.coords[id * 3 + 1] - q[1];
      const dz = this.coords[id * 3 + 2] - q[2];
      const sq = dx * dx + dy * dy + dz * dz;
      if (sq < bestSq) {
        bestSq = sq;
        best = id;
      }
      const axis = depth % 3;
      const diff = q[axis] - this.coords[id * 3 + axis];
      const [near, far] =
        diff < 0
          ? [
              [from, mid],
              [mid + 1, to],
            ]
          : [
              [mid + 1, to],
              [from, mid],
            ];
      visit(near[0], near[1], depth + 1);
      if (diff * diff < bestSq) visit(far[0], far[1], depth + 1);
    };
    visit(0, this.size, 0);
    return { index: best, km: chordToKm(Math.sqrt(bestSq)) };
  }
}
