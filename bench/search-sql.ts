// Where PostgreSQL's time goes in a search: runs distinct searches (bench/queries.ts, as the load
// test draws them) through searchPlaces() in process, one after another, each statement it sends
// on one connection whose backend's CPU time is read from /proc/<pid>/schedstat around it (CPU
// nanoseconds, so the figure holds on a busy machine where wall times do not), per kind of search
// and kind of statement. With EXPLAIN=1 each statement also runs under EXPLAIN (ANALYZE, BUFFERS)
// first (execution and planning time, buffers, JIT). The search gets the statement's real answer.
//
//   DATABASE_URL=postgresql://…/reperes_loadtest RUNS=300 npx tsx --conditions=react-server bench/search-sql.ts
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
  cpu: number;
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
  if (text.includes('WITH scope AS MATERIALIZED')) return text.includes('word_similarity') ? 'name: page + facet sets' : 'around: page + count + facet sets';
  if (text.includes('p.plain')) return 'available: candidates';
  if (text.trimStart().startsWith('SELECT (SELECT json_agg(c)')) return 'national: facet sets';
  if (text.includes('next_atelier') && text.includes('= ANY(')) return 'page details';
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
  const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const cpuNs = () => Number(fs.readFileSync(`/proc/${backend}/schedstat`, 'utf8').split(' ')[0]);
  const run = async (query: Prisma.Sql) => {
    let plan: Plan | null = null;
    if (process.env.EXPLAIN === '1') {
      const { rows } = await client.query<{ 'QUERY PLAN': Plan[] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`, query.values as unknown[]);
      plan = rows[0]['QUERY PLAN'][0];
    }
    const before = cpuNs();
    const result = await client.query(query.text, query.values as unknown[]);
    const cpu = (cpuNs() - before) / 1e6;
    const top = (plan?.Plan ?? {}) as Record<string, number>;
    records.push({
      search: current,
      statement: statementKind(query.text),
      cpu,
      execution: plan?.['Execution Time'] ?? 0,
      planning: plan?.['Planning Time'] ?? 0,
      jit: plan?.JIT?.Timing?.Total ?? 0,
      hit: top['Shared Hit Blocks'] ?? 0,
      read: top['Shared Read Blocks'] ?? 0,
      sql: query.text,
      values: query.values,
    });
    return result.rows;
  };
  const recording = {
    geocodeCache: readDb.geocodeCache,
    $queryRaw: async (first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      run(Array.isArray(first) ? Prisma.sql(first as TemplateStringsArray, ...values) : (first as Prisma.Sql)),
  };
  const searches = distinctSearches({ seed: 21, names });
  for (let i = 0; i < RUNS; i++) {
    const query = searches.next();
    current = query.kind;
    const parsed = parseSearchParams(query.params);
    await searchPlaces(parsed.filters, { now: query.now, problems: parsed.problems, db: recording as never });
  }
  await client.end();

  report(records);
  // SQL_DUMP=<file>: every statement with its parameters and timings, to EXPLAIN again by hand.
  if (process.env.SQL_DUMP) fs.writeFileSync(process.env.SQL_DUMP, JSON.stringify(records));
  await readDb.$disconnect();
}

/** Per kind of search and statement: the backend's CPU (and the plans' figures with EXPLAIN=1). */
function report(records: Record_[]) {
  const groups = new Map<string, Record_[]>();
  for (const r of records) for (const key of [`${r.search} | ${r.statement}`, `all | ${r.statement}`]) groups.set(key, [...(groups.get(key) ?? []), r]);
  console.log(
    `${RUNS} distinct searches, ${records.length} statements: backend CPU ms (p50, p95, p99, sum)${process.env.EXPLAIN === '1' ? ', EXPLAIN ANALYZE execution, planning and JIT ms, shared buffers hit/read' : ''}`,
  );
  console.log('search kind | statement'.padEnd(60), 'count', '   CPU p50     p95     p99     sum', '  exec sum  plan sum   JIT sum  buffers/stmt');
  for (const [key, list] of [...groups].sort()) {
    const cpu = percentiles(list.map((r) => r.cpu));
    const sum = (f: (r: Record_) => number) => list.reduce((s, r) => s + f(r), 0);
    console.log(
      key.padEnd(60),
      String(list.length).padStart(5),
      `${cpu.p50.toFixed(1).padStart(9)} ${cpu.p95.toFixed(1).padStart(7)} ${cpu.p99.toFixed(1).padStart(7)} ${sum((r) => r.cpu)
        .toFixed(0)
        .padStart(7)}`,
      sum((r) => r.execution)
        .toFixed(0)
        .padStart(9),
      sum((r) => r.planning)
        .toFixed(0)
        .padStart(9),
      sum((r) => r.jit)
        .toFixed(0)
        .padStart(9),
      `${(sum((r) => r.hit) / list.length).toFixed(0)}/${(sum((r) => r.read) / list.length).toFixed(0)}`.padStart(13),
    );
  }
  const total = records.reduce((s, r) => s + r.cpu, 0);
  console.log(`\nPostgreSQL backend CPU: ${total.toFixed(0)} ms for ${RUNS} searches, ${(total / RUNS).toFixed(2)} ms a search`);
  for (const r of [...records].sort((a, b) => b.cpu - a.cpu).slice(0, 3)) console.log(`slowest: ${r.search} | ${r.statement}: ${r.cpu.toFixed(1)} ms of CPU`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
