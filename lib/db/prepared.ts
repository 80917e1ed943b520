// Statements marked to be prepared on each connection (read by lib/db/rows.ts). Apart from rows.ts,
// which is server-only, so that the domain code marking them stays importable by scripts and tests.
import { createHash } from 'node:crypto';
import type { Prisma } from '@prisma/client';

const PREPARED = Symbol('prepared statement');
type Preparable = Prisma.Sql & { [PREPARED]?: string };

/**
 * Marks a statement whose text takes few forms (a page's details by ids, a commune's centre) to be
 * prepared once on each connection of the pool, under a name drawn from its text: PostgreSQL then
 * parses it once and keeps its plan, instead of doing both at each call. Not for the search's
 * statements, whose texts take as many forms as filter sets and whose plans depend on the values.
 * (Other databases given to the same functions, Prisma's in tests, run it as usual.)
 */
export function prepared(query: Prisma.Sql): Prisma.Sql {
  (query as Preparable)[PREPARED] = `r_${createHash('sha1').update(query.text).digest('base64url').slice(0, 20)}`;
  return query;
}

/** The name a statement is prepared under, or undefined when it is not marked. */
export function preparedName(query: Prisma.Sql): string | undefined {
  return (query as Preparable)[PREPARED];
}
