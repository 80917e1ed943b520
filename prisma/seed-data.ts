// Demo data of Repères: fictional lieux de médiation numérique at real locations of
// Maine-et-Loire (street names, postcodes, INSEE codes and WGS84 coordinates are real; names,
// phones, emails and websites are invented). Phones use the ranges ARCEP reserves for fiction
// (02 61 91 xx xx, 06 39 98 xx xx), emails and websites use example domains.
// The places themselves are in prisma/demo/places.json. Pure data: no I/O, so the unit test
// can check it without a database (prisma/seed.test.ts).
import type {
  DispositifProgrammeNational,
  FormationLabel,
  FraisACharge,
  Itinerance,
  ModaliteAccompagnement,
  ModaliteAcces,
  PlaceStatus,
  PriseEnChargeSpecifique,
  PublicSpecifiquementAdresse,
  Role,
  Service,
  SuggestionPart,
  Typologie,
} from '@prisma/client';
import placesData from './demo/places.json';

export type DemoNetworkSlug = 'cybanjou' | 'hub-pdl';

export const DEMO_SOURCE_NAME = 'demo';
export const DEMO_TIME_ZONE = 'Europe/Paris';
export const DEMO_REVISION_AUTHOR = 'Données de démonstration';

/** Maine-et-Loire's bounding box (every demo coordinate must fall inside). */
export const MAINE_ET_LOIRE_BBOX = { minLat: 46.9, maxLat: 47.85, minLng: -1.4, maxLng: 0.25 } as const;

export interface DemoNetwork {
  slug: DemoNetworkSlug;
  name: string;
  description: string;
  website: string;
  contactEmail: string;
  contactPhone: string;
  territory: string[];
  color: string;
  reviewRequired: boolean;
}

export interface DemoStop {
  label: string;
  street: string;
  postcode: string;
  commune: string;
  inseeCode: string;
  latitude: number;
  longitude: number;
  openingHours: string;
}

export interface DemoPlaceInput {
  name: string;
  /** Defaults to PUBLISHED. */
  status?: PlaceStatus;
  street: string;
  addressComplement?: string;
  postcode: string;
  commune: string;
  inseeCode: string;
  latitude: number;
  longitude: number;
  typologies: Typologie[];
  phone?: string;
  emails?: string[];
  websites?: string[];
  /** OSM opening_hours syntax; omitted when the hours are unknown. */
  openingHours?: string;
  summary: string;
  presentation?: string;
  itinerance?: Itinerance[];
  parentStructure?: string;
  /** date_maj, counted back from the day the seed runs, so freshness stays meaningful. */
  dateMajDaysAgo: number;
  confirmedBy?: string;
  services: Service[];
  publics?: PublicSpecifiquementAdresse[];
  specificSupport?: PriseEnChargeSpecifique[];
  fees: FraisACharge[];
  programmes?: DispositifProgrammeNational[];
  labels?: FormationLabel[];
  otherLabels?: string[];
  accessModes: ModaliteAcces[];
  supportModes: ModaliteAccompagnement[];
  appointmentUrl?: string;
  /** A temporary closure, relative to the day the seed runs. */
  temporaryClosure?: { fromDaysAgo: number; untilInDays: number; message: string };
  /** A definitive closure (archived places only). */
  closedForGoodDaysAgo?: number;
  networks: DemoNetworkSlug[];
  stops?: DemoStop[];
}

export interface DemoPlace extends DemoPlaceInput {
  slug: string;
  status: PlaceStatus;
}

export interface DemoAccount {
  email: string;
  role: Role;
  name: string;
  /** Networks coordinated (UserNetwork). */
  networks: DemoNetworkSlug[];
  /** Places edited (UserPlace), by slug. */
  places: string[];
}

export interface DemoSuggestion {
  placeSlug: string;
  part: SuggestionPart;
  message: string;
  email?: string;
  daysAgo: number;
}

