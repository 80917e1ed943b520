// The Angers guide, the legacy v0.1 standard, generic CSV files with a column mapping (fixtures
// generated here: BOM, Latin-1, semicolons, French dates) and cross-source duplicates.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportStream } from '../../lib/export/standard';
import { parseMapping, type ColumnMapping } from '../../lib/import/generic';
import { readSource, streamSource } from '../../lib/import/readers';
import { duplicatesCsv, runImport, scoreMatch } from '../../lib/import/run';
import { resetDatabase, testDb } from '../helpers/db';
import { validateRows } from '../helpers/table-schema';
import { realRows } from '../helpers/real-data';

const db = testDb();

describe('more formats', () => {
  beforeAll(async () => {
    await resetDatabase(db);
  });

  it('imports the City of Angers guide: in Angers, hours converted when they are plain, kept as text otherwise', async () => {
    const rows = realRows('angers');
    expect(rows).toHaveLength(63);
    const report = await runImport(db, rows, { sourceName: 'angers' });
    expect(report.created + report.rejected.length).toBe(63);
    expect(report.created).toBeGreaterThan(55);
    const places = await db.place.findMany({ where: { sourceName: 'angers' } });
    for (const place of places) {
      expect(place.latitude!).toBeGreaterThan(47.4);
      expect(place.latitude!).toBeLessThan(47.55);
      expect(place.longitude!).toBeGreaterThan(-0.65);
      expect(place.longitude!).toBeLessThan(-0.45);
      expect(place.services.length + (report.warnings.some((w) => w.name === place.name && w.warning === 'aucun service renseigné') ? 1 : 0)).toBeGreaterThan(0);
    }
    const withHours = places.filter((p) => p.openingHours);
    expect(withHours.length).toBeGreaterThan(25);
    expect(await db.placeOpeningSlot.count({ where: { placeId: { in: withHours.map((p) => p.id) } } })).toBeGreaterThan(100);
    const kept = places.filter((p) => p.presentation?.includes('Horaires : '));
    expect(kept.length).toBeGreaterThan(5);
    expect(places.filter((p) => p.typologies.includes('BIB')).length).toBeGreaterThan(3);
    expect((await runImport(db, realRows('angers'), { sourceName: 'angers' })).updated).toBe(0);
  });

  it('maps the legacy v0.1 columns and lists to v1, and exports them valid against the standard', async () => {
    const header = 'id;pivot;nom;commune;code_postal;code_insee;adresse;complement_adresse;latitude;longitude;typologie;telephone;courriel;site_web;horaires;presentation_resume;presentation_detail;source;structure_parente;date_maj;services;publics_accueillis;conditions_acces;labels_nationaux;labels_autres;modalites_accompagnement;accessibilite;prise_rdv;cle_ban';
    const row = [
      'v01-1', '21490007000019', 'Cyber-base de Segré', 'Segré-en-Anjou Bleu', '49500', '49331', '2 rue Lakanal', '', '47.6866', '-0.8712', 'EPN',
      '02 41 92 00 00', 'cyber@exemple.fr', 'www.exemple.fr', 'Mo-Fr 09:00-12:00', 'Un espace public numérique', '', 'Cyb@njou', '', '12/05/2022',
      'Prendre en main un ordinateur;Accéder à une connexion internet;Accéder à du matériel;Devenir autonome dans les démarches administratives;Créer avec le numérique',
      'Seniors (+ 65 ans);Surdité;Adultes;Personnes en situation d’illettrisme',
      'Gratuit sous condition : La gratuité est conditionnée à des critères (situation familiale, convention avec un organisme social...)',
      'CNFS;Aidants Connect;APTIC;Fabriques de Territoire', 'Label Cyb@njou', 'Seul : j’ai accès à du matériel et une connexion;Dans un atelier : j’apprends collectivement à utiliser le numérique',
      'https://acceslibre.beta.gouv.fr/app/49-segre/a/espace/erp/cyber/', '', '49331_0150_00002',
    ];
    const file = Buffer.from(`${header}\n${row.map((c) => (c.includes(';') || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(';')}\n`);
    const [parsed] = readSource('standard', file);
    expect(parsed.errors).toEqual([]);
    const fields = parsed.place!.fields;
    expect(fields.services).toEqual(['MaitriseDesOutilsNumeriquesDuQuotidien', 'AccesInternetEtMaterielInformatique', 'AideAuxDemarchesAdministratives', 'LoisirsEtCreationsNumeriques']);
    expect(fields.publics).toEqual(['Seniors']);
    expect(fields.specificSupport).toEqual(['Surdite', 'Illettrisme']);
    expect(fields.fees).toEqual(['GratuitSousCondition']);
    expect(fields.programmes).toEqual(['ConseillersNumeriques', 'AidantsConnect']);
    expect(fields.labels).toEqual(['FabriquesDeTerritoire']);
    expect(fields.otherLabels).toEqual(['APTIC', 'Label Cyb@njou']);
    expect(fields.supportModes).toEqual(['EnAutonomie', 'DansUnAtelier']);
    expect(fields.emails).toEqual(['cyber@exemple.fr']);
    expect(fields.accesLibreUrl).toContain('acceslibre');
    expect(fields.dateMaj.toISOString().slice(0, 10)).toBe('2022-05-12');
    expect(parsed.warnings).toEqual([]);

    const report = await runImport(db, [parsed], { sourceName: 'legacy' });
    expect(report.created).toBe(1);
    const place = await db.place.findFirstOrThrow({ where: { sourceName: 'legacy' } });
    const csv = await new Response(exportStream(db, 'csv', undefined)).text();
    const [cols, ...lines] = parse(csv) as string[][];
    expect(validateRows(cols, lines)).toEqual([]);
    expect(lines.some((l) => l[0] === place.id)).toBe(true);
  });
});

