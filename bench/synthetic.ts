// Synthetic places spread over France like the population: each place is put near the centre of
// a real commune (data/reference/communes.csv.gz, read at bench time), chosen with a
// probability proportional to its population. Deterministic for a given seed.
import pg from 'pg';
import { readDataText } from '../lib/data/files';
import { closedOnHolidays, weeklySlots } from '../lib/hours';
import { timeZoneForCode } from '../lib/hours/zone';
import { FEE_LABELS, SERVICE_LABELS, SUPPORT_MODE_LABELS, ACCESS_MODE_LABELS } from '../lib/standard/enums';

type CommuneRow = { insee: string; name: string; postcode: string; lat: number; lng: number; population: number };

export function loadCommunes(): CommuneRow[] {
  const [header, ...lines] = readDataText('communes').trim().split('\n');
  const cols = header.split(',');
  const at = (name: string) => cols.indexOf(name);
  const seen = new Set<string>();
  const rows: CommuneRow[] = [];
  for (const line of lines) {
    const c = line.split(',');
    if (c[at('commune_type')] !== 'COM' || seen.has(c[at('insee_com')])) continue;
    const lat = Number(c[at('lat')]);
    const lng = Number(c[at('lng')]);
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
    seen.add(c[at('insee_com')]);
    rows.push({ insee: c[at('insee_com')], name: c[at('commune')], postcode: c[at('code_postal')], lat, lng, population: Number(c[at('population_2021')]) || 0 });
  }
  return rows;
}

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOURS = [
  'Mo-Fr 09:00-12:00,14:00-17:30; PH off',
  'Mo-Fr 08:30-12:30,13:30-17:00; Sa 09:00-12:00; PH off',
  'Tu,Th 14:00-18:00',
  'We 10:00-12:00,14:00-18:00; Sa 10:00-17:00',
  'Mo,We,Fr 09:00-12:00',
  'Tu-Sa 10:00-18:00; PH off',
  null,
];
const TYPES = ['EPN', 'RFS', 'CS', 'BIB', 'TIERS_LIEUX', 'MUNI', 'ASSO', 'FABLAB', 'CCAS'];

/** Inserts n published places (and their opening slots) with multi-row INSERTs. */
export async function seedSyntheticPlaces(url: string, n: number, { seed = 42 } = {}) {
  const communes = loadCommunes();
  const cumulative: number[] = [];
  let total = 0;
  for (const c of communes) cumulative.push((total += Math.max(1, c.population)));
  const rand = random(seed);
  const pick = () => {
    const target = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return communes[lo];
  };
  const some = <T,>(list: T[], min = 1) => list.filter(() => rand() < 0.35).concat(list.length && min ? [list[Math.floor(rand() * list.length)]] : []).filter((v, i, a) => a.indexOf(v) === i);
  const services = Object.values(SERVICE_LABELS);
  const fees = Object.values(FEE_LABELS);
  const support = Object.values(SUPPORT_MODE_LABELS);
  const access = Object.values(ACCESS_MODE_LABELS);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const batch = 2000;
  for (let start = 0; start < n; start += batch) {
    const values: unknown[] = [];
    const rows: string[] = [];
    const slotRows: string[] = [];
    const slotValues: unknown[] = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      const c = pick();
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const hours = HOURS[Math.floor(rand() * HOURS.length)];
      const lat = c.lat + (rand() - 0.5) * 0.03;
      const lng = c.lng + (rand() - 0.5) * 0.04;
      const p = values.length;
      rows.push(`($${p + 1}::uuid,$${p + 2},'published',$${p + 3},$${p + 4},$${p + 5},$${p + 6},$${p + 7},$${p + 8},$${p + 9},$${p + 10},$${p + 11}::"Typologie"[],$${p + 12},$${p + 13}::"Service"[],$${p + 14}::"FraisACharge"[],$${p + 15}::"ModaliteAccompagnement"[],$${p + 16}::"ModaliteAcces"[],now()::date,$${p + 17},'synthetic',$${p + 18},now())`);
      values.push(
        id,
        `lieu-synthetique-${i}`,
        `Espace numérique ${i} de ${c.name}`,
        `${1 + (i % 120)} rue de la République`,
        c.postcode,
        c.name,
        c.insee,
        lat,
        lng,
        timeZoneForCode(c.insee),
        [TYPES[i % TYPES.length]],
        hours,
        some(services),
        [fees[rand() < 0.7 ? 0 : Math.floor(rand() * fees.length)]],
        some(support),
        some(access),
        hours ? closedOnHolidays(hours) : false,
        String(i),
      );
      for (const slot of weeklySlots(hours) ?? []) {
        const q = slotValues.length;
        slotRows.push(`($${q + 1}::uuid,$${q + 2},$${q + 3},$${q + 4})`);
        slotValues.push(id, slot.weekday, slot.startMinute, slot.endMinute);
      }
    }
    await client.query(
      `INSERT INTO "Place" (id, slug, status, name, street, postcode, commune, "inseeCode", latitude, longitude, "timeZone", typologies, "openingHours", services, fees, "supportModes", "accessModes", "dateMaj", "closedOnHolidays", "sourceName", "sourceId", "updatedAt") VALUES ${rows.join(',')}`,
      values,
    );
    for (let s = 0; s < slotRows.length; s += 8000) {
      const chunk = slotRows.slice(s, s + 8000);
      const offset = s * 4;
      const params = slotValues.slice(offset, offset + chunk.length * 4);
      const renumbered = chunk.map((_, k) => `($${k * 4 + 1}::uuid,$${k * 4 + 2},$${k * 4 + 3},$${k * 4 + 4})`);
      await client.query(`INSERT INTO "PlaceOpeningSlot" ("placeId", weekday, "startMinute", "endMinute") VALUES ${renumbered.join(',')}`, params);
    }
  }
  // Writing the slots rewrote each place row (the triggers keep "openWeek"): VACUUM leaves the
  // table as a live database's autovacuum would, instead of measuring the dead rows of a seed.
  await client.query('VACUUM ANALYZE "Place"');
  await client.query('ANALYZE');
  await client.end();
}
