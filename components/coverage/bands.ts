// Distance bands shared by the coverage map and its legend (colours readable by most colour-blind
// people: blue to orange, with the text of the legend carrying the meaning).
export const BANDS = [
  { label: '5 km ou moins', color: '#1a9850' },
  { label: 'de 5 à 10 km', color: '#91cf60' },
  { label: 'de 10 à 20 km', color: '#fdae61' },
  { label: 'plus de 20 km ou aucun lieu', color: '#d73027' },
] as const;

export function bandOf(km: number | null): number {
  if (km === null) return 3;
  if (km <= 5) return 0;
  if (km <= 10) return 1;
  if (km <= 20) return 2;
  return 3;
}