const MAPPING: ColumnMapping = {
  listSeparator: ',',
  columns: {
    id: 'Code', nom: 'Structure', adresse: ['N°', 'Voie'], code_postal: 'CP', commune: 'Ville', latitude: 'Lat', longitude: 'Lon',
    telephone: 'Téléphone', courriels: 'Courriel', horaires: 'Horaires', date_maj: 'Mise à jour', services: 'Services', publics_specifiquement_adresses: 'Public',
  },
  values: {
    services: { 'démarches en ligne': 'Aide aux démarches administratives', 'initiation informatique': 'Maîtrise des outils numériques du quotidien', 'accès wifi': 'Accès internet et matériel informatique' },
    publics_specifiquement_adresses: { jeunes: 'Jeunes', 'personnes âgées': 'Seniors' },
  },
  defaults: { frais_a_charge: 'Gratuit', source: 'Département du Cher', typologie: 'EPN' },
};

function genericFile(rows: string[][], delimiter: string) {
  const header = ['Code', 'Structure', 'N°', 'Voie', 'CP', 'Ville', 'Lat', 'Lon', 'Téléphone', 'Courriel', 'Horaires', 'Mise à jour', 'Services', 'Public'];
  const quoted = (c: string) => (/[;,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [header, ...rows].map((r) => r.map(quoted).join(delimiter)).join('\r\n') + '\r\n';
}

const CHER = [
  ['18-1', 'Médiathèque d’Aubigny', '3', 'rue de l’Église', '18700', 'Aubigny-sur-Nère', '47,4877', '2,4393', '02 48 58 00 00', 'media@aubigny.example', 'Du mardi au samedi : 10h à 12h et 14h à 18h', '3 février 2024', 'Démarches en ligne, Accès WIFI', 'Jeunes, Personnes âgées'],
  ['18-2', 'Espace numérique de Vierzon', '12', 'avenue de la République', '18100', 'Vierzon', '47.2218', '2.0688', '0248000001', '', 'Mo-Fr 09:00-17:00', '15/01/24', 'Initiation informatique, Cours de cuisine', ''],
  ['18-3', '', '1', 'place du Marché', '18000', 'Bourges', '47.08', '2.39', '', '', '', '01/01/2024', '', ''],
  ['18-4', 'Tiers-lieu de Saint-Amand', '5', 'rue Nationale', '18200', 'Saint-Amand-Montrond', '2.49', '46.72', '', '', 'Le samedi sur rendez-vous', '2024-03-01', 'Démarches en ligne', ''],
];

describe('a generic CSV with a column mapping', () => {
  beforeAll(async () => {
    await resetDatabase(db);
  });

  it('reads UTF-8 with a BOM, Windows-1252 with semicolons, and gives the same places', () => {
    const text = genericFile(CHER, ';');
    const fromBom = readSource('generic', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), { mapping: MAPPING });
    const fromLatin = readSource('generic', iconv.encode(text, 'win1252'), { mapping: MAPPING });
    const fromComma = readSource('generic', Buffer.from(genericFile(CHER, ','), 'utf8'), { mapping: MAPPING });
    for (const rows of [fromBom, fromLatin, fromComma]) {
      expect(rows.map((r) => r.place?.fields.name ?? null)).toEqual(['Médiathèque d’Aubigny', 'Espace numérique de Vierzon', null, 'Tiers-lieu de Saint-Amand']);
    }
    const [aubigny, vierzon, nameless, stAmand] = fromLatin;
    expect(aubigny.place!.fields).toMatchObject({
      street: '3 rue de l’Église', postcode: '18700', latitude: 47.4877, longitude: 2.4393, phone: '+33248580000', openingHours: 'Tu-Sa 10:00-12:00,14:00-18:00',
      services: ['AideAuxDemarchesAdministratives', 'AccesInternetEtMaterielInformatique'], publics: ['Jeunes', 'Seniors'], fees: ['Gratuit'], typologies: ['EPN'], source: 'Département du Cher',
    });
    expect(aubigny.place!.fields.dateMaj.toISOString().slice(0, 10)).toBe('2024-02-03');
    expect(vierzon.place!.fields.dateMaj.toISOString().slice(0, 10)).toBe('2024-01-15');
    expect(vierzon.warnings).toContain('services : valeur inconnue ignorée « Initiation informatique|Cours de cuisine »'.replace('Initiation informatique|', ''));
    expect(nameless.errors).toContain('nom manquant');
    expect(stAmand.warnings).toContain('latitude et longitude inversées : corrigées');
    expect(stAmand.place!.fields.openingHours).toBeNull();
    expect(stAmand.place!.fields.presentation).toBe('Horaires : Le samedi sur rendez-vous');
  });

  it('explains a mapping that does not fit the file', () => {
    expect(() => readSource('generic', Buffer.from(genericFile(CHER, ';')), { mapping: { columns: { nom: 'Nom de la structure' } } })).toThrow(/Colonnes absentes du fichier : « Nom de la structure »/);
    expect(parseMapping('{"columns": {"name": "Nom"}}')).toMatchObject({ error: expect.stringContaining('Correspondance de colonnes invalide') });
    expect(parseMapping('pas du json')).toEqual({ error: 'La correspondance de colonnes n’est pas du JSON valide.' });
    expect(() => readSource('generic', Buffer.from('a;b\n1;2\n'))).toThrow(/correspondance de colonnes/);
  });

  it('imports through the CLI with --format generic --mapping, twice without change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reperes-generic-'));
    fs.writeFileSync(path.join(dir, 'cher.csv'), iconv.encode(genericFile(CHER, ';'), 'win1252'));
    fs.writeFileSync(path.join(dir, 'map.json'), JSON.stringify(MAPPING));
    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/import.ts', path.join(dir, 'cher.csv'), '--format', 'generic', '--mapping', path.join(dir, 'map.json'), '--source', 'cher', '--report', path.join(dir, 'rejets.csv')], {
        cwd: path.join(__dirname, '..', '..'),
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, NODE_OPTIONS: '--conditions=react-server' },
      });
    const first = await run();
    expect(first.stdout).toContain('créés : 3');
    expect(fs.readFileSync(path.join(dir, 'rejets.csv'), 'utf8')).toContain('"4","18-3","","nom manquant"');
    const second = await run();
    expect(second.stdout).toContain('créés : 0, mis à jour : 0, inchangés : 3');
    expect(await db.place.count({ where: { sourceName: 'cher' } })).toBe(3);
  }, 60_000);
});

