import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataText } from '../../lib/data/files';
import { dataInclusionStream } from '../../lib/export/data-inclusion';
import { csvChunks, csvHeader, csvLine, exportStream, standardRecords } from '../../lib/export/standard';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';
import { geoJsonIssues } from '../helpers/geojson';
import { validateRecords, validateRows } from '../helpers/table-schema';

const db = testDb();

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe('export in the national standard', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('writes the exact columns of the standard’s example file', () => {
    const example = readDataText('standardExample');
    const exampleHeader = (parse(example, { to_line: 1 }) as string[][])[0];
    expect((parse(csvHeader()) as string[][])[0]).toEqual(exampleHeader);
  });

  it('exports every published place, each row valid against every constraint of schema.json', async () => {
    const csv = await text(exportStream(db, 'csv'));
    const [header, ...rows] = parse(csv, { relax_quotes: false }) as string[][];
    expect(rows).toHaveLength(await db.place.count({ where: { status: 'PUBLISHED' } }));
    expect(validateRows(header, rows)).toEqual([]);
    const services = header.indexOf('services');
    expect(rows.some((r) => r[services].includes('Aide aux démarches administratives|'))).toBe(true);
  });

  it('neutralises spreadsheet formulas in free text, keeping the file valid', async () => {
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    await db.place.update({
      where: { id: place.id },
      data: { name: '=HYPERLINK("http://evil.example","clic")', presentation: '@SUM(A1:A9)', phone: '+33241000000' },
    });
    const [record] = await (async () => {
      const out = [];
      for await (const r of standardRecords(db, { where: undefined })) if (r.id === place.id) out.push(r);
      return out;
    })();
    const [, row] = parse(csvHeader() + csvLine(record)) as string[][];
    const nom = row[2];
    expect(nom.startsWith("'=")).toBe(true);
    expect(row[16].startsWith("'@")).toBe(true);
    expect(row[11]).toBe('+33241000000'); // structured columns keep their pattern
    expect(validateRows(parse(csvHeader())[0] as string[], [row])).toEqual([]);
  });

  it('builds the same CSV lines in PostgreSQL as in JavaScript, quotes, line breaks and formulas included', async () => {
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { id: 'desc' } });
    await db.place.update({
      where: { id: place.id },
      data: { presentation: 'Deux lignes\r\net des "guillemets", une virgule', addressComplement: '+ étage', latitude: 47.123456789 },
    });
    const fromSql = await text(exportStream(db, 'csv'));
    let fromJs = csvHeader();
    for await (const record of standardRecords(db)) fromJs += csvLine(record);
    expect(fromSql).toBe(fromJs);
    expect(fromSql).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
    expect(fromSql).toContain('"Deux lignes\r\net des ""guillemets"", une virgule"');
    // Small batches give the same file.
    const chunks: string[] = [];
    for await (const chunk of csvChunks(db, { batchSize: 3 })) chunks.push(chunk);
    expect(csvHeader() + chunks.join('')).toBe(fromSql);
  });

  it('streams JSON valid against the standard’s Table Schema', async () => {
    const json = JSON.parse(await text(exportStream(db, 'json'))) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(await db.place.count({ where: { status: 'PUBLISHED' } }));
    expect(validateRecords(json)).toEqual([]);
    expect(json.some((r) => (r.services as string[]).length > 1)).toBe(true);
    // The validator does catch a record out of the standard.
    expect(validateRecords([{ ...json[0], code_postal: '4900', services: 'Aide aux démarches administratives' }])).toEqual([
      expect.stringContaining('services is not a list of strings'),
      expect.stringContaining('code_postal does not match its pattern'),
    ]);
    // Past the standard's fields, only the documented extension, with its type.
    expect(validateRecords([{ ...json[0], position_approximative: 'oui' }])).toEqual([
      expect.stringContaining('position_approximative is not of its documented type'),
    ]);
    expect(validateRecords([{ ...json[0], secret: 1 }])).toEqual([expect.stringContaining('keys ')]);
  });

  it('streams GeoJSON in the shape of RFC 7946, each point at its place, properties in the standard', async () => {
    const raw = await text(exportStream(db, 'geojson'));
    expect(geoJsonIssues(raw)).toEqual([]);
    const geo = JSON.parse(raw) as { features: Array<{ geometry: { coordinates: [number, number] } | null; properties: Record<string, unknown> }> };
    const published = await db.place.findMany({ where: { status: 'PUBLISHED' }, select: { id: true, latitude: true, longitude: true } });
    expect(geo.features).toHaveLength(published.length);
    const byId = new Map(published.map((p) => [p.id, p]));
    for (const feature of geo.features) {
      const place = byId.get(String(feature.properties.id))!;
      expect(place).toBeTruthy();
      // [longitude, latitude], in that order.
      if (place.latitude === null) expect(feature.geometry).toBeNull();
      else expect(feature.geometry!.coordinates).toEqual([place.longitude, place.latitude]);
    }
    // The properties are the standard's record without its coordinates.
    const records = geo.features.map((f) => {
      const { id, pivot, nom, commune, code_postal, code_insee, adresse, complement_adresse, ...rest } = f.properties;
      return {
        id,
        pivot,
        nom,
        commune,
        code_postal,
        code_insee,
        adresse,
        complement_adresse,
        latitude: f.geometry?.coordinates[1] ?? null,
        longitude: f.geometry?.coordinates[0] ?? null,
        ...rest,
      };
    });
    expect(validateRecords(records)).toEqual([]);
    // The checker does catch what RFC 7946 forbids.
    const feature = (coordinates: number[]) => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: {} });
    expect(geoJsonIssues(JSON.stringify({ type: 'FeatureCollection', features: [feature([47.47, -0.55])] }))).toEqual([]);
    expect(
      geoJsonIssues(
        JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name' }, features: [feature([-0.55, 147.47]), { ...feature([1, 2]), properties: null }] }),
      ),
    ).toEqual([expect.stringContaining('crs'), 'feature 0: latitude 147.47 out of range', 'feature 1: properties is not an object']);
    expect(
      geoJsonIssues('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":["a"]},"properties":{}}]}')[0],
    ).toMatch(/^check-geojson: /);
  });

  it('exports data·inclusion structures and services, one of each per published place, in the shape of its schema', async () => {
    const published = await db.place.findMany({ where: { status: 'PUBLISHED' } });
    const structures = JSON.parse(await text(dataInclusionStream(db, 'structures'))) as Array<Record<string, unknown>>;
    const services = JSON.parse(await text(dataInclusionStream(db, 'services'))) as Array<Record<string, unknown>>;
    expect(structures).toHaveLength(published.length);
    expect(services).toHaveLength(published.length);
    const THEMATIQUE = /^numerique(--[a-z0-9-]+)?$/;
    for (const s of structures) {
      for (const key of ['id', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj', 'source']) expect(typeof s[key], key).toBe('string');
      expect(s.code_postal).toMatch(/^\d{5}$/);
      expect(Number.isNaN(Date.parse(String(s.date_maj)))).toBe(false);
      expect((s.thematiques as string[])[0]).toBe('numerique');
      for (const t of s.thematiques as string[]) expect(t).toMatch(THEMATIQUE);
      if (s.siret !== undefined) expect(s.siret).toMatch(/^[A-Za-z0-9]{9,14}$/);
      expect(s.siret).not.toBe('00000000000000');
    }
    const ids = new Set(structures.map((s) => s.id));
    for (const service of services) {
      expect(ids.has(service.structure_id)).toBe(true);
      expect(service.id).toBe(`${service.structure_id}-mediation-numerique`);
      expect(service.nom).toBe('Médiation numérique');
      expect(typeof service.source).toBe('string');
      for (const f of (service.frais as string[] | undefined) ?? []) expect(['gratuit', 'gratuit-sous-conditions', 'payant']).toContain(f);
      for (const p of (service.profils as string[] | undefined) ?? []) expect(p).toMatch(/^[a-z0-9-]+$/);
      for (const m of (service.modes_orientation_beneficiaire as string[] | undefined) ?? [])
        expect(['autre', 'completer-le-formulaire-dadhesion', 'envoyer-un-mail', 'se-presenter', 'telephoner']).toContain(m);
      for (const m of (service.modes_accueil as string[] | undefined) ?? []) expect(['a-distance', 'en-presentiel']).toContain(m);
    }
    // A place that helps with paperwork, for free, says so in data·inclusion's words.
    const paperwork = published.find((p) => p.services.includes('AideAuxDemarchesAdministratives') && p.fees.includes('Gratuit'))!;
    const structure = structures.find((s) => s.id === paperwork.id)!;
    expect(structure.thematiques).toContain('numerique--realiser-des-demarches-administratives-avec-un-accompagnement');
    expect(services.find((s) => s.structure_id === paperwork.id)!.frais).toEqual(['gratuit']);
  });

  it('pages through places in constant-size batches', async () => {
    const ids: string[] = [];
    for await (const r of standardRecords(db, { batchSize: 7 })) ids.push(String(r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
  });
});
