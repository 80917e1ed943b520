// The real data the synthetic places (bench/synthetic.ts) are drawn from, read once per process:
// the communes with a centre point and a population (data/reference/communes.csv.gz, arrondissements
// of Paris, Lyon and Marseille included); the profiles of real places read through the project's
// own importers (lib/import/readers.ts): France Services from the national list, other kinds from
// the Maine-et-Loire directory and the Angers guide; their real schedules and street names; and the
// shares derived from them (France Services among all places, places of other kinds with hours).
import { readDataFile, readDataText } from '../lib/data/files';
import { readSource } from '../lib/import/readers';
import type { ImportedFields, ParsedRow } from '../lib/import/types';

export type CommuneRow = { insee: string; name: string; typed: string; postcode: string; lat: number; lng: number; population: number };

/** Communes with a centre point; arrondissements named as the sources name them ("Paris 12e"). */
export function loadCommunes(): CommuneRow[] {
  const [header, ...lines] = readDataText('communes').trim().split('\n');
  const cols = header.split(',');
  const at = (name: string) => cols.indexOf(name);
  const seen = new Set<string>();
  const rows: CommuneRow[] = [];
  for (const line of lines) {
    const c = line.split(',');
    const type = c[at('commune_type')];
    if ((type !== 'COM' && type !== 'ARM') || seen.has(c[at('insee_com')])) continue;
    const lat = Number(c[at('lat')]);
    const lng = Number(c[at('lng')]);
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
    seen.add(c[at('insee_com')]);
    const full = c[at('commune')];
    const arrondissement = type === 'ARM' ? full.match(/^(.*) (\d+(?:er|e)) Arrondissement$/) : null;
    rows.push({
      insee: c[at('insee_com')],
      name: arrondissement ? `${arrondissement[1]} ${arrondissement[2]}` : full,
      // What a person types for it: "Paris", not "Paris 12e".
      typed: arrondissement ? arrondissement[1] : full,
      postcode: c[at('code_postal')],
      lat,
      lng,
      population: Number(c[at('population_2021')]) || 0,
    });
  }
  return rows;
}

export type Profile = { kind: 'france-services' | 'maine-et-loire' | 'angers'; fields: ImportedFields };

function profiles(kind: Profile['kind'], rows: ParsedRow[]): Profile[] {
  return rows.filter((r) => r.place?.active).map((r) => ({ kind, fields: r.place!.fields }));
}

export type RealSources = {
  franceServices: Profile[];
  others: Profile[];
  schedules: string[];
  franceServicesShare: number;
  hoursShareOthers: number;
  streets: string[];
  communes: CommuneRow[];
};

let sources: RealSources | undefined;

/** The real profiles and the shares derived from them (read once per process). */
export function realSources(): RealSources {
  if (sources) return sources;
  const franceServices = profiles('france-services', readSource('france-services', readDataFile('franceServices')));
  const maineEtLoire = profiles('maine-et-loire', readSource('maine-et-loire', readDataFile('maineEtLoire')));
  const angers = profiles('angers', readSource('angers', readDataFile('angers')));
  const communes = loadCommunes();
  const france = communes.reduce((sum, c) => sum + c.population, 0);
  const dep49 = communes.filter((c) => c.insee.startsWith('49')).reduce((sum, c) => sum + c.population, 0);
  const nationalOthers = maineEtLoire.length * (france / dep49);
  const all = [...franceServices, ...maineEtLoire, ...angers];
  const streets = [
    ...new Set(
      all.map((p) => p.fields.street.replace(/^[\s\d,-]*(?:bis|ter|quater)?[\s,]*/i, '').trim()).filter((s) => s.length >= 6 && /^[A-Za-zÀ-ÿ]/.test(s)),
    ),
  ];
  sources = {
    franceServices,
    others: [...maineEtLoire, ...angers],
    schedules: all.map((p) => p.fields.openingHours).filter((h): h is string => !!h),
    franceServicesShare: franceServices.length / (franceServices.length + nationalOthers),
    hoursShareOthers: angers.filter((p) => p.fields.openingHours).length / angers.length,
    streets,
    communes,
  };
  return sources;
}

/** Forgets the sources read by realSources() (the import benchmark measures the importer's memory alone). */
export function releaseRealSources() {
  sources = undefined;
}
