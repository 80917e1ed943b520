// Two rows of one file describing the same place: while the file streams, each row leaves a few
// bytes (hashes of three blocking keys); at the end, rows sharing a key are scored like matches
// against the database and the newer one is flagged for a manual merge.
import { slugify } from '../geo/fold';
import type { Sql } from './bulk';
import { scoreMatch } from './matching';
import type { DuplicateMatch, ImportOptions, ImportReport } from './report';
import { insertFlags } from './statements';
import type { ImportedFields } from './types';

// Scores of pairs of rows of the same file, like the matches against the database.
const IN_FILE_SQL = `
  SELECT r.a AS a_line, r.b AS b_line,
    similarity(public.reperes_fold(r.an), public.reperes_fold(r.bn))::float8 AS sim,
    CASE WHEN r.alat IS NOT NULL AND r.blat IS NOT NULL
      THEN public.earth_distance(public.reperes_earth(r.alat, r.alng), public.reperes_earth(r.blat, r.blng)) END AS dist,
    similarity(public.reperes_fold(r.ast), public.reperes_fold(r.bst)) >= 0.6 AS same_address
  FROM jsonb_to_recordset($1::jsonb) AS r(a int, b int, an text, bn text, ast text, bst text, alat float8, alng float8, blat float8, blng float8)`;

// The places of the rows in pairs, by this source's ids: one probe of the unique key per id (as
// OWN_SQL in statements.ts: right after a first import the statistics do not know the source's places).
const ROW_PLACES_SQL = `
  SELECT p.id::text AS id, p.slug, p."sourceId", p.name, p.street, p.latitude, p.longitude, p."locationApproximate"
  FROM unnest($2::text[]) AS s(id)
  CROSS JOIN LATERAL (SELECT * FROM "Place" WHERE "sourceName" = $1 AND "sourceId" = s.id LIMIT 1) p`;

/** Rows sharing a key beyond this are a pattern of the file (one head office for all), not duplicates. */
const IN_FILE_GROUP_MAX = 50;

/** Rows or pairs per query: two queries at a time hold what one query of 5,000 held (the import's peak of memory is here, at its end). */
const CHUNK = 2500;

/**
 * `work` on each chunk of `size` items, `concurrency` chunks at a time (the import's connections:
 * one query after another left one PostgreSQL backend working and the other core idle), results
 * in the chunks' order.
 */
async function inChunks<T, R>(items: T[], size: number, concurrency: number, work: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[][] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i * size < items.length; i = next++) results[i] = await work(items.slice(i * size, (i + 1) * size));
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results.flat();
}

/** A row's data as the in-file duplicate check compares it (its own coordinates only, never a commune's centre). */
export type RowData = { name: string; street: string; lat: number | null; lng: number | null };

/** A 52-bit hash of a blocking key (two 32-bit FNV-1a variants): collisions only add pairs to score. */
function keyHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return a * 2 ** 20 + (b >>> 12);
}

/**
 * What the in-file duplicate check keeps of each row while the file streams: its line, id and the
 * hashes of three blocking keys (same postcode and: same name, same street, same ~300 m cell), a
 * few bytes a row; the names and addresses are read back from the database at the end (a dry run,
 * which writes nothing, keeps them).
 */
export class RowKeys {
  lines: number[] = [];
  ids: string[] = [];
  keys: number[] = [];
  data: RowData[] | null;
  constructor(keepData: boolean) {
    this.data = keepData ? [] : null;
  }
  add(line: number, sourceId: string, f: ImportedFields) {
    this.lines.push(line);
    this.ids.push(sourceId);
    this.keys.push(
      keyHash(`n|${f.postcode}|${slugify(f.name)}`),
      keyHash(`s|${f.postcode}|${slugify(f.street)}`),
      f.latitude !== null && f.longitude !== null ? keyHash(`c|${f.postcode}|${Math.round(f.latitude * 300)}|${Math.round(f.longitude * 200)}`) : -1,
    );
    this.data?.push({ name: f.name, street: f.street, lat: f.latitude, lng: f.longitude });
  }
}

/** Pairs of row indexes (the earlier line first) that share a blocking key, one of them created by this run. */
function pairsSharingAKey(rows: RowKeys, ownRows: Set<string>, createdRows: Set<string>): Array<[number, number]> {
  // Rows sharing a blocking key (sorted by hash), so that the cost grows with the rows, never with their square.
  const entries = Uint32Array.from({ length: rows.keys.length }, (_, i) => i).filter((e) => rows.keys[e] !== -1 && ownRows.has(rows.ids[Math.floor(e / 3)]));
  entries.sort((x, y) => rows.keys[x] - rows.keys[y]);
  const pairKeys = new Set<string>();
  for (let start = 0; start < entries.length;) {
    let end = start + 1;
    while (end < entries.length && rows.keys[entries[end]] === rows.keys[entries[start]]) end++;
    const size = end - start;
    if (size >= 2 && size <= IN_FILE_GROUP_MAX) {
      for (let i = start; i < end; i++) {
        for (let j = i + 1; j < end; j++) {
          const [x, y] = [Math.floor(entries[i] / 3), Math.floor(entries[j] / 3)];
          const [a, b] = rows.lines[x] < rows.lines[y] ? [x, y] : [y, x];
          if (a !== b && (createdRows.has(rows.ids[a]) || createdRows.has(rows.ids[b]))) pairKeys.add(`${a}|${b}`);
        }
      }
    }
    start = end;
  }
  return [...pairKeys].map((k) => k.split('|').map(Number) as [number, number]);
}

