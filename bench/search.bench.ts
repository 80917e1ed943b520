// Search benchmark, on synthetic places drawn from the real sources (bench/synthetic.ts) and
// searches never repeated (bench/queries.ts): towns drawn by population, radii, filter sets, "now"
// spread over four weeks.
//
// 1. searchPlaces() in this process (the database layer: geocoder, SQL, the opening-hours decision,
//    facets): BENCH_RUNS distinct searches, no warm-up, caches cold (a fresh process);
// 2. town names nobody can place (the whole-country worst case), in process;
// 3. through `next start` (a fresh process: cold caches), one client, page cache OFF, the test clock
//    on (E2E=1, ?maintenant=): distinct search pages, unresolved towns, distinct place pages;
//    the JavaScript shipped for /recherche;
// 4. the "popular" phase: a fresh `next start` with the page cache ON (as in production) and the
//    real clock, the biggest towns and commonest filters drawn Zipf-like: its page-cache hit rate.
// Rate limits raised by configuration (SEARCH_RATE_LIMIT), see bench/app.ts.
import zlib from 'node:zlib';
import pg from 'pg';
import { createPrismaClient } from '../lib/db/client';
import { parseSearchParams } from '../lib/search/filters';
import { describeSettings, startApp, type App } from './app';
import { openBenchDatabase } from './database';
import { distinctSearches, POPULAR_FILTERS, popularTowns, searchUrl, unresolvedTowns, zipf, type SearchQuery } from './queries';
import { compareAndSave, type Figure } from './results';
import { summarise, timed } from './timing';
import { random } from './synthetic';
import { seedSyntheticPlaces } from './synthetic';

const N = Number(process.env.BENCH_PLACES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 500);
const HTTP_RUNS = Number(process.env.BENCH_HTTP_RUNS ?? Math.min(RUNS, 400));
const UNRESOLVED = Number(process.env.BENCH_UNRESOLVED ?? 60);
const POPULAR_RUNS = Number(process.env.BENCH_POPULAR_RUNS ?? 400);
const PORT = Number(process.env.BENCH_PORT ?? 3950);

type Sample = { kind: string; ms: number; results?: number; resolved?: boolean; status?: number };

const byKind = (samples: Sample[]) => {
  const kinds = [...new Set(samples.map((s) => s.kind))];
  return Object.fromEntries(
    kinds.map((k) => [
      k,
      {
        ...summarise(samples.filter((s) => s.kind === k).map((s) => s.ms)),
        medianResults: summarise(samples.filter((s) => s.kind === k && s.results !== undefined).map((s) => s.results!)).p50,
      },
    ]),
  );
};

const line = (label: string, samples: number[], what = 'distinct') => {
  const s = summarise(samples);
  return `  ${label.padEnd(40)} p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms (${s.n} ${what})`;
};

async function get(app: App, url: string, headers: Record<string, string> = {}) {
  const {
    ms,
    value: { response, body },
  } = await timed(async () => {
    const response = await fetch(`${app.url}${url}`, { headers: { 'accept-encoding': 'gzip', ...headers } });
    return { response, body: await response.text() };
  });
  return { ms, status: response.status, body, cache: response.headers.get('x-page-cache') };
}

/**
 * Loads the route modules once (the empty search form, a place page that is not measured), so the
 * first measured request does not pay Node.js's module loading; no search is made, so the
 * geocoder's and hours' caches stay cold.
 */
async function loadRoutes(app: App, slugs: string[]) {
  await get(app, '/recherche');
  await get(app, `/lieux/${slugs[slugs.length - 1]}`);
}

