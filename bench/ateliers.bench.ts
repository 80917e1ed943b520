// Ateliers benchmark (issue #19): on the realistic places (bench/synthetic.ts) plus ~200,000 upcoming
// sessions (bench/ateliers-data.ts), through the production build (`next start`, a fresh process,
// page cache off, one client), never the same URL twice:
// - /ateliers: a town drawn by population as people type it (85 %; radius 20 km by default, else 5 to
//   100 km), online only (5 %) or no place at all (10 %), 0 to 2 themes, « quand » (none, semaine,
//   weekend, a date within two months), free only (20 %);
// - the atelier page /ateliers/<slug>: every atelier asked once;
// - /ateliers.ics: the feed of the network of NETWORK places (the same URL each time: no cache on the
//   server side, the page cache is off), and the feeds of distinct places (?lieu=).
// Sizes: BENCH_PLACES (100,000), BENCH_SESSIONS (200,000), BENCH_RUNS (300 of each page),
// BENCH_NETWORK_PLACES (300), BENCH_ICS_RUNS (20).
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench -- ateliers
import zlib from 'node:zlib';
import { describeSettings, startApp } from './app';
import pg from 'pg';
import { benchSlugs, seedAteliers, type AtelierDataset } from './ateliers-data';
import { benchDatabaseUrl, openBenchDatabase } from './database';
import { loadCommunes } from './real-sources';
import { typedTown } from './queries';
import { compareAndSave, type Figure } from './results';
import { random, seedSyntheticPlaces, weighted, type SyntheticSummary } from './synthetic';
import { summarise, timed } from './timing';

const PLACES = Number(process.env.BENCH_PLACES ?? 100_000);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const NETWORK = Number(process.env.BENCH_NETWORK_PLACES ?? 300);
const ICS_RUNS = Number(process.env.BENCH_ICS_RUNS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3206);

const THEMES = [
  'MaitriseDesOutilsNumeriquesDuQuotidien',
  'AideAuxDemarchesAdministratives',
  'UtilisationSecuriseeDuNumerique',
  'InsertionProfessionnelleViaLeNumerique',
  'ParentaliteEtEducationAvecLeNumerique',
  'LoisirsEtCreationsNumeriques',
  'ComprehensionDuMondeNumerique',
  'AccesInternetEtMaterielInformatique',
];
const RADII = ['', '', '', '', '5', '10', '30', '50', '100'];

type Summary = ReturnType<typeof summarise>;
const fmt = (p: Summary, what: string) => `p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms (${p.n} ${what})`;

/** Distinct /ateliers queries: `next()` never gives one it gave before. */
function distinctAgendaUrls(now: Date, seed = 23) {
  const rand = random(seed);
  const town = weighted(loadCommunes(), (c) => Math.max(1, c.population), rand);
  const seen = new Set<string>();
  const draw = (): { kind: string; params: URLSearchParams } => {
    const p = new URLSearchParams();
    const x = rand();
    const kind = x < 0.85 ? 'town' : x < 0.9 ? 'online' : 'no place';
    if (kind === 'town') {
      p.set('ou', typedTown(town(), rand));
      const r = RADII[Math.floor(rand() * RADII.length)];
      if (r) p.set('rayon', r);
    }
    if (kind === 'online') p.set('enligne', '1');
    const themes = Math.floor(rand() * 3);
    for (let i = 0; i < themes; i++) p.append('theme', THEMES[Math.floor(rand() * THEMES.length)]);
    const w = rand();
    if (w < 0.3) p.set('quand', 'semaine');
    else if (w < 0.45) p.set('quand', 'weekend');
    else if (w < 0.7) p.set('quand', new Date(now.getTime() + Math.floor(rand() * 60) * 86_400_000).toISOString().slice(0, 10));
    if (rand() < 0.2) p.set('gratuit', '1');
    return { kind, params: p };
  };
  return () => {
    for (;;) {
      const q = draw();
      const key = [...q.params.entries()].sort().join('&');
      if (!seen.has(key)) return (seen.add(key), q);
    }
  };
}

async function get(url: string) {
  const { ms, value } = await timed(async () => {
    const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    return { status: response.status, body: await response.text() };
  });
  return { ms, ...value };
}