type PairData = Map<number, RowData & { id?: string; slug?: string }>;
type ScoredPair = { a_line: number; b_line: number; sim: number; dist: number | null; same_address: boolean };

/** The rows' names, addresses and positions: kept by a dry run, read back from the places otherwise. */
async function involvedRowData(sql: Sql, rows: RowKeys, pairRows: Array<[number, number]>, options: ImportOptions): Promise<PairData> {
  const involved = [...new Set(pairRows.flat())];
  const data: PairData = new Map();
  if (rows.data) for (const r of involved) data.set(r, rows.data[r]);
  else {
    const byId = new Map(involved.map((r) => [rows.ids[r], r]));
    const places = await inChunks(involved, CHUNK, options.concurrency ?? 2, (chunk) =>
      sql.$queryRawUnsafe<
        Array<{
          id: string;
          slug: string;
          sourceId: string;
          name: string;
          street: string;
          latitude: number | null;
          longitude: number | null;
          locationApproximate: boolean;
        }>
      >(
        ROW_PLACES_SQL,
        options.sourceName,
        chunk.map((r) => rows.ids[r]),
      ),
    );
    for (const p of places) {
      data.set(byId.get(p.sourceId)!, {
        id: p.id,
        slug: p.slug,
        name: p.name,
        street: p.street,
        lat: p.locationApproximate ? null : p.latitude,
        lng: p.locationApproximate ? null : p.longitude,
      });
    }
  }
  return data;
}

/** The pairs' scores from the database (name similarity, distance, same address), 2,500 pairs a query, as many at a time as the import has connections. */
async function scorePairs(sql: Sql, pairRows: Array<[number, number]>, data: PairData, concurrency: number): Promise<ScoredPair[]> {
  const list = pairRows
    .filter(([a, b]) => data.has(a) && data.has(b))
    .map(([a, b]) => {
      const [da, db_] = [data.get(a)!, data.get(b)!];
      return { a, b, an: da.name, bn: db_.name, ast: da.street, bst: db_.street, alat: da.lat, alng: da.lng, blat: db_.lat, blng: db_.lng };
    });
  return inChunks(list, CHUNK, concurrency, (chunk) => sql.$queryRawUnsafe<ScoredPair[]>(IN_FILE_SQL, JSON.stringify(chunk)));
}

/** For each later row, its best-scoring earlier row when the score makes it a likely duplicate. */
function bestMatches(pairs: ScoredPair[], rows: RowKeys, data: PairData) {
  const best = new Map<number, DuplicateMatch & { rows: [number, number] }>();
  for (const pair of pairs) {
    const [a, b] = [pair.a_line, pair.b_line]; // row indexes
    const { score, action } = scoreMatch({ sim: pair.sim, dist: pair.dist, sameAddress: pair.same_address });
    if (action === 'create' || score < 0.45) continue;
    const known = best.get(b);
    if (known && known.score >= score) continue;
    best.set(b, {
      line: rows.lines[b],
      sourceId: rows.ids[b],
      name: data.get(b)!.name,
      action: 'merge',
      placeId: data.get(a)!.id ?? '',
      placeName: data.get(a)!.name,
      placeSlug: data.get(a)!.slug ?? '',
      otherLine: rows.lines[a],
      rows: [a, b],
      score,
      nameSimilarity: Math.round(pair.sim * 100) / 100,
      distance: pair.dist === null ? null : Math.round(pair.dist),
      sameAddress: pair.same_address,
    });
  }
  return best;
}

/** Pairs of rows of the file that resemble each other, one of them new: reported, and flagged for a manual merge. */
export async function flagInFileDuplicates(
  sql: Sql,
  report: ImportReport,
  rows: RowKeys,
  ownRows: Set<string>,
  createdRows: Set<string>,
  options: ImportOptions,
) {
  const pairRows = pairsSharingAKey(rows, ownRows, createdRows);
  if (!pairRows.length) return;

  const data = await involvedRowData(sql, rows, pairRows, options);
  const pairs = await scorePairs(sql, pairRows, data, options.concurrency ?? 2);
  const best = bestMatches(pairs, rows, data);
  if (!best.size) return;
  const matches = [...best.values()];
  if (!options.dryRun) {
    await insertFlags(
      sql,
      matches.map((m) => ({
        placeId: data.get(m.rows[1])!.id!,
        otherId: data.get(m.rows[0])!.id!,
        score: m.score,
        details: { nameSimilarity: m.nameSimilarity, distance: m.distance, sameAddress: m.sameAddress, line: m.line, otherLine: m.otherLine },
      })),
      options.sourceName,
    );
  }
  report.duplicates.push(...matches.map(({ rows: _, ...m }) => m));
}
