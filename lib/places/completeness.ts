// How complete a listing is, for the trust block of the place page and the coordinators'
// dashboards: the share of the fields a visitor needs that are filled in, weighted by usefulness.
export type CompletenessInput = {
  phone: string | null;
  emails: string[] | null;
  websites: string[] | null;
  openingHours: string | null;
  summary: string | null;
  presentation: string | null;
  latitude: number | null;
  longitude: number | null;
  services: unknown[] | null;
  fees: unknown[] | null;
  accessModes: unknown[] | null;
  supportModes: unknown[] | null;
  publics: unknown[] | null;
  typologies: unknown[] | null;
  accesLibreUrl: string | null;
  pivot: string | null;
};

/** What the score checks: one entry of `COMPLETENESS_CHECKS` each. */
export type CompletenessField =
  | 'openingHours'
  | 'contact'
  | 'services'
  | 'position'
  | 'fees'
  | 'accessModes'
  | 'supportModes'
  | 'summary'
  | 'typologies'
  | 'websites'
  | 'publics'
  | 'presentation'
  | 'accesLibreUrl'
  | 'pivot';

// Also scored in SQL for the back-office list (`lib/places/completeness-sql.ts`): a change here
// needs the same change there; the integration test `admin-places-list` compares the two.
export const COMPLETENESS_CHECKS: ReadonlyArray<{ field: CompletenessField; label: string; weight: number; ok: (p: CompletenessInput) => boolean }> = [
  { field: 'openingHours', label: 'Horaires', weight: 3, ok: (p) => !!p.openingHours?.trim() },
  { field: 'contact', label: 'Téléphone ou courriel', weight: 3, ok: (p) => !!p.phone || (p.emails?.length ?? 0) > 0 },
  { field: 'services', label: 'Services proposés', weight: 3, ok: (p) => (p.services?.length ?? 0) > 0 },
  { field: 'position', label: 'Position sur la carte', weight: 2, ok: (p) => p.latitude !== null && p.longitude !== null },
  { field: 'fees', label: 'Frais (gratuit ou payant)', weight: 2, ok: (p) => (p.fees?.length ?? 0) > 0 },
  { field: 'accessModes', label: 'Modalités d’accès', weight: 2, ok: (p) => (p.accessModes?.length ?? 0) > 0 },
  { field: 'supportModes', label: 'Modalités d’accompagnement', weight: 1, ok: (p) => (p.supportModes?.length ?? 0) > 0 },
  { field: 'summary', label: 'Résumé', weight: 1, ok: (p) => !!p.summary?.trim() },
  { field: 'typologies', label: 'Type de lieu', weight: 1, ok: (p) => (p.typologies?.length ?? 0) > 0 },
  { field: 'websites', label: 'Site web', weight: 1, ok: (p) => (p.websites?.length ?? 0) > 0 },
  { field: 'publics', label: 'Publics accueillis', weight: 1, ok: (p) => (p.publics?.length ?? 0) > 0 },
  { field: 'presentation', label: 'Présentation détaillée', weight: 1, ok: (p) => !!p.presentation?.trim() },
  { field: 'accesLibreUrl', label: 'Fiche d’accessibilité (acceslibre)', weight: 1, ok: (p) => !!p.accesLibreUrl },
  { field: 'pivot', label: 'SIRET ou RNA', weight: 1, ok: (p) => !!p.pivot },
];

const TOTAL = COMPLETENESS_CHECKS.reduce((sum, c) => sum + c.weight, 0);

export function completeness(place: CompletenessInput): { score: number; missing: Array<{ field: string; label: string }> } {
  let earned = 0;
  const missing: Array<{ field: string; label: string }> = [];
  for (const check of COMPLETENESS_CHECKS) {
    if (check.ok(place)) earned += check.weight;
    else missing.push({ field: check.field, label: check.label });
  }
  return { score: Math.round((earned / TOTAL) * 100), missing };
}