describe('duplicates across sources', () => {
  const HEADER = 'id,nom,commune,code_postal,adresse,latitude,longitude,telephone,date_maj,services,horaires';
  const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'));

  beforeAll(async () => {
    await resetDatabase(db);
    await runImport(db, readSource('standard', csv([
      'a-1,Médiathèque Jean Vilar,Angers,49000,2 rue Lakanal,47.4700,-0.5500,,2024-01-01,Aide aux démarches administratives,',
      'a-2,Maison de quartier des Justices,Angers,49000,5 place des Justices,47.4500,-0.5300,0241000002,2024-01-01,Aide aux démarches administratives,Mo 09:00-12:00',
    ])), { sourceName: 'ville' });
  });

  it('completes the same place, flags a likely duplicate for merging, creates the others; a dry run says so without writing', async () => {
    const file = csv([
      'b-1,Médiathèque Jean-Vilar,Angers,49000,2 rue Lakanal,47.4701,-0.5501,02 41 00 00 01,2024-06-01,Accès internet et matériel informatique,Tu-Sa 10:00-18:00',
      'b-2,Espace numérique des Justices,Angers,49000,5 place des Justices,47.4501,-0.5301,,2024-06-01,Aide aux démarches administratives,',
      'b-3,Fablab du Lac de Maine,Angers,49000,9 avenue du Lac,47.4550,-0.5900,,2024-06-01,Loisirs et créations numériques,',
    ]);
    const dry = await runImport(db, streamSource('standard', file), { sourceName: 'reseau', dryRun: true });
    expect(dry.duplicates.map((d) => [d.sourceId, d.action, d.placeName])).toEqual([
      ['b-1', 'update', 'Médiathèque Jean Vilar'],
      ['b-2', 'merge', 'Maison de quartier des Justices'],
    ]);
    expect(dry).toMatchObject({ created: 2, updated: 1 });
    expect(await db.place.count({ where: { sourceName: 'reseau' } })).toBe(0);
    expect(await db.placeDuplicate.count()).toBe(0);

    const network = await db.network.create({ data: { slug: 'reseau-test', name: 'Réseau test' } });
    const report = await runImport(db, streamSource('standard', file), { sourceName: 'reseau', networkSlug: 'reseau-test' });
    expect(report).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    // The network's file names the known place too: it joins the network.
    expect(await db.networkMembership.count({ where: { networkId: network.id } })).toBe(3);
    expect(duplicatesCsv(report).split('\r\n')[1]).toContain('"complété (même lieu)","Médiathèque Jean Vilar"');
    expect(duplicatesCsv({ duplicates: [{ ...report.duplicates[0], name: '=HYPERLINK("x")' }] })).toContain(`"'=HYPERLINK(""x"")"`);
    // The known place takes the values of the more recent row (June 2024 beats January), field by field, and says where each comes from.
    const vilar = await db.place.findFirstOrThrow({ where: { sourceId: 'a-1' }, include: { revisions: true } });
    expect(vilar.phone).toBe('+33241000001');
    expect(vilar.openingHours).toBe('Tu-Sa 10:00-18:00');
    expect(vilar.services).toEqual(['AccesInternetEtMaterielInformatique']);
    expect(vilar.dateMaj.toISOString().slice(0, 10)).toBe('2024-06-01');
    expect((vilar.fieldSources as Record<string, { s: string }>).services.s).toBe('reseau');
    expect(vilar.revisions.some((r) => r.reason?.includes('même lieu'))).toBe(true);
    expect(await db.placeOpeningSlot.count({ where: { placeId: vilar.id } })).toBe(5);
    // The likely duplicate is created and flagged.
    const flags = await db.placeDuplicate.findMany({ include: { place: true, other: true } });
    expect(flags.map((f) => [f.place.sourceId, f.other.sourceId, f.state])).toEqual([['b-2', 'a-2', 'OPEN']]);

    const again = await runImport(db, streamSource('standard', file), { sourceName: 'reseau' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await db.placeDuplicate.count()).toBe(1);
  });

  it('archives the places gone from their source only when asked, dry run first', async () => {
    const lines = ['g-1,Lieu un,Angers,49000,1 rue A,47.47,-0.55,,2024-06-01,,', 'g-2,Lieu deux,Angers,49000,2 rue B,47.47,-0.55,,2024-06-01,,', 'g-3,Lieu trois,Angers,49000,3 rue C,47.47,-0.55,,2024-06-01,,'];
    await runImport(db, readSource('standard', csv(lines)), { sourceName: 'disparus', detectDuplicates: false });
    const smaller = csv(lines.slice(0, 2));
    expect((await runImport(db, readSource('standard', smaller), { sourceName: 'disparus' })).archived).toBe(0);
    expect((await runImport(db, readSource('standard', smaller), { sourceName: 'disparus', archiveMissing: true, dryRun: true })).archived).toBe(1);
    expect(await db.place.count({ where: { sourceName: 'disparus', status: 'ARCHIVED' } })).toBe(0);
    const report = await runImport(db, readSource('standard', smaller), { sourceName: 'disparus', archiveMissing: true });
    expect(report).toMatchObject({ archived: 1, unchanged: 2 });
    const gone = await db.place.findFirstOrThrow({ where: { sourceId: 'g-3' }, include: { revisions: { orderBy: { createdAt: 'desc' }, take: 1 } } });
    expect(gone.status).toBe('ARCHIVED');
    expect(gone.revisions[0]).toMatchObject({ kind: 'STATUS', reason: 'Absent de la source disparus' });
    // It comes back when the source lists it again.
    expect((await runImport(db, readSource('standard', csv(lines)), { sourceName: 'disparus' })).updated).toBe(1);
    expect((await db.place.findFirstOrThrow({ where: { sourceId: 'g-3' } })).status).toBe('PUBLISHED');
  });

  it('gives distinct addresses to same-named places written by batches at the same time', async () => {
    const lines = Array.from({ length: 1200 }, (_, i) => `same-${i},France Services,Angers,49100,${i} rue Homonyme,47.47,-0.55,,2024-06-01,,`);
    const report = await runImport(db, streamSource('standard', csv(lines)), { sourceName: 'homonymes', batchSize: 100, concurrency: 3, detectDuplicates: false });
    expect(report.failedBatches).toEqual([]);
    expect(report.created).toBe(1200);
    const slugs = (await db.place.findMany({ where: { sourceName: 'homonymes' }, select: { slug: true } })).map((p) => p.slug);
    expect(new Set(slugs).size).toBe(1200);
    expect(slugs).toContain('france-services-angers');
    expect(slugs).toContain('france-services-angers-1200');
  });

  it('reports progress batch by batch while streaming a file', async () => {
    const lines = Array.from({ length: 250 }, (_, i) => `p-${i},Lieu de progression ${i},Angers,49${String(i).padStart(3, '0')},${i} rue du Test,47.47,-0.55,,2024-06-01,,`);
    const seen: Array<{ done: number; fraction: number }> = [];
    const report = await runImport(db, streamSource('standard', csv(lines)), { sourceName: 'progression', batchSize: 50, dryRun: true, onProgress: (p) => void seen.push(p) });
    expect(report.created).toBe(250);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
    expect(seen.at(-1)).toEqual({ done: 250, fraction: 1 });
  });

  it('scores on name, distance and address', () => {
    expect(scoreMatch({ sim: 1, dist: 10, sameAddress: true }).action).toBe('update');
    expect(scoreMatch({ sim: 0.9, dist: 1500, sameAddress: false }).action).toBe('create');
    expect(scoreMatch({ sim: 0.5, dist: 20, sameAddress: true }).action).toBe('merge');
    expect(scoreMatch({ sim: 0.2, dist: 5, sameAddress: true }).action).toBe('create');
    expect(scoreMatch({ sim: 0.42, dist: 10, sameAddress: false }).action).toBe('merge'); // next door, a name alike
    expect(scoreMatch({ sim: 0.42, dist: 120, sameAddress: false }).action).toBe('create');
  });
});
