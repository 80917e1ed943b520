// The slug a new place gets from an import: "<name> <commune>" folded, then the first free one of
// "base", "base-2", "base-3"… against the database and the slugs the run has already given.
import { slugify } from '../geo/fold';
import type { Sql } from './bulk';
import type { ImportedFields } from './types';

/** The slug a place would have before numbering. */
export function baseSlug(fields: ImportedFields) {
  return slugify(`${fields.name} ${fields.commune}`).slice(0, 90) || 'lieu';
}

/** Slugs already taken among these bases and their numbered variants: exact lookups first, patterns only for the bases in use. */
export async function takenSlugs(sql: Sql, bases: string[], runSlugs: Set<string>): Promise<Set<string>> {
  const unique = [...new Set(bases)];
  const exact = await sql.$queryRawUnsafe<Array<{ slug: string }>>(
    `SELECT slug FROM "Place" WHERE slug = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))`,
    JSON.stringify(unique),
  );
  const taken = new Set(exact.map((r) => r.slug));
  const numbered = unique.filter((base) => taken.has(base) || runSlugs.has(base));
  if (numbered.length) {
    // Each base's numbered variants are the slugs in the range "base-" ≤ slug < "base." (byte order,
    // '.' follows '-'): one range scan of Place_slug_prefix_idx per base, never the whole table.
    const variants = await sql.$queryRawUnsafe<Array<{ slug: string }>>(
      `SELECT p.slug FROM jsonb_array_elements_text($1::jsonb) AS b(base)
       JOIN "Place" p ON p.slug ~>=~ (b.base || '-') AND p.slug ~<~ (b.base || '.')`,
      JSON.stringify(numbered),
    );
    for (const r of variants) taken.add(r.slug);
  }
  return taken;
}
