// The Angers guide, the legacy v0.1 standard, and generic CSV files with a column mapping (fixtures
// generated here: BOM, Latin-1, semicolons, French dates). Cross-source duplicates: import-duplicates.test.ts.
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
import { readSource } from '../../lib/import/readers';
import { runImport } from '../../lib/import/run';
import { ownWeekSlots, resetDatabase, testDb } from '../helpers/db';
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
      expect(place.services.length + (report.warnings.some((w) => w.name === place.name && w.warning === 'aucun service renseigné') ? 1 : 0)).toBeGreaterThan(
        0,
      );
    }
    const withHours = places.filter((p) => p.openingHours);
    expect(withHours.length).toBeGreaterThan(25);
    expect((await Promise.all(withHours.map((p) => ownWeekSlots(db, p.id)))).flat().length).toBeGreaterThan(100);
    const kept = places.filter((p) => p.presentation?.includes('Horaires : '));
    expect(kept.length).toBeGreaterThan(5);
    expect(places.filter((p) => p.typologies.includes('BIB')).length).toBeGreaterThan(3);
    expect((await runImport(db, realRows('angers'), { sourceName: 'angers' })).updated).toBe(0);
  });

  it('maps the legacy v0.1 columns and lists to v1, and exports them valid against the standard', async () => {
    const header =
      'id;pivot;nom;commune;code_postal;code_insee;adresse;complement_adresse;latitude;longitude;typologie;telephone;courriel;site_web;horaires;presentation_resume;presentation_detail;source;structure_parente;date_maj;services;publics_accueillis;conditions_acces;labels_nationaux;labels_autres;modalites_accompagnement;accessibilite;prise_rdv;cle_ban';
    const row = [
      'v01-1',
      '21490007000019',
      'Cyber-base de Segré',
      'Segré-en-Anjou Bleu',
      '49500',
      '49331',
      '2 rue Lakanal',
      '',
      '47.6866',
      '-0.8712',
      'EPN',
      '02 41 92 00 00',
      'cyber@exemple.fr',
      'www.exemple.fr',
      'Mo-Fr 09:00-12:00',
      'Un espace public numérique',
      '',
      'Cyb@njou',
      '',
      '12/05/2022',
      'Prendre en main un ordinateur;Accéder à une connexion internet;Accéder à du matériel;Devenir autonome dans les démarches administratives;Créer avec le numérique',
      'Seniors (+ 65 ans);Surdité;Adultes;Personnes en situation d’illettrisme',
      'Gratuit sous condition : La gratuité est conditionnée à des critères (situation familiale, convention avec un organisme social...)',
      'CNFS;Aidants Connect;APTIC;Fabriques de Territoire',
      'Label Cyb@njou',
      'Seul : j’ai accès à du matériel et une connexion;Dans un atelier : j’apprends collectivement à utiliser le numérique',
      'https://acceslibre.beta.gouv.fr/app/49-segre/a/espace/erp/cyber/',
      '',
      '49331_0150_00002',
    ];
    const file = Buffer.from(`${header}\n${row.map((c) => (c.includes(';') || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(';')}\n`);
    const [parsed] = readSource('standard', file);
    expect(parsed.errors).toEqual([]);
    const fields = parsed.place!.fields;
    expect(fields.services).toEqual([
      'MaitriseDesOutilsNumeriquesDuQuotidien',
      'AccesInternetEtMaterielInformatique',
      'AideAuxDemarchesAdministratives',
      'LoisirsEtCreationsNumeriques',
    ]);
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
    id: 'Code',
    nom: 'Structure',
    adresse: ['N°', 'Voie'],
    code_postal: 'CP',
    commune: 'Ville',
    latitude: 'Lat',
    longitude: 'Lon',
    telephone: 'Téléphone',
    courriels: 'Courriel',
    horaires: 'Horaires',
    date_maj: 'Mise à jour',
    services: 'Services',
    publics_specifiquement_adresses: 'Public',
  },
  values: {
    services: {
      'démarches en ligne': 'Aide aux démarches administratives',
      'initiation informatique': 'Maîtrise des outils numériques du quotidien',
      'accès wifi': 'Accès internet et matériel informatique',
    },
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
  [
    '18-1',
    'Médiathèque d’Aubigny',
    '3',
    'rue de l’Église',
    '18700',
    'Aubigny-sur-Nère',
    '47,4877',
    '2,4393',
    '02 48 58 00 00',
    'media@aubigny.example',
    'Du mardi au samedi : 10h à 12h et 14h à 18h',
    '3 février 2024',
    'Démarches en ligne, Accès WIFI',
    'Jeunes, Personnes âgées',
  ],
  [
    '18-2',
    'Espace numérique de Vierzon',
    '12',
    'avenue de la République',
    '18100',
    'Vierzon',
    '47.2218',
    '2.0688',
    '0248000001',
    '',
    'Mo-Fr 09:00-17:00',
    '15/01/24',
    'Initiation informatique, Cours de cuisine',
    '',
  ],
  ['18-3', '', '1', 'place du Marché', '18000', 'Bourges', '47.08', '2.39', '', '', '', '01/01/2024', '', ''],
  [
    '18-4',
    'Tiers-lieu de Saint-Amand',
    '5',
    'rue Nationale',
    '18200',
    'Saint-Amand-Montrond',
    '2.49',
    '46.72',
    '',
    '',
    'Le samedi sur rendez-vous',
    '2024-03-01',
    'Démarches en ligne',
    '',
  ],
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
      expect(rows.map((r) => r.place?.fields.name ?? null)).toEqual([
        'Médiathèque d’Aubigny',
        'Espace numérique de Vierzon',
        null,
        'Tiers-lieu de Saint-Amand',
      ]);
    }
    const [aubigny, vierzon, nameless, stAmand] = fromLatin;
    expect(aubigny.place!.fields).toMatchObject({
      street: '3 rue de l’Église',
      postcode: '18700',
      latitude: 47.4877,
      longitude: 2.4393,
      phone: '+33248580000',
      openingHours: 'Tu-Sa 10:00-12:00,14:00-18:00',
      services: ['AideAuxDemarchesAdministratives', 'AccesInternetEtMaterielInformatique'],
      publics: ['Jeunes', 'Seniors'],
      fees: ['Gratuit'],
      typologies: ['EPN'],
      source: 'Département du Cher',
    });
    expect(aubigny.place!.fields.dateMaj.toISOString().slice(0, 10)).toBe('2024-02-03');
    expect(vierzon.place!.fields.dateMaj.toISOString().slice(0, 10)).toBe('2024-01-15');
    expect(vierzon.warnings).toContain(
      'services : valeur inconnue ignorée « Initiation informatique|Cours de cuisine »'.replace('Initiation informatique|', ''),
    );
    expect(nameless.errors).toContain('nom manquant');
    expect(stAmand.warnings).toContain('latitude et longitude inversées : corrigées');
    expect(stAmand.place!.fields.openingHours).toBeNull();
    expect(stAmand.place!.fields.presentation).toBe('Horaires : Le samedi sur rendez-vous');
  });

  it('explains a mapping that does not fit the file', () => {
    expect(() => readSource('generic', Buffer.from(genericFile(CHER, ';')), { mapping: { columns: { nom: 'Nom de la structure' } } })).toThrow(
      /Colonnes absentes du fichier : « Nom de la structure »/,
    );
    expect(parseMapping('{"columns": {"name": "Nom"}}')).toMatchObject({ error: expect.stringContaining('Correspondance de colonnes invalide') });
    expect(parseMapping('pas du json')).toEqual({ error: 'La correspondance de colonnes n’est pas du JSON valide.' });
    expect(() => readSource('generic', Buffer.from('a;b\n1;2\n'))).toThrow(/correspondance de colonnes/);
  });

  it('imports through the CLI with --format generic --mapping, twice without change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reperes-generic-'));
    fs.writeFileSync(path.join(dir, 'cher.csv'), iconv.encode(genericFile(CHER, ';'), 'win1252'));
    fs.writeFileSync(path.join(dir, 'map.json'), JSON.stringify(MAPPING));
    const run = () =>
      promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/import.ts',
          path.join(dir, 'cher.csv'),
          '--format',
          'generic',
          '--mapping',
          path.join(dir, 'map.json'),
          '--source',
          'cher',
          '--report',
          path.join(dir, 'rejets.csv'),
        ],
        {
          cwd: path.join(__dirname, '..', '..'),
          env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, NODE_OPTIONS: '--conditions=react-server' },
        },
      );
    const first = await run();
    expect(first.stdout).toContain('créés : 3');
    expect(fs.readFileSync(path.join(dir, 'rejets.csv'), 'utf8')).toContain('"4","18-3","","nom manquant"');
    const second = await run();
    expect(second.stdout).toContain('créés : 0, mis à jour : 0, inchangés : 3');
    expect(await db.place.count({ where: { sourceName: 'cher' } })).toBe(3);
  }, 60_000);
});
