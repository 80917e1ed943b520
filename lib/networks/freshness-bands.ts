// The freshness bands of the network dashboard (issue #23), their words and colours: shared by
// the server's SVG map and the optional tile map in the browser (no server-only import here).
export const FRESHNESS_BANDS = [
  { key: 'fresh', label: 'confirmée il y a moins de 6 mois', color: '#1a9850' },
  { key: 'aging', label: 'confirmée il y a 6 à 12 mois', color: '#e6a100' },
  { key: 'stale', label: 'confirmée il y a plus de 12 mois', color: '#c62828' },
  { key: 'never', label: 'jamais confirmée par une personne', color: '#6b6b6b' },
] as const;
export type FreshnessBand = (typeof FRESHNESS_BANDS)[number]['key'];