function byKind(samples: Array<{ kind: string; ms: number }>) {
  const kinds = [...new Set(samples.map((s) => s.kind))];
  return Object.fromEntries(kinds.map((k) => [k, summarise(samples.filter((s) => s.kind === k).map((s) => s.ms))]));
}

/** Reads (or writes) the data set's description kept with the database. */
async function tableComment(url: string, text?: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (text !== undefined) await client.query(`COMMENT ON TABLE "AtelierSession" IS ${client.escapeLiteral(text)}`);
    const row = await client.query<{ c: string | null }>(`SELECT obj_description('"AtelierSession"'::regclass) AS c`);
    if (!row.rows[0].c) throw new Error('BENCH_REUSE=1: this database was not seeded by the ateliers benchmark; run it once without BENCH_REUSE.');
    return row.rows[0].c;
  } finally {
    await client.end();
  }
}

async function main() {
  const started = Date.now();
  // BENCH_REUSE=1 (while iterating on the code): the database the last run seeded, as it is; its
  // description was kept as a comment on "AtelierSession". Results say so.
  const reuse = process.env.BENCH_REUSE === '1';
  const database = reuse ? { url: benchDatabaseUrl('reperes_bench_ateliers'), stop: async () => undefined } : await openBenchDatabase('reperes_bench_ateliers');
  let places: SyntheticSummary | null;
  let dataset: AtelierDataset;
  let placesSeconds = 0;
  if (reuse) {
    ({ places, ateliers: dataset } = JSON.parse(await tableComment(database.url)));
  } else {
    places = PLACES > 0 ? await seedSyntheticPlaces(database.url, PLACES) : null;
    placesSeconds = (Date.now() - started) / 1000;
    ({ dataset } = await seedAteliers(database.url, { sessions: SESSIONS, networkPlaces: NETWORK, now: new Date() }));
    await tableComment(database.url, JSON.stringify({ places, ateliers: dataset }));
  }
  const { atelierSlugs, placeSlugs } = await benchSlugs(database.url);
  const now = new Date();
  console.log(
    `${reuse ? '(reused database) ' : ''}${PLACES} places (${places ? `${places.distinctSchedules} distinct weekly schedules` : 'none'}; seeded in ${placesSeconds.toFixed(0)} s); ` +
      `${dataset.upcomingSessions} upcoming sessions (+${dataset.pastSessions} past) of ${dataset.series} series at ${dataset.placesWithAteliers} places ` +
      `(${JSON.stringify(dataset.kinds)}); ${dataset.cancelledSessions} sessions and ${dataset.cancelledSeries} series cancelled; ` +
      `${dataset.seriesWithRegistrationOnReperes} series with registration on Repères, ${dataset.sessionsWithSeatsTaken} sessions with seats taken; ` +
      `network of ${dataset.network.places} places, ${dataset.network.upcomingSessions} upcoming sessions (seeded in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );

  const app = await startApp({ port: PORT, databaseUrl: database.url, settings: { PAGE_CACHE: 'off' } });
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  let errors = 0;
  const check = <T extends { status: number }>(r: T): T => {
    if (r.status !== 200) errors++;
    return r;
  };
  try {
    // Loads each route's modules; not measured.
    await get(`${app.url}/ateliers`);
    await get(`${app.url}/ateliers/${atelierSlugs[atelierSlugs.length - 1]}`);
    await get(`${app.url}/ateliers.ics?lieu=${placeSlugs[placeSlugs.length - 1]}`);
    console.log(`next start: ${describeSettings(app.settings)} (page cache off, one client)`);

    const next = distinctAgendaUrls(now);
    const agenda: Array<{ kind: string; ms: number }> = [];
    let empty = 0;
    for (let i = 0; i < RUNS; i++) {
      const q = next();
      const r = check(await get(`${app.url}/ateliers?${q.params}`));
      if (!r.body.includes('/ateliers/')) empty++;
      agenda.push({ kind: q.kind, ms: r.ms });
    }
    const ag = summarise(agenda.map((s) => s.ms));
    const agKinds = byKind(agenda);
    console.log(`\n/ateliers, distinct URLs: ${fmt(ag, 'URLs')}; ${empty} without any session`);
    for (const [kind, s] of Object.entries(agKinds)) console.log(`  ${kind.padEnd(9)} ${fmt(s, 'URLs')}`);

    const pages: number[] = [];
    let largest = 0;
    for (const slug of atelierSlugs.slice(0, RUNS)) {
      const r = check(await get(`${app.url}/ateliers/${slug}`));
      largest = Math.max(largest, r.body.length);
      pages.push(r.ms);
    }
    const page = summarise(pages);
    console.log(`atelier page, distinct ateliers: ${fmt(page, 'ateliers')}; HTML up to ${(largest / 1024).toFixed(1)} kB`);

    const feed: number[] = [];
    let events = 0;
    let feedBytes = 0;
    for (let i = 0; i < ICS_RUNS; i++) {
      const r = check(await get(`${app.url}/ateliers.ics?reseau=${dataset.network.slug}`));
      events = r.body.split('BEGIN:VEVENT').length - 1;
      feedBytes = r.body.length;
      feed.push(r.ms);
    }
    const fd = summarise(feed);
    console.log(`.ics of the network (${dataset.network.places} places): ${fmt(fd, 'requests')}; ${events} events, ${(feedBytes / 1024).toFixed(0)} kB`);
    const one: number[] = [];
    for (const slug of placeSlugs.slice(0, ICS_RUNS * 2)) one.push(check(await get(`${app.url}/ateliers.ics?lieu=${slug}`)).ms);
    const on = summarise(one);
    console.log(`.ics of one place: ${fmt(on, 'distinct places')}; ${errors} non-200 answers`);

    const html = (await get(`${app.url}/ateliers?ou=Cholet`)).body;
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    let js = 0;
    for (const src of scripts) js += zlib.gzipSync(Buffer.from(await (await fetch(`${app.url}${src}`)).arrayBuffer())).length;
    console.log(`/ateliers: JavaScript at load ${(js / 1024).toFixed(1)} kB gzip (${scripts.length} scripts)`);

    const ms = (key: string, label: string, value: number, target?: number): Figure => ({
      key,
      label,
      value,
      unit: 'ms',
      better: 'lower',
      ...(target ? { target: { op: '<', value: target } } : {}),
    });
    figures.push(
      ms('agenda.distinct.p50', '/ateliers, distinct URLs, p50', ag.p50),
      ms('agenda.distinct.p95', '/ateliers, distinct URLs, p95', ag.p95, 120),
      ms('agenda.distinct.p99', '/ateliers, distinct URLs, p99', ag.p99),
      ms('atelier.distinct.p50', 'atelier page, distinct, p50', page.p50),
      ms('atelier.distinct.p95', 'atelier page, distinct, p95', page.p95, 80),
      ms('atelier.distinct.p99', 'atelier page, distinct, p99', page.p99),
      ms('ics.network.p50', `.ics of a network of ${dataset.network.places} places, p50`, fd.p50),
      ms('ics.network.p95', `.ics of a network of ${dataset.network.places} places, p95`, fd.p95, 200),
      ms('ics.place.p95', '.ics of one place, p95', on.p95),
      { key: 'agenda.js.kB', label: '/ateliers JavaScript at load (gzip)', value: Math.round((js / 1024) * 10) / 10, unit: 'kB', better: 'lower' },
    );
    Object.assign(raw, {
      agenda: ag,
      agendaByKind: agKinds,
      agendaWithoutSession: empty,
      atelierPage: page,
      atelierPageMaxHtmlBytes: largest,
      icsNetwork: { ...fd, events, bytes: feedBytes },
      icsPlace: on,
      errors,
      javascriptGzipBytes: js,
      scripts,
      seconds: (Date.now() - started) / 1000,
    });
    await compareAndSave({
      name: 'ateliers',
      databaseUrl: database.url,
      scale: { reusedDatabase: String(reuse), places: PLACES, sessions: SESSIONS, runs: RUNS, networkPlaces: NETWORK, icsRuns: ICS_RUNS },
      dataset: { places, ateliers: dataset },
      settings: { app: describeSettings(app.settings) },
      figures,
      raw,
    });
  } finally {
    await app.stop();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
