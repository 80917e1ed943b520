// The coverage of one département for its page (/territoires/[departement]): nothing when the
// commune reference is not loaded there; otherwise the query's figures and, unless the query is
// already about Saturday, the same on Saturday beside them.
import 'server-only';
import { readDb } from '@/lib/db';
import { communeReferenceCount, computeCoverage, type CoverageQuery } from './index';

export async function departementCoverage(departement: string, query: Omit<CoverageQuery, 'departement'>) {
  const loaded = await communeReferenceCount(readDb, departement);
  const [result, saturday] = loaded
    ? await Promise.all([
        computeCoverage(readDb, { departement, ...query }),
        query.saturday ? Promise.resolve(null) : computeCoverage(readDb, { departement, ...query, saturday: true }),
      ])
    : [null, null];
  return { loaded, result, saturday };
}