async function main() {
  const database = await openBenchDatabase('reperes_bench_search');
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  let settingsUsed: Record<string, string> = {};
  try {
    const started = Date.now();
    const dataset = await seedSyntheticPlaces(database.url, N);
    console.log(
      `seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dataset.places} places, ${dataset.distinctSchedules} distinct weekly schedules, ${dataset.distinctServiceSets} service sets, ${dataset.distinctPublicSets} public sets, ${dataset.distinctFeeSets} fee sets (France Services ${dataset.kinds['france-services'] ?? 0}), ${dataset.communes} communes`,
    );

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const names = (await client.query<{ name: string }>(`SELECT name FROM "Place" WHERE status = 'published' ORDER BY md5(id::text) LIMIT 3000`)).rows.map(
      (r) => r.name,
    );
    const slugs = (
      await client.query<{ slug: string }>(`SELECT slug FROM "Place" WHERE status = 'published' ORDER BY md5(slug) LIMIT $1`, [HTTP_RUNS + 1])
    ).rows.map((r) => r.slug);
    await client.end();

    // 1. searchPlaces(), in this (fresh) process.
    process.env.DATABASE_URL = database.url;
    const { searchPlaces } = await import('../lib/search');
    const db = createPrismaClient(database.url, { max: 4 });
    // Connections opened beforehand (not a cache: the geocoder's and the hours' stay cold).
    await Promise.all([1, 2, 3, 4].map(() => db.$queryRaw`SELECT 1`));
    const searches = distinctSearches({ seed: 7, names });
    const inProcess: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      const query = searches.next();
      const { filters } = parseSearchParams(query.params);
      const { ms, value: result } = await timed(() => searchPlaces(filters, { db, now: query.now }));
      inProcess.push({ kind: query.kind, ms, results: result.total, resolved: !filters.ou || result.origin !== null });
    }
    const unplaced = inProcess.filter((s) => s.resolved === false).length;
    console.log(
      `\nsearchPlaces() on ${N} places, ${RUNS} distinct searches, no warm-up (cold caches); ${unplaced} of them name a town the geocoder did not place:`,
    );
    console.log(
      line(
        'all',
        inProcess.map((s) => s.ms),
      ),
    );
    for (const [kind, s] of Object.entries(byKind(inProcess)))
      console.log(
        `  ${kind.padEnd(40)} p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms (${s.n}, median ${s.medianResults} results)`,
      );
    const allIn = summarise(inProcess.map((s) => s.ms));
    figures.push(
      { key: 'searchPlaces.distinct.p50', label: 'searchPlaces(), distinct searches, p50', value: allIn.p50, unit: 'ms', better: 'lower' },
      { key: 'searchPlaces.distinct.p95', label: 'searchPlaces(), distinct searches, p95', value: allIn.p95, unit: 'ms', better: 'lower' },
      { key: 'searchPlaces.distinct.p99', label: 'searchPlaces(), distinct searches, p99', value: allIn.p99, unit: 'ms', better: 'lower' },
    );
    raw.searchPlaces = { all: allIn, byKind: byKind(inProcess), unplacedTowns: unplaced };

    // 2. Towns nobody can place.
    const unresolved = unresolvedTowns(UNRESOLVED * 2);
    const rand = random(3);
    const unresolvedIn: Sample[] = [];
    for (const name of unresolved.slice(0, UNRESOLVED)) {
      const { filters } = parseSearchParams(rand() < 0.5 ? { ou: name } : { ou: name, besoin: 'AideAuxDemarchesAdministratives' });
      const { ms, value: result } = await timed(() => searchPlaces(filters, { db, now: new Date() }));
      unresolvedIn.push({ kind: 'unresolved', ms, results: result.total, resolved: result.origin !== null });
    }
    await db.$disconnect();
    const un = summarise(unresolvedIn.map((s) => s.ms));
    console.log(
      `\nsearchPlaces() for a town name nobody can place (${UNRESOLVED} distinct, e.g. « ${unresolved[0]} »; ${unresolvedIn.filter((s) => s.resolved).length} placed anyway; median ${summarise(unresolvedIn.map((s) => s.results!)).p50} results):`,
    );
    console.log(
      line(
        'unresolved town',
        unresolvedIn.map((s) => s.ms),
      ),
    );
    figures.push(
      { key: 'searchPlaces.unresolved.p50', label: 'searchPlaces(), unresolved town, p50', value: un.p50, unit: 'ms', better: 'lower' },
      {
        key: 'searchPlaces.unresolved.p95',
        label: 'searchPlaces(), unresolved town, p95',
        value: un.p95,
        unit: 'ms',
        better: 'lower',
        target: { op: '<', value: 20 },
      },
    );
    raw.unresolvedInProcess = {
      ...un,
      examples: unresolved.slice(0, 5),
      placedAnyway: unresolvedIn.filter((s) => s.resolved).length,
      medianResults: summarise(unresolvedIn.map((s) => s.results!)).p50,
    };

    // 3. Through next start: page cache off, test clock on, fresh process.
    let app = await startApp({ port: PORT, databaseUrl: database.url, settings: { PAGE_CACHE: 'off', E2E: '1' } });
    await loadRoutes(app, slugs);
    settingsUsed = { distinct: describeSettings(app.settings) };
    console.log(
      `\nnext start, one client, sequential, every URL once (${describeSettings(app.settings)}: page cache off, test clock on, rate limit raised by configuration):`,
    );
    try {
      const pageSearches = distinctSearches({ seed: 8, names });
      const pages: Sample[] = [];
      let errors = 0;
      let unplacedPages = 0;
      for (let i = 0; i < HTTP_RUNS; i++) {
        const query: SearchQuery = pageSearches.next();
        const answer = await get(app, searchUrl(query, true));
        if (answer.status !== 200) errors++;
        if (answer.body.includes('Nous n’avons pas trouvé')) unplacedPages++;
        pages.push({ kind: query.kind, ms: answer.ms, status: answer.status });
      }
      const p = summarise(pages.map((s) => s.ms));
      console.log(
        line(
          'search page, distinct URLs',
          pages.map((s) => s.ms),
        ) + `, ${errors} non-200, ${unplacedPages} towns not placed`,
      );
      for (const [kind, s] of Object.entries(byKind(pages)))
        console.log(`    ${kind.padEnd(38)} p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms (${s.n})`);
      figures.push(
        { key: 'page.search.distinct.p50', label: 'search page, distinct URLs, one client, p50', value: p.p50, unit: 'ms', better: 'lower' },
        {
          key: 'page.search.distinct.p95',
          label: 'search page, distinct URLs, one client, p95',
          value: p.p95,
          unit: 'ms',
          better: 'lower',
          target: { op: '<', value: 120 },
        },
        {
          key: 'page.search.distinct.p99',
          label: 'search page, distinct URLs, one client, p99',
          value: p.p99,
          unit: 'ms',
          better: 'lower',
          target: { op: '<', value: 250 },
        },
      );
      raw.searchPage = { all: p, byKind: byKind(pages), errors, unplacedTowns: unplacedPages };

      const unresolvedPages: number[] = [];
      for (const name of unresolved.slice(UNRESOLVED)) unresolvedPages.push((await get(app, `/recherche?${new URLSearchParams({ ou: name })}`)).ms);
      const up = summarise(unresolvedPages);
      console.log(line('search page, unresolved town', unresolvedPages));
      figures.push({ key: 'page.search.unresolved.p95', label: 'search page, unresolved town, one client, p95', value: up.p95, unit: 'ms', better: 'lower' });
      raw.unresolvedPage = up;

      const places: number[] = [];
      let placeErrors = 0;
      for (const slug of slugs.slice(0, -1)) {
        const answer = await get(
          app,
          `/lieux/${slug}?maintenant=${encodeURIComponent(new Date(Date.UTC(2026, 2, 30) + Math.floor(Math.random() * 28 * 86_400_000)).toISOString())}`,
        );
        if (answer.status !== 200) placeErrors++;
        places.push(answer.ms);
      }
      const pp = summarise(places);
      console.log(line('place page, distinct places', places) + `, ${placeErrors} non-200`);
      figures.push(
        { key: 'page.place.distinct.p50', label: 'place page, distinct places, one client, p50', value: pp.p50, unit: 'ms', better: 'lower' },
        { key: 'page.place.distinct.p95', label: 'place page, distinct places, one client, p95', value: pp.p95, unit: 'ms', better: 'lower' },
      );
      raw.placePage = { ...pp, errors: placeErrors };

      // JavaScript shipped for /recherche: every script of the page and every module it imports,
      // at once (static imports) or later (the map, a dynamic import), compressed.
      const html = (await get(app, '/recherche?ou=Angers')).body;
      const entries = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].map((m) => m[1]);
      const sizes = new Map<string, { gzip: number; lazy: boolean }>();
      const visit = async (src: string, lazy: boolean) => {
        const known = sizes.get(src);
        if (known && (lazy || !known.lazy)) return;
        const body = Buffer.from(await (await fetch(`${app.url}${src}`)).arrayBuffer());
        sizes.set(src, { gzip: zlib.gzipSync(body).length, lazy });
        const code = body.toString('utf8');
        const resolve = (spec: string) => new URL(spec, `http://x${src}`).pathname;
        for (const m of code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)) await visit(resolve(m[1]), true);
        for (const m of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) await visit(resolve(m[1]), lazy);
      };
      for (const src of entries) await visit(src, false);
      const sum = (lazy: boolean) => [...sizes.values()].filter((s) => s.lazy === lazy).reduce((total, s) => total + s.gzip, 0);
      const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
      console.log(
        `\nJavaScript for /recherche: ${kb(sum(false))} kB gzip at load + ${kb(sum(true))} kB for the map = ${kb(sum(false) + sum(true))} kB; HTML of /recherche?ou=Angers ${kb(Buffer.byteLength(html))} kB, ${kb(zlib.gzipSync(html).length)} kB gzip`,
      );
      figures.push(
        { key: 'js.recherche.total', label: 'JavaScript of /recherche, gzip, with the map', value: kb(sum(false) + sum(true)), unit: 'kB', better: 'lower' },
        { key: 'html.recherche.gzip', label: 'HTML of /recherche?ou=Angers, gzip', value: kb(zlib.gzipSync(html).length), unit: 'kB', better: 'lower' },
      );
    } finally {
      await app.stop();
    }

    // 4. Popular searches, page cache on, real clock, fresh process.
    app = await startApp({ port: PORT, databaseUrl: database.url, settings: { PAGE_CACHE: process.env.PAGE_CACHE || 'on', E2E: '' } });
    settingsUsed.popular = describeSettings(app.settings);
    await loadRoutes(app, slugs);
    try {
      const towns = popularTowns(20);
      const town = zipf(towns, random(5));
      const filter = zipf(POPULAR_FILTERS, random(6));
      const samples: number[] = [];
      const cache = { hit: 0, miss: 0, none: 0 };
      const asked = new Set<string>();
      for (let i = 0; i < POPULAR_RUNS; i++) {
        const url = `/recherche?ou=${encodeURIComponent(town())}${filter()}`;
        asked.add(url);
        const answer = await get(app, url);
        samples.push(answer.ms);
        if (answer.cache === 'hit') cache.hit++;
        else if (answer.cache === 'miss') cache.miss++;
        else cache.none++;
      }
      const pop = summarise(samples);
      const hitRate = cache.hit + cache.miss ? (cache.hit / (cache.hit + cache.miss)) * 100 : 0;
      console.log(`\nPopular searches (${describeSettings(app.settings)}), one client, ${asked.size} distinct URLs over ${POPULAR_RUNS} requests:`);
      console.log(
        `${line('search page, popular URLs', samples, 'requests')}; page cache hits ${cache.hit}/${cache.hit + cache.miss} (${hitRate.toFixed(0)} %)${cache.none ? `, ${cache.none} without the header` : ''}`,
      );
      figures.push(
        { key: 'page.search.popular.p95', label: 'search page, popular URLs, one client, p95', value: pop.p95, unit: 'ms', better: 'lower' },
        {
          key: 'page.search.popular.hitRate',
          label: 'search page, popular URLs, page cache hit rate',
          value: Math.round(hitRate * 10) / 10,
          unit: '%',
          better: 'higher',
        },
      );
      raw.popular = { ...pop, cache, distinctUrls: asked.size, towns };
    } finally {
      await app.stop();
    }

    await compareAndSave({
      name: 'search',
      databaseUrl: database.url,
      scale: { places: N, runs: RUNS, httpRuns: HTTP_RUNS, unresolved: UNRESOLVED, popularRuns: POPULAR_RUNS },
      dataset,
      settings: settingsUsed,
      figures,
      raw,
    });
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
