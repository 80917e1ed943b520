// The completeness score of `lib/places/completeness.ts`, computed by PostgreSQL, so that the
// back-office list can filter and count by score over every place without loading them. Each
// check of `COMPLETENESS_CHECKS` has its SQL condition here; weights and total come from there.
import { Prisma } from '@prisma/client';
import { COMPLETENESS_CHECKS, type CompletenessField } from './completeness';

// `ok` in JS ↔ condition in SQL, on the "Place" row aliased `p`. `!!text?.trim()` is "has a
// non-space character"; an empty string is falsy in JS, hence `<> ''`.
const filled = (column: string) => `coalesce(p."${column}", '') <> ''`;
const written = (column: string) => `coalesce(p."${column}" ~ '\\S', false)`;
const listed = (column: string) => `coalesce(cardinality(p."${column}"), 0) > 0`;

export const COMPLETENESS_SQL: Record<CompletenessField, string> = {
  openingHours: written('openingHours'),
  contact: `(${filled('phone')} OR ${listed('emails')})`,
  services: listed('services'),
  position: `(p."latitude" IS NOT NULL AND p."longitude" IS NOT NULL)`,
  fees: listed('fees'),
  accessModes: listed('accessModes'),
  supportModes: listed('supportModes'),
  summary: written('summary'),
  typologies: listed('typologies'),
  websites: listed('websites'),
  publics: listed('publics'),
  presentation: written('presentation'),
  accesLibreUrl: filled('accesLibreUrl'),
  pivot: filled('pivot'),
};

const TOTAL = COMPLETENESS_CHECKS.reduce((sum, c) => sum + c.weight, 0);

/** The score (0–100, rounded like `completeness()`) of the "Place" row aliased `p`, as an integer expression. */
export const completenessScoreSql: Prisma.Sql = Prisma.raw(
  `round((${COMPLETENESS_CHECKS.map((c) => `(CASE WHEN ${COMPLETENESS_SQL[c.field]} THEN ${c.weight} ELSE 0 END)`).join(' + ')}) * 100.0 / ${TOTAL})::int`,
);
