// Where PostgreSQL's time goes in a search: runs distinct searches (bench/queries.ts, as the load
// test draws them) through searchPlaces() in process, one after another, and runs each statement it
// sends under EXPLAIN (ANALYZE, BUFFERS) first: execution and planning time, buffers, JIT, per kind
// of search and kind of statement. The search then gets the statement's real answer.
//
//   DATABASE_URL=postgresql://…/reperes_loadtest ROUTES=300 npx tsx --conditions=react-server bench/search-sql.ts
import fs from 'node:fs';
import pg from 'pg';
import { Prisma } from '@prisma/client';
import { readDb } from '../lib/db';
import { parseSearchParams } from '../lib/search/filters';
import { searchPlaces } from '../lib/search';
import { distinctSearches, type SearchQuery } from './queries';
import { percentiles } from './timing';

const RUNS = Number(process.env.RUNS ?? 300);

type Plan = { 'Execution Time': number; 'Planning Time': number; Plan: Record<string, unknown>; JIT?: { Timing?: { Total?: number } } };
type Record_ = {
  search: SearchQuery['kind'];
  statement: string;
  execution: number;
  planning: number;
  jit: number;
  hit: number;
  read: number;
  sql: string;
  values: unknown[];
};

/** What a statement is, from its text. */
function statementKind(text: string): string {
  if (text.includes('WITH scope AS MATERIALIZED')) return 'around: page + count + facets';
  if (text.includes('facet_values')) return 'available: candidates';
  if (text.includes('LIMIT') && text.includes('capped')) return 'national: count';
  if (text.includes('WITH sets AS')) return 'national: facets';
  if (text.includes('opening_hours') && text.includes('= ANY(')) return 'page details';
  if (text.includes('ORDER BY p.commune') || text.includes('word_similarity')) return 'national: page';
  return text.replace(/\s+/g, ' ').slice(0, 60);
}

async function main() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const names = (await client.query<{ name: string }>(`SELECT name FROM "Place" WHERE status = 'published' ORDER BY md5(id::text) LIMIT 3000`)).rows.map(
    (r) => r.name,
  );
  const records: Record_[] = [];
  let current: SearchQuery['kind'] = 'town';
  const explain = async (query: Prisma.Sql) => {
    const { rows } = await client.query<{ 'QUERY PLAN': Plan[] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`, query.values as unknown[]);
    const plan = rows[0]['QUERY PLAN'][0];
    const top = plan.Plan as Record<string, number>;
    records.push({
      search: current,
      statement: statementKind(query.text),
      execution: plan['Execution Time'],
      planning: plan['Planning Time'],
      jit: plan.JIT?.Timing?.Total ?? 0,
      hit: top['Shared Hit Blocks'] ?? 0,
      read: top['Shared Read Blocks'] ?? 0,
      sql: query.text,
      values: query.values,
    });
  };
  const recording = {
    geocodeCache: readDb.geocodeCache,
    $queryRaw: async (first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
      const query = Array.isArray(first) ? Prisma.sql(first as TemplateStringsArray, ...values) : (first as Prisma.Sql);
      await explain(query);
      return readDb.$queryRaw(query);
    },
  };
  const searches = distinctSearches({ seed: 21, names });
  for (let i = 0; i < RUNS; i++) {
    const query = searches.next();
    current = query.kind;
    const parsed = parseSearchParams(query.params);
    await searchPlaces(parsed.filters, { now: query.now, problems: parsed.problems, db: recording as never });
  }
  await client.end();

  const groups = new Map<string, Record_[]>();
  for (const r of records) for (const key of [`${r.search} | ${r.statement}`, `all | ${r.statement}`]) groups.set(key, [...(groups.get(key) ?? []), r]);
  console.log(`${RUNS} distinct searches, ${records.length} statements (EXPLAIN ANALYZE: execution ms, planning ms, JIT ms, shared buffers hit/read)`);
  console.log('search kind | statement'.padEnd(60), 'count', '  exec p50     p95     p99     sum', '  plan sum', '  JIT sum', ' buffers/stmt');
  for (const [key, list] of [...groups].sort()) {
    const exec = percentiles(list.map((r) => r.execution));
    const sum = (f: (r: Record_) => number) => list.reduce((s, r) => s + f(r), 0);
    console.log(
      key.padEnd(60),
      String(list.length).padStart(5),
      `${exec.p50.toFixed(1).padStart(8)} ${exec.p95.toFixed(1).padStart(7)} ${exec.p99.toFixed(1).padStart(7)} ${sum((r) => r.execution)
        .toFixed(0)
        .padStart(7)}`,
      sum((r) => r.planning)
        .toFixed(0)
        .padStart(9),
      sum((r) => r.jit)
        .toFixed(0)
        .padStart(8),
      `${(sum((r) => r.hit) / list.length).toFixed(0)}/${(sum((r) => r.read) / list.length).toFixed(0)}`.padStart(12),
    );
  }
  const total = records.reduce((s, r) => s + r.execution + r.planning, 0);
  console.log(`\nPostgreSQL execution + planning: ${total.toFixed(0)} ms for ${RUNS} searches, ${(total / RUNS).toFixed(2)} ms a search`);
  const slowest = [...records].sort((a, b) => b.execution - a.execution).slice(0, 3);
  for (const r of slowest) console.log(`\nslow: ${r.search} | ${r.statement}: ${r.execution.toFixed(1)} ms, JIT ${r.jit.toFixed(1)} ms`);
  // SQL_DUMP=<file>: every statement with its parameters and timings, to EXPLAIN again by hand.
  if (process.env.SQL_DUMP) fs.writeFileSync(process.env.SQL_DUMP, JSON.stringify(records));
  await readDb.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