/** kebab-case without accents: "Fablab de la Gare (fictif)" → "fablab-de-la-gare-fictif". */
export function kebabCase(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A demo place's slug: kebab-case of its name and commune. */
export function demoSlug(name: string, commune: string): string {
  return kebabCase(`${name} ${commune}`);
}

// ---------------------------------------------------------------------------------------------
// Networks
// ---------------------------------------------------------------------------------------------

export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    slug: 'cybanjou',
    name: 'Cyb@njou',
    description:
      'Cyb@njou relie les lieux de médiation numérique de Maine-et-Loire : centres sociaux, ' +
      'espaces publics numériques, médiathèques, France Services et associations qui aident ' +
      'chacun à se servir du numérique au quotidien.\n\n' +
      'Le réseau est animé par la fédération départementale des centres sociaux. Il outille ' +
      'les médiateurs, organise des rencontres et tient à jour, avec les lieux eux-mêmes, ' +
      'la carte des endroits où se faire aider près de chez soi.\n\n' +
      'Texte de démonstration : ce réseau et ses membres sont fictifs.',
    website: 'https://cybanjou.example.org',
    contactEmail: 'coordination@cybanjou.example.org',
    contactPhone: '+33261910000',
    territory: ['49'],
    color: '#0b6e4f',
    reviewRequired: true,
  },
  {
    slug: 'hub-pdl',
    name: 'Hub numérique Pays de la Loire (fictif)',
    description:
      'Un hub régional (fictif) qui accompagne les fablabs, tiers-lieux et structures de ' +
      'réemploi des Pays de la Loire dans leurs projets d’inclusion numérique.\n\n' +
      'Données de démonstration.',
    website: 'https://hub-pdl.example.org',
    contactEmail: 'coordination@hub-pdl.example.org',
    contactPhone: '+33261910900',
    territory: ['44', '49', '53', '72', '85'],
    color: '#6a3d9a',
    reviewRequired: false,
  },
];

// ---------------------------------------------------------------------------------------------
// Places: data, in prisma/demo/places.json (one object per place, the fields of DemoPlaceInput;
// `status` only when not PUBLISHED). Checked by prisma/seed.test.ts.
// ---------------------------------------------------------------------------------------------

const PLACES = placesData as DemoPlaceInput[];

/** The demo places, with their slug (kebab-case of name and commune) and status. */
export const DEMO_PLACES: DemoPlace[] = PLACES.map((place) => ({
  ...place,
  status: place.status ?? 'PUBLISHED',
  slug: demoSlug(place.name, place.commune),
}));

// ---------------------------------------------------------------------------------------------
// Accounts and pending suggestions
// ---------------------------------------------------------------------------------------------

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@reperes.example',
    role: 'ADMIN',
    name: 'Administratrice (démo)',
    networks: [],
    places: [],
  },
  {
    email: 'coordination@cybanjou.example.org',
    role: 'COORDINATOR',
    name: 'Coordination Cyb@njou (démo)',
    networks: ['cybanjou'],
    places: [],
  },
  {
    email: 'editeur@tilleuls.example.org',
    role: 'EDITOR',
    name: 'Équipe des Tilleuls (démo)',
    networks: [],
    places: [demoSlug('Espace numérique des Tilleuls', 'Angers'), demoSlug('Antenne numérique des Tilleuls au Lac de Maine', 'Angers')],
  },
  {
    email: 'coordination@hub-pdl.example.org',
    role: 'COORDINATOR',
    name: 'Coordination Hub PDL (démo)',
    networks: ['hub-pdl'],
    places: [],
  },
];

/**
 * The known passwords of the test suites' fixture (seedDemo(db, { testFixture: true })), by email.
 * Only the e2e server, the integration tests and the benchmarks use them; `npm start` and
 * `npm run db:seed` generate fresh passwords instead, so these never open a real instance.
 */
export const TEST_FIXTURE_PASSWORDS: Readonly<Record<string, string>> = {
  'admin@reperes.example': 'demo-admin-2026',
  'coordination@cybanjou.example.org': 'demo-coord-2026',
  'editeur@tilleuls.example.org': 'demo-editeur-2026',
  'coordination@hub-pdl.example.org': 'demo-hub-2026',
};

export const DEMO_SUGGESTIONS: DemoSuggestion[] = [
  {
    placeSlug: demoSlug('Médiathèque des Hauts-Clos (fictif)', 'Angers'),
    part: 'HOURS',
    message:
      'Depuis la rentrée, la médiathèque ouvre le samedi à 10 h et non plus à 9 h 30, et elle est fermée le samedi après-midi pendant les vacances scolaires.',
    email: 'lectrice@example.net',
    daysAgo: 4,
  },
  {
    placeSlug: demoSlug('Cyber-espace du Planty (fictif)', 'Cholet'),
    part: 'CONTACT',
    message: 'Le numéro de téléphone indiqué ne répond plus. Il faut passer par l’accueil de la mairie.',
    daysAgo: 11,
  },
];
