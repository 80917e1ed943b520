// Synthetic places for the benchmarks, drawn from the real data the repository ships, so that the
// caches, indexes and opening-hours code see the variety of real places instead of a few values:
//
// - where: near the centre of a real commune (data/reference/communes.csv.gz, arrondissements of
//   Paris, Lyon and Marseille included), chosen with a probability proportional to its population;
// - what: each place copies the profile of one real place read through the project's own importers
//   (lib/import/readers.ts, so every value is the standard's): its opening hours, services, publics,
//   fees, access and support modes, typologies, programmes, and its name, the real commune's name in
//   it replaced by the new one. France Services profiles come from the national list
//   (data/sources/france-services-2022-12.csv, ~1,850 distinct weekly schedules); the other kinds
//   of places from the Maine-et-Loire directory and the Angers guide;
// - how many of each: France Services are a national list, the Maine-et-Loire directory is the
//   complete inventory of one département, so the share of France Services is
//   FS / (FS + directory places × population of France / population of Maine-et-Loire) (~13 %);
// - hours: a profile without a schedule (the Maine-et-Loire directory publishes none) takes one of
//   the real schedules (frequency-weighted) with the share of the Angers guide's places that publish
//   one (~62 %); the others stay without hours, as many real places are;
// - addresses: a real street name of the sources with a drawn number; names and addresses are
//   distinct per postcode, so no two places (or import rows) are the same.
//
// Deterministic for a given seed. `SyntheticStats` says how varied the set is (distinct schedules,
// service sets…), printed by the benchmarks and written in their results.
//
// The real data read for it (communes, profiles, schedules, streets, shares): bench/real-sources.ts.
import { createPrismaClient } from '../lib/db/client';
import { importCommunes, parseCommunesCsv } from '../lib/coverage/communes';
import { readDataFile } from '../lib/data/files';
import { timeZoneForCode } from '../lib/hours/zone';
import { runImport } from '../lib/import/run';
import type { ImportedFields, ParsedRow } from '../lib/import/types';
import pg from 'pg';
import { realSources, type Profile } from './real-sources';

export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A draw proportional to weights (binary search over the cumulative sums). */
export function weighted<T>(items: T[], weight: (item: T) => number, rand: () => number) {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weight(item)));
  return () => {
    const target = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
}

const accentFreeLowerCase = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The real name with its commune replaced by the new one ("France services de Valserhône" → "… d’Angers"). */
function rename(name: string, realCommune: string, commune: string): string {
  const vowel = /^[AEIOUYÂÊÎÔÛÉÈaeiouyéè]/.test(commune);
  const at = realCommune ? name.search(new RegExp(escape(realCommune), 'i')) : -1;
  if (at < 0) return `${name} – ${commune}`;
  let before = name.slice(0, at);
  const after = name.slice(at + realCommune.length);
  if (/\bd[e’']\s*$/i.test(before)) {
    before = before.replace(/d[e’']\s*$/i, '');
    if (/^Le /.test(commune)) return `${before}du ${commune.slice(3)}${after}`;
    if (/^Les /.test(commune)) return `${before}des ${commune.slice(4)}${after}`;
    return `${before}${vowel ? 'd’' : 'de '}${commune}${after}`;
  }
  return `${before}${commune}${after}`;
}

export type SyntheticPlace = { sourceId: string; kind: Profile['kind']; fields: ImportedFields };

/** n synthetic places, one by one (nothing held but the sets that keep names and addresses distinct). */
export function* syntheticPlaces(n: number, { seed = 42 } = {}): Generator<SyntheticPlace> {
  const real = realSources();
  const rand = random(seed);
  const commune = weighted(real.communes, (c) => Math.max(1, c.population), rand);
  const fsProfile = () => real.franceServices[Math.floor(rand() * real.franceServices.length)];
  const otherProfile = () => real.others[Math.floor(rand() * real.others.length)];
  const names = new Set<string>();
  const addresses = new Set<string>();
  for (let i = 0; i < n; i++) {
    const c = commune();
    const profile = rand() < real.franceServicesShare ? fsProfile() : otherProfile();
    const p = profile.fields;
    let hours = p.openingHours;
    if (!hours && profile.kind !== 'france-services' && rand() < real.hoursShareOthers) hours = real.schedules[Math.floor(rand() * real.schedules.length)];

    let street = '';
    for (let tries = 0; tries < 20; tries++) {
      const number = 1 + Math.floor(rand() * 150);
      street = `${number}${rand() < 0.05 ? ' bis' : ''} ${real.streets[Math.floor(rand() * real.streets.length)]}`;
      if (!addresses.has(`${accentFreeLowerCase(street)}|${c.postcode}`)) break;
      if (tries === 19) street = `${street} (${i})`;
    }
    addresses.add(`${accentFreeLowerCase(street)}|${c.postcode}`);

    let name = rename(p.name, p.commune, c.name);
    if (names.has(`${accentFreeLowerCase(name)}|${c.postcode}`)) name = `${name} – ${street.replace(/^[\d\s]*(bis)?\s*/, '')}`;
    if (names.has(`${accentFreeLowerCase(name)}|${c.postcode}`)) name = `${name} (${i})`;
    names.add(`${accentFreeLowerCase(name)}|${c.postcode}`);

    const digits = String(Math.floor(rand() * 1e8)).padStart(8, '0');
    const fields: ImportedFields = {
      ...p,
      pivot: null,
      name,
      street,
      addressComplement: rand() < 0.1 ? p.addressComplement : null,
      postcode: c.postcode,
      commune: c.name,
      inseeCode: c.insee,
      latitude: Math.round((c.lat + (rand() - 0.5) * 0.03) * 1e6) / 1e6,
      longitude: Math.round((c.lng + (rand() - 0.5) * 0.04) * 1e6) / 1e6,
      timeZone: timeZoneForCode(c.insee),
      phone: p.phone ? `+33${1 + Math.floor(rand() * 5)}${digits}` : null,
      emails: p.emails.length ? [`contact-${i}@lieu-synthetique.example`] : [],
      websites: p.websites.length ? [`https://lieu-synthetique.example/${i}`] : [],
      openingHours: hours,
      source: 'Données synthétiques (banc d’essai Repères)',
      typologies: [...p.typologies],
      itinerance: [...p.itinerance],
      services: [...p.services],
      publics: [...p.publics],
      specificSupport: [...p.specificSupport],
      fees: [...p.fees],
      programmes: [...p.programmes],
      labels: [...p.labels],
      otherLabels: [...p.otherLabels],
      accessModes: [...p.accessModes],
      supportModes: [...p.supportModes],
    };
    yield { sourceId: `syn-${seed}-${i}`, kind: profile.kind, fields };
  }
}

/** How varied a synthetic set is: what the benchmarks print and write in their results. */
export class SyntheticStats {
  places = 0;
  private sets = {
    schedules: new Set<string>(),
    services: new Set<string>(),
    publics: new Set<string>(),
    fees: new Set<string>(),
    accessModes: new Set<string>(),
    supportModes: new Set<string>(),
    typologies: new Set<string>(),
    names: new Set<string>(),
    addresses: new Set<string>(),
    communes: new Set<string>(),
  };
  private withHours = 0;
  private kinds: Record<string, number> = {};

  add(place: SyntheticPlace) {
    const f = place.fields;
    this.places++;
    this.kinds[place.kind] = (this.kinds[place.kind] ?? 0) + 1;
    if (f.openingHours) {
      this.withHours++;
      this.sets.schedules.add(f.openingHours);
    }
    const list = (values: string[]) => [...values].sort().join('|');
    this.sets.services.add(list(f.services));
    this.sets.publics.add(list(f.publics));
    this.sets.fees.add(list(f.fees));
    this.sets.accessModes.add(list(f.accessModes));
    this.sets.supportModes.add(list(f.supportModes));
    this.sets.typologies.add(list(f.typologies));
    this.sets.names.add(`${f.name}|${f.postcode}`);
    this.sets.addresses.add(`${f.street}|${f.postcode}`);
    this.sets.communes.add(f.inseeCode ?? f.postcode);
  }

  summary() {
    const real = realSources();
    return {
      places: this.places,
      kinds: this.kinds,
      withHours: this.withHours,
      distinctSchedules: this.sets.schedules.size,
      distinctServiceSets: this.sets.services.size,
      distinctPublicSets: this.sets.publics.size,
      distinctFeeSets: this.sets.fees.size,
      distinctAccessModeSets: this.sets.accessModes.size,
      distinctSupportModeSets: this.sets.supportModes.size,
      distinctTypologySets: this.sets.typologies.size,
      distinctNames: this.sets.names.size,
      distinctAddresses: this.sets.addresses.size,
      communes: this.sets.communes.size,
      drawnFrom: {
        franceServicesProfiles: real.franceServices.length,
        otherProfiles: real.others.length,
        realSchedules: new Set(real.schedules).size,
        franceServicesShare: Math.round(real.franceServicesShare * 1000) / 1000,
        hoursShareOthers: Math.round(real.hoursShareOthers * 1000) / 1000,
      },
    };
  }

  /** One line for the console. */
  line() {
    const s = this.summary();
    return `${s.places} synthetic places in ${s.communes} communes (France Services ${s.kinds['france-services'] ?? 0}, other kinds ${s.places - (s.kinds['france-services'] ?? 0)}): ${s.distinctSchedules} distinct weekly schedules (${s.withHours} places with hours), ${s.distinctServiceSets} service sets, ${s.distinctPublicSets} public sets, ${s.distinctFeeSets} fee sets, ${s.distinctAccessModeSets} access-mode sets, ${s.distinctTypologySets} typology sets; ${s.distinctNames} distinct names, ${s.distinctAddresses} distinct addresses`;
  }
}

export type SyntheticSummary = ReturnType<SyntheticStats['summary']>;

/**
 * Inserts n published places through the project's importer (runImport, as `npm run import` would:
 * same slugs, weekly hours, revisions), then vacuums as a live database's autovacuum would.
 * Returns the description of the set.
 */
export async function seedSyntheticPlaces(url: string, n: number, { seed = 42 } = {}): Promise<SyntheticSummary> {
  const stats = new SyntheticStats();
  const db = createPrismaClient(url, { max: 4 });
  let done = 0;
  try {
    // The reference of communes, as `npm start`'s first seed loads it (prisma/seed-real.ts): the
    // geocoder places a town at its reference centre from it. Without it, every search asked the
    // average of the town's places instead, a statement production does not run.
    await importCommunes(db, parseCommunesCsv(readDataFile('communes')));
    const report = await runImport(
      db,
      {
        rows: (async function* () {
          for (const place of syntheticPlaces(n, { seed })) {
            stats.add(place);
            done++;
            yield {
              line: done,
              sourceId: place.sourceId,
              name: place.fields.name,
              place: { sourceId: place.sourceId, fields: place.fields, active: true },
              errors: [],
              warnings: [],
            } satisfies ParsedRow;
          }
        })(),
        progress: () => done / n,
      },
      { sourceName: 'synthetic', detectDuplicates: false },
    );
    if (report.rejected.length || report.failedBatches.length) {
      throw new Error(
        `synthetic seed: ${report.rejected.length} rows rejected, ${report.failedBatches.length} batches failed (${report.rejected[0]?.reason ?? report.failedBatches[0]?.reason})`,
      );
    }
  } finally {
    await db.$disconnect();
  }
  const summary = stats.summary();
  if (summary.distinctNames !== n || summary.distinctAddresses !== n)
    throw new Error(`synthetic seed: ${summary.distinctNames} distinct names, ${summary.distinctAddresses} distinct addresses for ${n} places`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('VACUUM ANALYZE "Place"');
  await client.query('ANALYZE');
  await client.end();
  return summary;
}
