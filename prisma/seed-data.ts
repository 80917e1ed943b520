// Demo data of Repères: fictional lieux de médiation numérique at real locations of
// Maine-et-Loire (street names, postcodes, INSEE codes and WGS84 coordinates are real; names,
// phones, emails and websites are invented). Phones use the ranges ARCEP reserves for fiction
// (02 61 91 xx xx, 06 39 98 xx xx), emails and websites use example domains.
// Pure data: no I/O, so the unit test can check it without a database (prisma/seed.test.ts).
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
// Communes (INSEE code, name) used below
// ---------------------------------------------------------------------------------------------

const ANGERS = { commune: 'Angers', inseeCode: '49007' } as const;
const SAUMUR = { commune: 'Saumur', inseeCode: '49328', postcode: '49400' } as const;
const CHOLET = { commune: 'Cholet', inseeCode: '49099', postcode: '49300' } as const;
const SEGRE = { commune: 'Segré-en-Anjou Bleu', inseeCode: '49331' } as const;
const BEAUPREAU = { commune: 'Beaupréau-en-Mauges', inseeCode: '49023', postcode: '49600' } as const;
const CHEMILLE = { commune: 'Chemillé-en-Anjou', inseeCode: '49092', postcode: '49120' } as const;
const BAUGE = { commune: 'Baugé-en-Anjou', inseeCode: '49018', postcode: '49150' } as const;
const DOUE = { commune: 'Doué-en-Anjou', inseeCode: '49125', postcode: '49700' } as const;
const LONGUE = { commune: 'Longué-Jumelles', inseeCode: '49180', postcode: '49160' } as const;
const TRELAZE = { commune: 'Trélazé', inseeCode: '49353', postcode: '49800' } as const;
const AVRILLE = { commune: 'Avrillé', inseeCode: '49015', postcode: '49240' } as const;
const PONTS_DE_CE = { commune: 'Les Ponts-de-Cé', inseeCode: '49246', postcode: '49130' } as const;
const ST_BARTHELEMY = { commune: "Saint-Barthélemy-d'Anjou", inseeCode: '49267', postcode: '49124' } as const;
const MAUGES_SUR_LOIRE = { commune: 'Mauges-sur-Loire', inseeCode: '49244' } as const;
const SEVREMOINE = { commune: 'Sèvremoine', inseeCode: '49301' } as const;
const MONTREUIL_BELLAY = { commune: 'Montreuil-Bellay', inseeCode: '49215', postcode: '49260' } as const;
const CHALONNES = { commune: 'Chalonnes-sur-Loire', inseeCode: '49063', postcode: '49290' } as const;
const BRISSAC = { commune: 'Brissac Loire Aubance', inseeCode: '49050', postcode: '49320' } as const;
const NOYANT = { commune: 'Noyant-Villages', inseeCode: '49228', postcode: '49490' } as const;
const OMBREE = { commune: "Ombrée d'Anjou", inseeCode: '49248', postcode: '49420' } as const;
const LYS_HAUT_LAYON = { commune: 'Lys-Haut-Layon', inseeCode: '49373', postcode: '49310' } as const;
const LOIRE_AUTHION = { commune: 'Loire-Authion', inseeCode: '49307', postcode: '49800' } as const;
const OREE_D_ANJOU = { commune: "Orée d'Anjou", inseeCode: '49069', postcode: '49530' } as const;

const CYB = 'Cyb@njou';

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------

const PLACES: DemoPlaceInput[] = [
  // ----- Angers (12) -----
  {
    name: 'Espace numérique des Tilleuls',
    ...ANGERS,
    postcode: '49000',
    street: '2 square des Jonchères',
    addressComplement: 'Rez-de-chaussée, entrée côté square',
    latitude: 47.44991,
    longitude: -0.56228,
    typologies: ['EPN', 'CSC'],
    phone: '+33261910101',
    emails: ['contact@tilleuls.example.org'],
    websites: ['https://tilleuls.example.org'],
    openingHours: 'Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off',
    summary:
      'Espace numérique de quartier à la Roseraie : ordinateurs en accès libre, aide aux démarches en ligne et ateliers pour débuter.',
    presentation:
      'L’Espace numérique des Tilleuls accueille les habitants de la Roseraie et des quartiers voisins.\n\n' +
      'Sur place : 8 ordinateurs, une imprimante et un scanner en accès libre, le wifi gratuit.\n' +
      'Deux conseillers numériques vous aident, avec ou sans rendez-vous, à créer une adresse mail, ' +
      'déclarer vos revenus, prendre rendez-vous chez le médecin ou utiliser votre smartphone.\n\n' +
      'Ateliers collectifs le mardi après-midi (débutants) et le jeudi matin (smartphone et tablette).',
    dateMajDaysAgo: 12,
    confirmedBy: CYB,
    services: [
      'MaitriseDesOutilsNumeriquesDuQuotidien',
      'AideAuxDemarchesAdministratives',
      'AccesInternetEtMaterielInformatique',
      'UtilisationSecuriseeDuNumerique',
    ],
    publics: ['Seniors', 'FamillesEnfants'],
    specificSupport: ['Illettrisme'],
    fees: ['Gratuit'],
    programmes: ['ConseillersNumeriques', 'AidantsConnect'],
    labels: ['FormeAMonEspaceSante'],
    accessModes: ['SePresenter', 'Telephoner', 'PrendreRdvEnLigne'],
    supportModes: ['EnAutonomie', 'AccompagnementIndividuel', 'DansUnAtelier'],
    appointmentUrl: 'https://tilleuls.example.org/rendez-vous',
    networks: ['cybanjou'],
  },
  {
    name: 'Antenne numérique des Tilleuls au Lac de Maine',
    ...ANGERS,
    postcode: '49000',
    street: 'place Guy-Riobé',
    latitude: 47.46839,
    longitude: -0.59725,
    typologies: ['EPN'],
    phone: '+33261910102',
    emails: ['lac@tilleuls.example.org'],
    websites: ['https://tilleuls.example.org/lac-de-maine'],
    openingHours: 'Tu 14:00-18:30; We 09:30-12:30,14:00-18:30; Fr 14:00-18:30; Sa 09:30-13:00; PH off',
    summary:
      'Antenne de l’Espace numérique des Tilleuls au Lac de Maine : permanences d’aide numérique et postes en accès libre.',
    presentation:
      'L’antenne reprend les services de l’Espace numérique des Tilleuls, à deux pas du lac.\n\n' +
      'Le samedi matin, un médiateur est présent pour les questions rapides : smartphone, mots de passe, ' +
      'espace personnel sur les sites des services publics.',
    parentStructure: 'Espace numérique des Tilleuls',
    dateMajDaysAgo: 95,
    confirmedBy: CYB,
    services: ['MaitriseDesOutilsNumeriquesDuQuotidien', 'AccesInternetEtMaterielInformatique', 'AideAuxDemarchesAdministratives'],
    publics: ['Seniors'],
    fees: ['Gratuit'],
    programmes: ['ConseillersNumeriques'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['EnAutonomie', 'AccompagnementIndividuel'],
    networks: ['cybanjou'],
  },
  {
    name: 'Fablab de la Gare (fictif)',
    ...ANGERS,
    postcode: '49100',
    street: '52 boulevard du Roi René',
    latitude: 47.467,
    longitude: -0.55494,
    typologies: ['FABLAB', 'TIERS_LIEUX'],
    phone: '+33261910103',
    emails: ['bonjour@fablab-gare.example.org'],
    websites: ['https://fablab-gare.example.org'],
    openingHours: 'We 14:00-19:00; Fr 14:00-22:00; Sa 10:00-18:00',
    summary:
      'Atelier de fabrication numérique ouvert à tous : impression 3D, découpe laser, électronique et réparation d’objets.',
    presentation:
      'Le Fablab de la Gare est un atelier partagé où l’on apprend en faisant.\n\n' +
      'Open lab le mercredi après-midi et le samedi : venez avec votre projet ou simplement par curiosité.\n' +
      'Le vendredi soir est réservé aux adhérents (adhésion annuelle, tarif réduit pour les étudiants et ' +
      'les demandeurs d’emploi).\n\n' +
      'Formations « Premiers pas en impression 3D » et « Arduino pour les curieux » chaque mois.',
    dateMajDaysAgo: 40,
    confirmedBy: 'Hub numérique Pays de la Loire (fictif)',
    services: ['LoisirsEtCreationsNumeriques', 'ComprehensionDuMondeNumerique', 'InsertionProfessionnelleViaLeNumerique'],
    publics: ['Jeunes', 'Etudiants'],
    fees: ['Payant', 'GratuitSousCondition'],
    labels: ['FabriquesDeTerritoire'],
    accessModes: ['SePresenter', 'ContacterParMail'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: ['cybanjou', 'hub-pdl'],
  },
  {
    name: 'Centre social Les Acacias (fictif)',
    ...ANGERS,
    postcode: '49100',
    street: '4 square du Maréchal Lyautey',
    latitude: 47.48688,
    longitude: -0.53115,
    typologies: ['CSC'],
    phone: '+33261910104',
    emails: ['accueil@acacias.example.org'],
    websites: ['https://acacias.example.org'],
    openingHours: 'Mo 14:00-18:00; Tu-Fr 09:00-12:00,14:00-18:00; PH off',
    summary:
      'Centre social de Monplaisir : aide aux démarches en ligne, ateliers parents-enfants sur les écrans et accompagnement des seniors.',
    presentation:
      'Le centre social Les Acacias propose un accueil numérique tous les jours de la semaine.\n\n' +
      'Permanences « démarches » le mardi et le jeudi matin, sur rendez-vous ou sans.\n' +
      'Ateliers « Écrans en famille » un mercredi sur deux, pour parler usages, contrôle parental et jeux vidéo.',
    dateMajDaysAgo: 210,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'ParentaliteEtEducationAvecLeNumerique', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['FamillesEnfants', 'Seniors', 'Femmes'],
    specificSupport: ['LanguesEtrangeresAutre'],
    fees: ['Gratuit'],
    programmes: ['ConseillersNumeriques', 'PointNumeriqueCAF'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['AccompagnementIndividuel', 'DansUnAtelier'],
    networks: ['cybanjou'],
  },
  {
    name: 'Médiathèque des Hauts-Clos (fictif)',
    ...ANGERS,
    postcode: '49100',
    street: '5 rue Isidore-Odorico',
    latitude: 47.49316,
    longitude: -0.56,
    typologies: ['BIB'],
    phone: '+33261910105',
    emails: ['hauts-clos@mediatheques.example.org'],
    websites: ['https://mediatheques.example.org/hauts-clos'],
    openingHours: 'Tu 14:00-18:00; We 10:00-12:00,14:00-18:00; Fr 14:00-18:00; Sa 09:30-12:30,14:00-17:00',
    summary:
      'Médiathèque de quartier avec un espace multimédia : postes en libre accès, tablettes à emprunter et ateliers « bien débuter ».',
    presentation:
      'L’espace multimédia de la médiathèque met à disposition 6 postes, des tablettes et une imprimante.\n\n' +
      'Chaque samedi matin, un bibliothécaire formé à la médiation numérique répond à vos questions.\n' +
      'Le catalogue en ligne, la presse numérique et l’autoformation sont accessibles avec votre carte.',
    parentStructure: 'Réseau des médiathèques (fictif)',
    dateMajDaysAgo: 400,
    confirmedBy: CYB,
    services: ['AccesInternetEtMaterielInformatique', 'LoisirsEtCreationsNumeriques', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['Jeunes', 'Seniors'],
    specificSupport: ['DeficienceVisuelle'],
    fees: ['Gratuit'],
    programmes: ['BibliothequesNumeriqueDeReference'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: ['cybanjou'],
  },
  {
    name: 'Point information jeunesse Cap Jeunes (fictif)',
    ...ANGERS,
    postcode: '49100',
    street: '12 place Imbach',
    latitude: 47.47377,
    longitude: -0.54892,
    typologies: ['PIJ_BIJ'],
    phone: '+33261910106',
    emails: ['info@capjeunes.example.org'],
    websites: ['https://capjeunes.example.org'],
    openingHours: 'Mo-Fr 13:30-18:00; We 10:00-12:00,13:30-18:00',
    summary:
      'Information jeunesse pour les 15-29 ans : CV en ligne, Parcoursup, recherche de stage et sensibilisation aux risques d’internet.',
    presentation:
      'Cap Jeunes accueille les jeunes, seuls ou en groupe, pour toutes les questions d’orientation, ' +
      'd’emploi, de logement et de mobilité.\n\n' +
      'Les informateurs jeunesse sont aussi « Promeneurs du net » : ils répondent sur les réseaux sociaux.',
    dateMajDaysAgo: 150,
    confirmedBy: CYB,
    services: ['InsertionProfessionnelleViaLeNumerique', 'UtilisationSecuriseeDuNumerique', 'AccesInternetEtMaterielInformatique'],
    publics: ['Jeunes', 'Etudiants'],
    fees: ['Gratuit'],
    programmes: ['PromeneursDuNet'],
    accessModes: ['SePresenter', 'ContacterParMail'],
    supportModes: ['AccompagnementIndividuel', 'ADistance'],
    networks: ['cybanjou'],
  },
  {
    name: 'Association Clic & Partage (fictif)',
    ...ANGERS,
    postcode: '49100',
    street: '58 boulevard du Doyenné',
    addressComplement: 'Cité des associations, bureau 12',
    latitude: 47.48883,
    longitude: -0.53764,
    typologies: ['ASSO'],
    phone: '+33639980107',
    emails: ['clicetpartage@example.org'],
    websites: ['https://clic-partage.example.org'],
    openingHours: 'Tu,Th 14:00-17:00; We 09:00-12:00 "sur rendez-vous"; PH off',
    summary:
      'Des bénévoles qui forment les seniors à l’ordinateur, à la tablette et au smartphone, en petits groupes et à leur rythme.',
    presentation:
      'Clic & Partage réunit une vingtaine de bénévoles retraités.\n\n' +
      'Cours en groupes de 6 personnes maximum, du mardi au jeudi. Le mercredi matin est réservé ' +
      'aux rendez-vous individuels.\n' +
      'Adhésion annuelle de 20 €, gratuite pour les personnes non imposables.',
    dateMajDaysAgo: 520,
    confirmedBy: 'Le bureau de l’association',
    services: ['MaitriseDesOutilsNumeriquesDuQuotidien', 'UtilisationSecuriseeDuNumerique'],
    publics: ['Seniors'],
    specificSupport: ['Surdite'],
    fees: ['GratuitSousCondition'],
    accessModes: ['Telephoner', 'ContacterParMail'],
    supportModes: ['DansUnAtelier', 'AccompagnementIndividuel'],
    networks: ['cybanjou'],
  },
  {
    name: 'Antenne solidarités Belle-Beille (fictif)',
    ...ANGERS,
    postcode: '49000',
    street: 'place Beaussier',
    latitude: 47.47577,
    longitude: -0.59869,
    typologies: ['CCAS'],
    phone: '+33261910108',
    emails: ['solidarites-bellebeille@ville.example.org'],
    openingHours: 'Mo-Fr 08:30-12:00; Mo,Tu,Th 13:30-17:00; PH off',
    summary:
      'Accueil social de proximité : aide pour les démarches en ligne (CAF, retraite, impôts) et accès à un poste avec imprimante.',
    presentation:
      'Un agent d’accueil et une conseillère numérique vous accompagnent dans vos démarches, ' +
      'en particulier pour les aides sociales et le logement.\n\n' +
      'Un poste en libre accès avec imprimante et scanner est disponible pendant les heures d’ouverture.',
    parentStructure: 'Centre communal d’action sociale (fictif)',
    dateMajDaysAgo: 60,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'AccesInternetEtMaterielInformatique'],
    publics: ['Seniors', 'Femmes'],
    specificSupport: ['Illettrisme', 'HandicapsMentaux'],
    fees: ['Gratuit'],
    programmes: ['AidantsConnect', 'ConseillersNumeriques'],
    labels: ['FormeADuplex'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['AccompagnementIndividuel'],
    networks: ['cybanjou'],
  },
  {
    name: 'Espace France Services des Justices (fictif)',
    ...ANGERS,
    postcode: '49000',
    street: '42 place des Justices',
    latitude: 47.45278,
    longitude: -0.52561,
    typologies: ['RFS'],
    phone: '+33261910109',
    emails: ['justices@france-services.example.org'],
    websites: ['https://france-services.example.org/justices'],
    openingHours: 'Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00; PH off',
    summary:
      'France Services : un seul guichet pour vos démarches CAF, Assurance maladie, retraite, impôts, France Travail, ANTS et justice.',
    presentation:
      'Deux agents France Services vous reçoivent avec ou sans rendez-vous.\n\n' +
      'Ils vous aident à créer vos comptes en ligne, à remplir un formulaire ou à comprendre un courrier, ' +
      'et peuvent joindre directement les organismes partenaires.\n\n' +
      'Un poste en libre accès et un scanner sont à votre disposition.',
    dateMajDaysAgo: 25,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'AccesInternetEtMaterielInformatique', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    specificSupport: ['HandicapsMoteurs', 'Surdite'],
    fees: ['Gratuit'],
    programmes: ['FranceServices', 'AidantsConnect'],
    accessModes: ['SePresenter', 'Telephoner', 'PrendreRdvEnLigne'],
    supportModes: ['AccompagnementIndividuel', 'EnAutonomie'],
    appointmentUrl: 'https://france-services.example.org/justices/rendez-vous',
    networks: ['cybanjou'],
  },
  {
    name: 'Repair café numérique de la Doutre (fictif)',
    ...ANGERS,
    postcode: '49100',
    street: '45 bis rue Saint-Nicolas',
    latitude: 47.47444,
    longitude: -0.56485,
    typologies: ['ASSO'],
    phone: '+33639980110',
    emails: ['repair@doutre.example.org'],
    websites: ['https://repair-doutre.example.org'],
    openingHours: 'Sa 14:00-18:00',
    summary:
      'Réparation d’ordinateurs et de smartphones avec des bénévoles, vente d’ordinateurs reconditionnés à petit prix.',
    presentation:
      'Chaque samedi après-midi, apportez votre appareil en panne : on le répare ensemble.\n\n' +
      'L’association reconditionne aussi des ordinateurs donnés par les entreprises et les revend ' +
      'à prix solidaire aux personnes orientées par un travailleur social.',
    dateMajDaysAgo: 800,
    services: ['MaterielInformatiqueAPrixSolidaire', 'ComprehensionDuMondeNumerique'],
    fees: ['Payant', 'GratuitSousCondition'],
    programmes: ['RelaisNumeriqueEmmausConnect'],
    otherLabels: ['Repair café'],
    accessModes: ['SePresenter'],
    supportModes: ['DansUnAtelier'],
    networks: ['hub-pdl'],
  },
  {
    name: 'Espace multimédia Deux-Croix (fictif)',
    status: 'DRAFT',
    ...ANGERS,
    postcode: '49100',
    street: '50 rue de Jérusalem',
    latitude: 47.47341,
    longitude: -0.53058,
    typologies: ['MUNI', 'EPN'],
    phone: '+33261910111',
    summary: 'Futur espace multimédia municipal du quartier Deux-Croix Banchais (fiche en cours de rédaction).',
    dateMajDaysAgo: 3,
    services: ['AccesInternetEtMaterielInformatique'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie'],
    networks: ['cybanjou'],
  },
  {
    name: 'Atelier numérique Saint-Serge (fictif)',
    ...ANGERS,
    postcode: '49100',
    street: '5 rue Guérin',
    latitude: 47.47549,
    longitude: -0.53917,
    typologies: ['TIERS_LIEUX'],
    phone: '+33261910112',
    emails: ['atelier@saint-serge.example.org'],
    websites: ['https://atelier-saint-serge.example.org'],
    openingHours: 'Mo-Th 09:00-18:00; Fr 09:00-17:00',
    summary:
      'Tiers-lieu avec espace de travail partagé et ateliers numériques pour les demandeurs d’emploi et les créateurs d’entreprise.',
    presentation:
      'L’Atelier numérique Saint-Serge propose des postes de travail à la journée et des ateliers ' +
      '« outils numériques pour trouver un emploi » en partenariat avec les acteurs de l’insertion.\n\n' +
      'Certification Pix possible sur place, sur inscription.',
    dateMajDaysAgo: 300,
    confirmedBy: CYB,
    services: ['InsertionProfessionnelleViaLeNumerique', 'MaitriseDesOutilsNumeriquesDuQuotidien', 'AccesInternetEtMaterielInformatique'],
    publics: ['Jeunes', 'Femmes'],
    fees: ['GratuitSousCondition', 'Payant'],
    programmes: ['CertificationPIX'],
    accessModes: ['PrendreRdvEnLigne', 'ContacterParMail', 'PrescriptionParMail'],
    supportModes: ['DansUnAtelier', 'EnAutonomie'],
    appointmentUrl: 'https://atelier-saint-serge.example.org/inscription',
    networks: ['cybanjou', 'hub-pdl'],
  },

  // ----- Saumur (5) -----
  {
    name: 'Espace numérique des Violettes (fictif)',
    ...SAUMUR,
    street: '325 rue Robert Amy',
    latitude: 47.2438,
    longitude: -0.07498,
    typologies: ['CS', 'EPN'],
    phone: '+33261910201',
    emails: ['numerique@violettes.example.org'],
    websites: ['https://violettes.example.org'],
    openingHours: 'Mo-Fr 09:00-12:00,14:00-17:30; PH off',
    summary: 'Espace numérique d’un centre social du sud de Saumur : accès libre, aide aux démarches et ateliers tablette.',
    presentation:
      'L’espace est ouvert à tous, adhérents ou non.\n\n' +
      'Une conseillère numérique y tient des permanences individuelles et anime des ateliers ' +
      '« tablette » pour les seniors chaque lundi après-midi.',
    dateMajDaysAgo: 75,
    confirmedBy: CYB,
    services: ['AccesInternetEtMaterielInformatique', 'AideAuxDemarchesAdministratives', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['Seniors', 'FamillesEnfants'],
    fees: ['Gratuit'],
    programmes: ['ConseillersNumeriques'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['EnAutonomie', 'AccompagnementIndividuel', 'DansUnAtelier'],
    networks: ['cybanjou'],
  },
  {
    name: 'Médiathèque des Ponts (fictif)',
    ...SAUMUR,
    street: 'rue Célestin-Port',
    latitude: 47.25519,
    longitude: -0.08232,
    typologies: ['BIB'],
    phone: '+33261910202',
    emails: ['mediatheque-ponts@saumur.example.org'],
    openingHours: 'Tu,Th,Fr 14:00-18:00; We,Sa 10:00-12:30,14:00-18:00',
    summary: 'Médiathèque avec espace multimédia, prêt de liseuses et ateliers de découverte du numérique le samedi.',
    dateMajDaysAgo: 430,
    confirmedBy: CYB,
    services: ['AccesInternetEtMaterielInformatique', 'LoisirsEtCreationsNumeriques'],
    publics: ['Jeunes', 'FamillesEnfants'],
    specificSupport: ['DeficienceVisuelle'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: ['cybanjou'],
  },
  {
    name: 'Espace France Services de la Bilange (fictif)',
    ...SAUMUR,
    street: '5 rue Beaurepaire',
    latitude: 47.25962,
    longitude: -0.07924,
    typologies: ['RFS'],
    phone: '+33261910203',
    emails: ['bilange@france-services.example.org'],
    websites: ['https://france-services.example.org/saumur'],
    openingHours: 'Mo-Fr 09:00-12:30,13:30-17:30; Sa 09:00-12:00; PH off',
    summary: 'Guichet France Services en centre-ville : démarches administratives en ligne accompagnées, avec ou sans rendez-vous.',
    presentation:
      'Les agents France Services vous accompagnent pour vos démarches auprès de neuf partenaires nationaux.\n\n' +
      'Un point numérique en libre accès (ordinateur, imprimante, scanner) complète l’accueil.',
    dateMajDaysAgo: 18,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'AccesInternetEtMaterielInformatique'],
    specificSupport: ['HandicapsMoteurs'],
    fees: ['Gratuit'],
    programmes: ['FranceServices', 'AidantsConnect'],
    accessModes: ['SePresenter', 'Telephoner', 'PrendreRdvEnLigne'],
    supportModes: ['AccompagnementIndividuel', 'EnAutonomie'],
    appointmentUrl: 'https://france-services.example.org/saumur/rendez-vous',
    networks: ['cybanjou'],
  },
  {
    name: 'Fablab Les Tuffeaux (fictif)',
    ...SAUMUR,
    street: '30 place Saint-Pierre',
    latitude: 47.25879,
    longitude: -0.07561,
    typologies: ['FABLAB', 'TIERS_LIEUX'],
    phone: '+33639980204',
    emails: ['hello@tuffeaux.example.org'],
    websites: ['https://tuffeaux.example.org'],
    openingHours: 'We 14:00-19:00; Th 18:00-22:00; Sa 10:00-17:00',
    summary: 'Fablab associatif du centre historique : impression 3D, broderie numérique, code pour les enfants et soirées projets.',
    presentation:
      'Les Tuffeaux, c’est un atelier de fabrication numérique et un lieu de rencontre.\n\n' +
      'Le mercredi après-midi est consacré aux 8-14 ans (code, robotique, jeux vidéo éducatifs).\n' +
      'Le jeudi soir, les adhérents avancent sur leurs projets.',
    dateMajDaysAgo: 610,
    services: ['LoisirsEtCreationsNumeriques', 'ComprehensionDuMondeNumerique', 'ParentaliteEtEducationAvecLeNumerique'],
    publics: ['Jeunes', 'FamillesEnfants'],
    fees: ['Payant'],
    accessModes: ['SePresenter', 'ContacterParMail'],
    supportModes: ['DansUnAtelier', 'EnAutonomie'],
    networks: ['hub-pdl'],
  },
  {
    name: 'Point numérique solidaire du Pont-Fouchard (fictif)',
    ...SAUMUR,
    street: '925 avenue François Mitterrand',
    latitude: 47.2461,
    longitude: -0.07719,
    typologies: ['CCAS'],
    phone: '+33261910205',
    emails: ['pont-fouchard@solidarites.example.org'],
    openingHours: 'Mo,We,Fr 09:00-12:00',
    summary: 'Permanences d’aide aux démarches en ligne pour les personnes suivies par l’action sociale, sur orientation ou sans.',
    dateMajDaysAgo: 380,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives'],
    publics: ['Seniors', 'Femmes'],
    specificSupport: ['Illettrisme'],
    fees: ['Gratuit'],
    programmes: ['AidantsConnect'],
    accessModes: ['SePresenter', 'PrescriptionParMail'],
    supportModes: ['AccompagnementIndividuel'],
    networks: ['cybanjou'],
  },

  // ----- Cholet (5) -----
  {
    name: 'Centre social des Genêts (fictif)',
    ...CHOLET,
    street: '4 allée des Aigles',
    latitude: 47.04541,
    longitude: -0.90077,
    typologies: ['CSC'],
    phone: '+33261910301',
    emails: ['accueil@genets.example.org'],
    websites: ['https://genets.example.org'],
    openingHours: 'Mo-Fr 09:00-12:00,14:00-18:00; PH off',
    summary:
      'Centre social de quartier : accueil numérique, ateliers « français et numérique » et accompagnement en anglais pour les nouveaux arrivants.',
    presentation:
      'L’accueil numérique du centre social est ouvert tous les jours.\n\n' +
      'Les ateliers « français et numérique » aident les personnes allophones à réaliser leurs démarches ' +
      'tout en progressant en français. Une médiatrice peut accompagner en anglais.',
    dateMajDaysAgo: 55,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'MaitriseDesOutilsNumeriquesDuQuotidien', 'ParentaliteEtEducationAvecLeNumerique'],
    publics: ['FamillesEnfants', 'Femmes'],
    specificSupport: ['LanguesEtrangeresAnglais', 'LanguesEtrangeresAutre', 'Illettrisme'],
    fees: ['Gratuit'],
    programmes: ['ConseillersNumeriques'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['AccompagnementIndividuel', 'DansUnAtelier'],
    networks: ['cybanjou'],
  },
  {
    name: 'Médiathèque du Bocage (fictif)',
    ...CHOLET,
    street: 'rue Travot',
    latitude: 47.05853,
    longitude: -0.87931,
    typologies: ['BIB'],
    phone: '+33261910302',
    emails: ['bocage@mediatheques-cholet.example.org'],
    websites: ['https://mediatheques-cholet.example.org'],
    openingHours: 'Tu-Fr 13:00-18:30; We,Sa 10:00-18:00; Aug off; PH off',
    summary:
      'Grande médiathèque avec espace numérique : aide individuelle sur rendez-vous, ateliers en français et en anglais, boucle magnétique.',
    presentation:
      'L’espace numérique de la médiathèque propose 12 postes, des tablettes et un accompagnement personnalisé.\n\n' +
      'Les « cafés numériques » du samedi se tiennent en français et, un samedi par mois, en anglais.\n' +
      'L’accueil est équipé d’une boucle magnétique pour les personnes malentendantes.\n\n' +
      'Fermé en août.',
    parentStructure: 'Réseau des bibliothèques du Choletais (fictif)',
    dateMajDaysAgo: 130,
    confirmedBy: CYB,
    services: ['AccesInternetEtMaterielInformatique', 'MaitriseDesOutilsNumeriquesDuQuotidien', 'LoisirsEtCreationsNumeriques'],
    publics: ['Seniors', 'Jeunes'],
    specificSupport: ['LanguesEtrangeresAnglais', 'Surdite'],
    fees: ['Gratuit'],
    programmes: ['BibliothequesNumeriqueDeReference'],
    accessModes: ['SePresenter', 'PrendreRdvEnLigne'],
    supportModes: ['EnAutonomie', 'AccompagnementIndividuel', 'DansUnAtelier'],
    appointmentUrl: 'https://mediatheques-cholet.example.org/rendez-vous-numerique',
    networks: ['cybanjou'],
  },
  {
    name: 'Cyber-espace du Planty (fictif)',
    ...CHOLET,
    street: '42 rue du Planty',
    latitude: 47.05794,
    longitude: -0.86906,
    typologies: ['EPN', 'MUNI'],
    phone: '+33261910303',
    emails: ['cyber-planty@ville-cholet.example.org'],
    openingHours: 'Mo-Fr 10:00-12:00,14:00-18:00; Sa 10:00-12:00; PH off',
    summary: 'Cyber-espace municipal : postes en accès libre, impressions, initiation à l’informatique et à la sécurité en ligne.',
    presentation:
      'Le cyber-espace propose 10 postes en accès libre et des initiations en petits groupes.\n\n' +
      'Thèmes du trimestre : arnaques en ligne, sauvegarder ses photos, visioconférence avec ses proches.',
    dateMajDaysAgo: 700,
    confirmedBy: CYB,
    services: ['AccesInternetEtMaterielInformatique', 'UtilisationSecuriseeDuNumerique', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['Seniors'],
    fees: ['Gratuit', 'Payant'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: ['cybanjou', 'hub-pdl'],
  },
  {
    name: 'Mauges Numérique Solidaire (fictif)',
    ...CHOLET,
    street: '4 rue des Marteaux',
    latitude: 47.0603,
    longitude: -0.88317,
    typologies: ['ASSO'],
    phone: '+33639980304',
    emails: ['contact@mauges-solidaire.example.org'],
    websites: ['https://mauges-solidaire.example.org'],
    openingHours: 'Tu,Th 14:00-18:00',
    summary: 'Association de réemploi : ordinateurs reconditionnés à prix solidaire et prise en main accompagnée lors de la remise.',
    presentation:
      'Mauges Numérique Solidaire collecte, reconditionne et redistribue du matériel informatique.\n\n' +
      'Un ordinateur portable reconditionné coûte entre 60 et 120 €, sur justificatif de ressources.\n' +
      'Chaque remise s’accompagne d’une heure de prise en main.',
    dateMajDaysAgo: 260,
    confirmedBy: 'Hub numérique Pays de la Loire (fictif)',
    services: ['MaterielInformatiqueAPrixSolidaire', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    fees: ['Payant'],
    programmes: ['EmmausConnect'],
    accessModes: ['Telephoner', 'PrescriptionParMail'],
    supportModes: ['AccompagnementIndividuel'],
    networks: ['hub-pdl'],
  },
  {
    name: 'Point information jeunesse du Choletais (fictif)',
    ...CHOLET,
    street: '48 rue des Bons Enfants',
    latitude: 47.06536,
    longitude: -0.87621,
    typologies: ['PIJ_BIJ'],
    phone: '+33261910305',
    emails: ['pij@choletais.example.org'],
    websites: ['https://pij-choletais.example.org'],
    openingHours: 'Tu-Fr 13:30-18:00; We 09:30-12:30,13:30-18:00',
    summary: 'Information jeunesse : postes connectés, aide aux candidatures en ligne, job d’été, mobilité internationale (accueil en anglais).',
    presentation:
      'Le PIJ accompagne les jeunes dans leurs recherches : formation, emploi, logement, départ à l’étranger.\n\n' +
      'Accueil possible en anglais pour les jeunes en mobilité.',
    dateMajDaysAgo: 45,
    confirmedBy: CYB,
    services: ['InsertionProfessionnelleViaLeNumerique', 'AccesInternetEtMaterielInformatique'],
    publics: ['Jeunes', 'Etudiants'],
    specificSupport: ['LanguesEtrangeresAnglais'],
    fees: ['Gratuit'],
    programmes: ['PromeneursDuNet'],
    accessModes: ['SePresenter', 'ContacterParMail'],
    supportModes: ['AccompagnementIndividuel', 'EnAutonomie', 'ADistance'],
    networks: ['cybanjou'],
  },

  // ----- Segré-en-Anjou Bleu (2) -----
  {
    name: 'Espace France Services du Segréen (fictif)',
    ...SEGRE,
    postcode: '49500',
    street: '6 rue Auguste Rodin',
    latitude: 47.69313,
    longitude: -0.8669,
    typologies: ['RFS'],
    phone: '+33261910401',
    emails: ['segre@france-services.example.org'],
    openingHours: 'Mo-Fr 09:00-12:30,13:30-17:00; Th 13:30-19:00; PH off',
    summary: 'France Services : aide aux démarches administratives en ligne et point numérique en libre accès.',
    presentation:
      'Accueil avec ou sans rendez-vous. Nocturne le jeudi jusqu’à 19 h pour les personnes qui travaillent.\n\n' +
      'Le point numérique permet d’imprimer et de numériser ses justificatifs.',
    dateMajDaysAgo: 33,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'AccesInternetEtMaterielInformatique'],
    fees: ['Gratuit'],
    programmes: ['FranceServices'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['AccompagnementIndividuel', 'EnAutonomie'],
    networks: ['cybanjou'],
  },
  {
    name: 'Centre social de la Gravoyère (fictif)',
    ...SEGRE,
    postcode: '49520',
    street: '4 rue du Parc',
    addressComplement: 'Noyant-la-Gravoyère',
    latitude: 47.70527,
    longitude: -0.95974,
    typologies: ['CS'],
    phone: '+33261910402',
    emails: ['accueil@gravoyere.example.org'],
    openingHours: 'Mo-Th 09:00-12:00,14:00-17:00; Fr 09:00-12:00',
    summary: 'Centre social rural : ateliers numériques itinérants dans les communes déléguées et accompagnement des familles.',
    dateMajDaysAgo: 890,
    confirmedBy: CYB,
    services: ['MaitriseDesOutilsNumeriquesDuQuotidien', 'ParentaliteEtEducationAvecLeNumerique'],
    publics: ['FamillesEnfants', 'Seniors'],
    fees: ['Gratuit'],
    accessModes: ['Telephoner', 'SePresenter'],
    supportModes: ['DansUnAtelier'],
    networks: ['cybanjou'],
  },

  // ----- Beaupréau-en-Mauges (2) -----
  {
    name: "Espace numérique de l'Èvre (fictif)",
    ...BEAUPREAU,
    street: '10 rue du Sous-Préfet Barré',
    latitude: 47.20423,
    longitude: -0.99335,
    typologies: ['CSC', 'EPN'],
    phone: '+33261910501',
    emails: ['numerique@evre.example.org'],
    websites: ['https://evre.example.org'],
    openingHours: 'Mo-Fr 09:00-12:30,14:00-17:30; PH off',
    summary: 'Espace numérique d’un centre socioculturel : accès libre, accompagnement individuel, ateliers seniors et familles.',
    presentation:
      'L’espace numérique est installé dans le centre socioculturel, au cœur de Beaupréau.\n\n' +
      'Ateliers « Mon smartphone au quotidien » le lundi, « Parents et écrans » un jeudi par mois.',
    dateMajDaysAgo: 100,
    confirmedBy: CYB,
    services: ['AccesInternetEtMaterielInformatique', 'MaitriseDesOutilsNumeriquesDuQuotidien', 'ParentaliteEtEducationAvecLeNumerique'],
    publics: ['Seniors', 'FamillesEnfants'],
    fees: ['Gratuit'],
    programmes: ['ConseillersNumeriques'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['EnAutonomie', 'AccompagnementIndividuel', 'DansUnAtelier'],
    networks: ['cybanjou'],
  },
  {
    name: 'Médiathèque Les Mots Passants (fictif)',
    ...BEAUPREAU,
    street: 'rue Robert Schuman',
    latitude: 47.20906,
    longitude: -0.98152,
    typologies: ['BIB'],
    phone: '+33261910502',
    emails: ['motspassants@mediatheques-mauges.example.org'],
    openingHours: 'We 10:00-12:00,14:00-18:00; Sa 10:00-17:00',
    summary: 'Médiathèque avec postes connectés et jeux vidéo ; ateliers de découverte pour les familles le mercredi.',
    dateMajDaysAgo: 460,
    services: ['LoisirsEtCreationsNumeriques', 'AccesInternetEtMaterielInformatique'],
    publics: ['FamillesEnfants', 'Jeunes'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: [],
  },

  // ----- Chemillé-en-Anjou (2) -----
  {
    name: 'Centre social Layon-Hyrôme (fictif)',
    ...CHEMILLE,
    street: '5 rue de la Gabardière',
    latitude: 47.21711,
    longitude: -0.72709,
    typologies: ['CS', 'RFS'],
    phone: '+33261910601',
    emails: ['accueil@layon-hyrome.example.org'],
    websites: ['https://layon-hyrome.example.org'],
    openingHours: 'Mo-Fr 09:00-12:30,14:00-17:30; Sa 09:00-12:00; PH off',
    summary: 'Centre social labellisé France Services : démarches en ligne, ateliers numériques et aide aux aidants.',
    presentation:
      'Le centre social porte l’espace France Services du territoire.\n\n' +
      'Une conseillère numérique anime des ateliers dans les communes déléguées ; renseignez-vous à l’accueil.',
    dateMajDaysAgo: 20,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'MaitriseDesOutilsNumeriquesDuQuotidien', 'AccesInternetEtMaterielInformatique'],
    publics: ['Seniors'],
    specificSupport: ['HandicapsMoteurs'],
    fees: ['Gratuit'],
    programmes: ['FranceServices', 'ConseillersNumeriques'],
    labels: ['FormeAMonEspaceSante'],
    accessModes: ['SePresenter', 'Telephoner', 'PrendreRdvEnLigne'],
    supportModes: ['AccompagnementIndividuel', 'DansUnAtelier'],
    appointmentUrl: 'https://layon-hyrome.example.org/rendez-vous',
    networks: ['cybanjou'],
  },
  {
    name: 'Tiers-lieu La Navette (fictif)',
    ...CHEMILLE,
    street: '5 rue du Petit Bourg',
    latitude: 47.21996,
    longitude: -0.72607,
    typologies: ['TIERS_LIEUX'],
    phone: '+33639980602',
    emails: ['bonjour@la-navette.example.org'],
    websites: ['https://la-navette.example.org'],
    openingHours: 'Tu-Fr 09:00-18:00',
    summary: 'Tiers-lieu rural : coworking, atelier de réparation et sessions « numérique et emploi » avec les partenaires locaux.',
    presentation:
      'La Navette rassemble un espace de coworking, un petit atelier de fabrication et une salle de formation.\n\n' +
      'Sessions collectives « numérique et emploi » chaque premier mardi du mois.',
    dateMajDaysAgo: 140,
    confirmedBy: 'Hub numérique Pays de la Loire (fictif)',
    services: ['InsertionProfessionnelleViaLeNumerique', 'LoisirsEtCreationsNumeriques'],
    publics: ['Jeunes', 'Femmes'],
    fees: ['Payant', 'GratuitSousCondition'],
    labels: ['FabriquesDeTerritoire'],
    accessModes: ['SePresenter', 'PrendreRdvEnLigne'],
    supportModes: ['DansUnAtelier', 'EnAutonomie'],
    appointmentUrl: 'https://la-navette.example.org/agenda',
    networks: ['cybanjou', 'hub-pdl'],
  },

  // ----- Baugé-en-Anjou (2, with the itinerant bus) -----
  {
    name: 'Cybercentre du Pont des Fées (fictif)',
    ...BAUGE,
    street: 'square du Pont des Fées',
    latitude: 47.53797,
    longitude: -0.09802,
    typologies: ['EPN', 'CS'],
    phone: '+33261910701',
    emails: ['cyber@pontdesfees.example.org'],
    openingHours: 'Tu-Fr 14:00-18:00; We 09:00-12:00,14:00-18:00',
    summary: 'Cybercentre du Baugeois : accès libre, initiations et aide aux démarches en ligne.',
    dateMajDaysAgo: 560,
    confirmedBy: CYB,
    services: ['AccesInternetEtMaterielInformatique', 'MaitriseDesOutilsNumeriquesDuQuotidien', 'AideAuxDemarchesAdministratives'],
    publics: ['Seniors'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: ['cybanjou'],
  },
  {
    name: 'Bus numérique (fictif)',
    ...BAUGE,
    street: '15 avenue Legoulz de la Boulaie',
    addressComplement: 'Point de départ du bus',
    latitude: 47.53764,
    longitude: -0.09823,
    typologies: ['ENM', 'RFS'],
    phone: '+33639980702',
    emails: ['bus@bus-numerique.example.org'],
    websites: ['https://bus-numerique.example.org'],
    openingHours: 'Tu 09:00-12:00,14:00-17:00; We-Fr 09:00-12:00; PH off',
    summary:
      'Un bus France Services qui sillonne les villages de l’est de l’Anjou : démarches en ligne, prêt de matériel et ateliers.',
    presentation:
      'Le bus numérique s’arrête chaque semaine dans cinq villages. À bord : deux conseillers, ' +
      'trois ordinateurs, une imprimante et une connexion satellite.\n\n' +
      'Venez sans rendez-vous aux horaires de l’arrêt le plus proche de chez vous.\n' +
      'Le bus ne circule pas les jours fériés.',
    itinerance: ['Itinerant'],
    dateMajDaysAgo: 8,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'MaitriseDesOutilsNumeriquesDuQuotidien', 'AccesInternetEtMaterielInformatique'],
    publics: ['Seniors'],
    specificSupport: ['HandicapsMoteurs'],
    fees: ['Gratuit'],
    programmes: ['FranceServices', 'ConseillersNumeriques'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['AccompagnementIndividuel', 'DansUnAtelier'],
    networks: ['cybanjou', 'hub-pdl'],
    stops: [
      {
        label: 'Mazé-Milon, rue de Verdun',
        street: 'rue de Verdun',
        postcode: '49630',
        commune: 'Mazé-Milon',
        inseeCode: '49194',
        latitude: 47.45721,
        longitude: -0.2726,
        openingHours: 'Tu 09:00-12:00',
      },
      {
        label: 'Beaufort-en-Anjou, place de la République',
        street: 'place de la République',
        postcode: '49250',
        commune: 'Beaufort-en-Anjou',
        inseeCode: '49021',
        latitude: 47.43795,
        longitude: -0.21467,
        openingHours: 'Tu 14:00-17:00',
      },
      {
        label: 'Fontaine-Guérin, rue Guérin des Fontaines',
        street: 'rue Guérin des Fontaines',
        postcode: '49250',
        commune: "Les Bois d'Anjou",
        inseeCode: '49138',
        latitude: 47.48796,
        longitude: -0.18837,
        openingHours: 'We 09:00-12:00',
      },
      {
        label: 'Vernantes, rue de Jalesnes',
        street: 'rue de Jalesnes',
        postcode: '49390',
        commune: 'Vernantes',
        inseeCode: '49368',
        latitude: 47.39347,
        longitude: 0.04989,
        openingHours: 'Th 09:00-12:00',
      },
      {
        label: 'La Lande-Chasles, le bourg',
        street: 'le Bourg',
        postcode: '49150',
        commune: 'La Lande-Chasles',
        inseeCode: '49171',
        latitude: 47.47013,
        longitude: -0.06479,
        openingHours: 'Fr 09:00-12:00',
      },
    ],
  },

  // ----- Doué-en-Anjou (2) -----
  {
    name: 'Médiathèque des Arènes (fictif)',
    ...DOUE,
    street: '3 place Théophane Venard',
    latitude: 47.19478,
    longitude: -0.27612,
    typologies: ['BIB'],
    phone: '+33261910801',
    emails: ['arenes@mediatheques-doue.example.org'],
    openingHours: 'Tu 15:00-18:00; We 10:00-12:00,14:00-18:00; Fr 15:00-18:00; Sa 10:00-12:30',
    summary: 'Médiathèque avec espace multimédia et ateliers « Numérique pas à pas » le mercredi matin.',
    dateMajDaysAgo: 230,
    confirmedBy: CYB,
    services: ['AccesInternetEtMaterielInformatique', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['Seniors', 'FamillesEnfants'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: ['cybanjou'],
  },
  {
    name: 'Centre social du Douessin (fictif)',
    ...DOUE,
    street: '4 rue Saint-Denis',
    latitude: 47.19538,
    longitude: -0.27729,
    typologies: ['CSC', 'RFS'],
    phone: '+33261910802',
    emails: ['accueil@douessin.example.org'],
    websites: ['https://douessin.example.org'],
    openingHours: 'Mo-Fr 09:00-12:30,13:30-17:30; PH off',
    summary: 'Centre social et France Services : démarches en ligne, ateliers numériques, permanences des partenaires sociaux.',
    presentation:
      'L’espace France Services du centre social accueille sans rendez-vous le matin, sur rendez-vous l’après-midi.\n\n' +
      'Ateliers numériques collectifs le jeudi après-midi.',
    dateMajDaysAgo: 15,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'MaitriseDesOutilsNumeriquesDuQuotidien', 'UtilisationSecuriseeDuNumerique'],
    publics: ['Seniors', 'FamillesEnfants'],
    specificSupport: ['Illettrisme'],
    fees: ['Gratuit'],
    programmes: ['FranceServices', 'AidantsConnect', 'ConseillersNumeriques'],
    accessModes: ['SePresenter', 'Telephoner', 'PrendreRdvEnLigne'],
    supportModes: ['AccompagnementIndividuel', 'DansUnAtelier'],
    appointmentUrl: 'https://douessin.example.org/rdv',
    networks: ['cybanjou'],
  },

  // ----- Longué-Jumelles (1, closed for good) -----
  {
    name: 'Club informatique longuéen (fictif)',
    status: 'ARCHIVED',
    ...LONGUE,
    street: '9 rue de la Libération',
    latitude: 47.38104,
    longitude: -0.1094,
    typologies: ['ASSO'],
    phone: '+33639980901',
    emails: ['club@longueen.example.org'],
    openingHours: 'Mo,Th 14:00-17:00',
    summary: 'Club associatif d’initiation à l’informatique pour les adhérents. L’association a cessé son activité.',
    presentation:
      'Le club proposait des cours d’initiation à l’informatique depuis 2004.\n\n' +
      'L’association a été dissoute ; les adhérents sont invités à se rendre au cybercentre le plus proche.',
    dateMajDaysAgo: 980,
    confirmedBy: CYB,
    services: ['MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['Seniors'],
    fees: ['Payant'],
    accessModes: ['SePresenter'],
    supportModes: ['DansUnAtelier'],
    closedForGoodDaysAgo: 70,
    networks: ['cybanjou'],
  },

  // ----- Trélazé (2) -----
  {
    name: 'Espace numérique des Ardoisières (fictif)',
    ...TRELAZE,
    street: '54 avenue de la République',
    latitude: 47.44636,
    longitude: -0.4965,
    typologies: ['CSC', 'EPN'],
    phone: '+33261911001',
    emails: ['numerique@ardoisieres.example.org'],
    websites: ['https://ardoisieres.example.org'],
    openingHours: 'Mo-Fr 09:00-12:00,13:30-18:00; PH off',
    summary: 'Espace numérique d’un centre social : accès libre, aide aux démarches, ateliers emploi et découverte.',
    presentation:
      'Postes en libre accès, wifi, impression.\n\n' +
      'Accompagnement individuel sur rendez-vous avec une conseillère numérique, ateliers « CV et candidatures en ligne » le mardi.',
    dateMajDaysAgo: 85,
    confirmedBy: CYB,
    services: ['AccesInternetEtMaterielInformatique', 'InsertionProfessionnelleViaLeNumerique', 'AideAuxDemarchesAdministratives'],
    publics: ['Jeunes', 'Femmes'],
    fees: ['Gratuit'],
    programmes: ['ConseillersNumeriques'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['EnAutonomie', 'AccompagnementIndividuel', 'DansUnAtelier'],
    networks: ['cybanjou'],
  },
  {
    name: 'Médiathèque Les Fontaines (fictif)',
    ...TRELAZE,
    street: 'chemin de la Maraîchère',
    latitude: 47.44638,
    longitude: -0.48888,
    typologies: ['BIB'],
    phone: '+33261911002',
    emails: ['fontaines@trelaze-mediatheque.example.org'],
    openingHours: 'Tu,Th,Fr 14:00-18:00; We 10:00-18:00; Sa 10:00-16:00',
    summary: 'Médiathèque avec postes connectés, liseuses et ateliers de création numérique pour les enfants.',
    dateMajDaysAgo: 330,
    confirmedBy: CYB,
    services: ['LoisirsEtCreationsNumeriques', 'AccesInternetEtMaterielInformatique'],
    publics: ['FamillesEnfants', 'Jeunes'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: [],
  },

  // ----- Avrillé (2) -----
  {
    name: 'Espace multimédia du Bois du Roy (fictif)',
    ...AVRILLE,
    street: 'allée Georges Brassens',
    latitude: 47.49315,
    longitude: -0.5898,
    typologies: ['EPN', 'BIB'],
    phone: '+33261911101',
    emails: ['multimedia@boisduroy.example.org'],
    openingHours: 'Tu 14:00-18:00; We 10:00-12:00,14:00-18:00; Sa 10:00-12:00,14:00-17:00',
    summary: 'Espace multimédia de la médiathèque : initiations, jeux vidéo, accompagnement individuel le samedi.',
    dateMajDaysAgo: 190,
    confirmedBy: CYB,
    services: ['AccesInternetEtMaterielInformatique', 'LoisirsEtCreationsNumeriques', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['Jeunes', 'Seniors'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'DansUnAtelier', 'AccompagnementIndividuel'],
    networks: ['cybanjou'],
  },
  {
    name: "Point numérique de l'hôtel de ville d'Avrillé (fictif)",
    ...AVRILLE,
    street: "1 esplanade de l'Hôtel de Ville",
    latitude: 47.50523,
    longitude: -0.59056,
    typologies: ['MUNI'],
    phone: '+33261911102',
    emails: ['point-numerique@avrille.example.org'],
    openingHours: 'Mo-Fr 08:30-12:00,13:30-17:30; PH off',
    summary: 'Un poste en libre accès et l’aide d’un agent d’accueil pour les démarches en ligne (carte d’identité, permis, état civil).',
    dateMajDaysAgo: 500,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'AccesInternetEtMaterielInformatique'],
    specificSupport: ['HandicapsMoteurs'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'AccompagnementIndividuel'],
    networks: ['cybanjou'],
  },

  // ----- Les Ponts-de-Cé (2) -----
  {
    name: 'Point information jeunesse des Ponts (fictif)',
    ...PONTS_DE_CE,
    street: '45 rue Abel Boutin-Desvignes',
    latitude: 47.43772,
    longitude: -0.52852,
    typologies: ['PIJ_BIJ'],
    phone: '+33261911201',
    emails: ['pij@lesponts.example.org'],
    openingHours: 'Tu-Fr 14:00-18:00; We 10:00-12:00,14:00-18:00',
    summary: 'Information jeunesse : ordinateurs, aide aux candidatures en ligne, prévention des risques sur les réseaux sociaux.',
    dateMajDaysAgo: 270,
    confirmedBy: CYB,
    services: ['InsertionProfessionnelleViaLeNumerique', 'UtilisationSecuriseeDuNumerique', 'AccesInternetEtMaterielInformatique'],
    publics: ['Jeunes'],
    fees: ['Gratuit'],
    programmes: ['PromeneursDuNet'],
    accessModes: ['SePresenter', 'ContacterParMail'],
    supportModes: ['EnAutonomie', 'AccompagnementIndividuel'],
    networks: ['cybanjou'],
  },
  {
    name: "Espace solidarité numérique de l'Authion (fictif)",
    ...PONTS_DE_CE,
    street: '7 rue Charles de Gaulle',
    latitude: 47.42462,
    longitude: -0.52464,
    typologies: ['CCAS'],
    phone: '+33261911202',
    emails: ['solidarite-numerique@lesponts.example.org'],
    openingHours: 'Mo-Fr 09:00-12:00; Tu 14:00-17:00 "sur rendez-vous"; PH off',
    summary: 'Aide individuelle aux démarches en ligne pour les personnes âgées et les familles suivies par l’action sociale.',
    dateMajDaysAgo: 48,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'UtilisationSecuriseeDuNumerique'],
    publics: ['Seniors', 'FamillesEnfants'],
    specificSupport: ['HandicapsMentaux'],
    fees: ['Gratuit'],
    programmes: ['AidantsConnect'],
    accessModes: ['Telephoner', 'SePresenter'],
    supportModes: ['AccompagnementIndividuel'],
    networks: ['cybanjou'],
  },

  // ----- Saint-Barthélemy-d'Anjou (1) -----
  {
    name: 'Médiathèque du Mail (fictif)',
    ...ST_BARTHELEMY,
    street: 'mail George Sand',
    latitude: 47.46805,
    longitude: -0.50013,
    typologies: ['BIB'],
    phone: '+33261911301',
    emails: ['mail@mediatheque-stbarth.example.org'],
    openingHours: 'Tu,Fr 15:00-19:00; We 10:00-12:30,14:00-18:00; Sa 10:00-17:00',
    summary: 'Médiathèque avec pôle numérique : prêt de tablettes, autoformation en ligne, ateliers « numérique en famille ».',
    dateMajDaysAgo: 720,
    services: ['LoisirsEtCreationsNumeriques', 'ParentaliteEtEducationAvecLeNumerique', 'AccesInternetEtMaterielInformatique'],
    publics: ['FamillesEnfants'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: [],
  },

  // ----- Mauges-sur-Loire (2) -----
  {
    name: 'Médiathèque du Mont-Glonne (fictif)',
    ...MAUGES_SUR_LOIRE,
    postcode: '49410',
    street: "12 avenue de l'Europe",
    addressComplement: 'Saint-Florent-le-Vieil',
    latitude: 47.36125,
    longitude: -1.01434,
    typologies: ['BIB'],
    phone: '+33261911401',
    emails: ['montglonne@mediatheques-mauges.example.org'],
    openingHours: 'We 10:00-12:00,14:00-18:00; Fr 16:00-19:00; Sa 10:00-12:30',
    summary: 'Médiathèque avec deux postes connectés et un atelier numérique mensuel pour les débutants.',
    dateMajDaysAgo: 650,
    services: ['AccesInternetEtMaterielInformatique', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['Seniors'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: [],
  },
  {
    name: 'Centre social Les Coteaux (fictif)',
    ...MAUGES_SUR_LOIRE,
    postcode: '49620',
    street: 'place du Bourg Davy',
    addressComplement: 'La Pommeraye',
    latitude: 47.35476,
    longitude: -0.85759,
    typologies: ['CS'],
    phone: '+33261911402',
    emails: ['accueil@coteaux.example.org'],
    websites: ['https://coteaux.example.org'],
    openingHours: 'Mo-Fr 09:00-12:00,14:00-17:30; PH off',
    summary: 'Centre social intercommunal : accompagnement numérique individuel, ateliers collectifs, aide aux démarches.',
    presentation:
      'Le centre social accompagne les habitants des communes déléguées de Mauges-sur-Loire.\n\n' +
      'Des permanences numériques ont lieu aussi à Montjean-sur-Loire le jeudi matin.',
    dateMajDaysAgo: 160,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['Seniors', 'FamillesEnfants'],
    fees: ['Gratuit'],
    programmes: ['ConseillersNumeriques'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['AccompagnementIndividuel', 'DansUnAtelier'],
    networks: ['cybanjou'],
  },

  // ----- Sèvremoine (1) -----
  {
    name: 'Espace France Services de la Moine (fictif)',
    ...SEVREMOINE,
    postcode: '49450',
    street: '23 place Henri Doizy',
    addressComplement: 'Saint-Macaire-en-Mauges',
    latitude: 47.12406,
    longitude: -0.99415,
    typologies: ['RFS'],
    phone: '+33261911501',
    emails: ['moine@france-services.example.org'],
    openingHours: 'Mo-Fr 09:00-12:30,14:00-17:30; Sa 09:00-12:00; PH off',
    summary: 'France Services : accompagnement aux démarches de la vie quotidienne et accès libre à un poste informatique.',
    dateMajDaysAgo: 37,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'AccesInternetEtMaterielInformatique'],
    fees: ['Gratuit'],
    programmes: ['FranceServices'],
    accessModes: ['SePresenter', 'Telephoner', 'PrendreRdvEnLigne'],
    supportModes: ['AccompagnementIndividuel', 'EnAutonomie'],
    appointmentUrl: 'https://france-services.example.org/moine/rendez-vous',
    networks: ['cybanjou'],
  },

  // ----- Montreuil-Bellay (1) -----
  {
    name: 'Centre social du Thouet (fictif)',
    ...MONTREUIL_BELLAY,
    street: "139 rue d'Anjou",
    latitude: 47.12834,
    longitude: -0.14396,
    typologies: ['CSC', 'RFS'],
    phone: '+33261911601',
    emails: ['accueil@thouet.example.org'],
    websites: ['https://thouet.example.org'],
    openingHours: 'Mo-Fr 09:00-12:30,14:00-17:30; PH off',
    summary: 'Centre social et France Services : aide aux démarches en ligne, accès libre, ateliers numériques pour tous.',
    dateMajDaysAgo: 110,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'AccesInternetEtMaterielInformatique', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['Seniors', 'Jeunes'],
    fees: ['Gratuit'],
    programmes: ['FranceServices', 'ConseillersNumeriques'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['AccompagnementIndividuel', 'DansUnAtelier', 'EnAutonomie'],
    networks: ['cybanjou'],
  },

  // ----- Chalonnes-sur-Loire (2) -----
  {
    name: 'Chalonnes Connectée (fictif)',
    ...CHALONNES,
    street: '15 avenue Jean Robin',
    latitude: 47.35033,
    longitude: -0.76264,
    typologies: ['ASSO'],
    phone: '+33639981701',
    emails: ['contact@chalonnes-connectee.example.org'],
    summary: 'Association de bénévoles qui aide les habitants à prendre en main ordinateur, tablette et smartphone.',
    presentation:
      'Les bénévoles reçoivent sur rendez-vous, à l’association ou à domicile pour les personnes qui ne peuvent pas se déplacer.\n\n' +
      'Horaires variables selon les disponibilités des bénévoles : appelez avant de venir.',
    dateMajDaysAgo: 1000,
    services: ['MaitriseDesOutilsNumeriquesDuQuotidien', 'UtilisationSecuriseeDuNumerique'],
    publics: ['Seniors'],
    specificSupport: ['HandicapsMoteurs'],
    fees: ['GratuitSousCondition'],
    accessModes: ['Telephoner'],
    supportModes: ['AccompagnementIndividuel'],
    networks: [],
  },
  {
    name: "Médiathèque de l'Île (fictif)",
    ...CHALONNES,
    street: '5 avenue Gayot',
    latitude: 47.35085,
    longitude: -0.76497,
    typologies: ['BIB'],
    phone: '+33261911702',
    emails: ['ile@mediatheque-chalonnes.example.org'],
    openingHours: 'Tu 16:00-18:30; We 10:00-12:30,14:00-18:00; Fr 16:00-18:30; Sa 10:00-12:30,14:00-17:00',
    summary: 'Médiathèque avec postes en accès libre et ateliers « premiers clics » un samedi par mois.',
    dateMajDaysAgo: 240,
    confirmedBy: CYB,
    services: ['AccesInternetEtMaterielInformatique', 'MaitriseDesOutilsNumeriquesDuQuotidien'],
    publics: ['Seniors', 'FamillesEnfants'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: [],
  },

  // ----- Brissac Loire Aubance (1) -----
  {
    name: "Espace France Services de l'Aubance (fictif)",
    ...BRISSAC,
    street: '11 rue Nationale',
    addressComplement: 'Brissac-Quincé',
    latitude: 47.3567,
    longitude: -0.44909,
    typologies: ['RFS'],
    phone: '+33261911801',
    emails: ['aubance@france-services.example.org'],
    openingHours: 'Mo-Fr 09:00-12:30; Tu,Th 14:00-17:00; PH off',
    summary: 'France Services : démarches administratives accompagnées et poste numérique en libre accès.',
    presentation:
      'Accueil sans rendez-vous le matin, sur rendez-vous le mardi et le jeudi après-midi.\n\n' +
      'Permanences mensuelles de partenaires (caisse de retraite, conciliateur de justice).',
    dateMajDaysAgo: 66,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'AccesInternetEtMaterielInformatique'],
    specificSupport: ['Surdite'],
    fees: ['Gratuit'],
    programmes: ['FranceServices', 'AidantsConnect'],
    accessModes: ['SePresenter', 'Telephoner', 'PrendreRdvEnLigne'],
    supportModes: ['AccompagnementIndividuel', 'EnAutonomie'],
    appointmentUrl: 'https://france-services.example.org/aubance/rendez-vous',
    temporaryClosure: {
      fromDaysAgo: 2,
      untilInDays: 19,
      message: 'Fermé pour travaux d’accessibilité. Pendant les travaux, le bus numérique assure des permanences.',
    },
    networks: ['cybanjou'],
  },

  // ----- Noyant-Villages (1) -----
  {
    name: 'Point information jeunesse du Noyantais (fictif)',
    ...NOYANT,
    street: 'route de Meigné',
    latitude: 47.51,
    longitude: 0.12137,
    typologies: ['PIJ_BIJ'],
    phone: '+33261911901',
    emails: ['pij@noyantais.example.org'],
    openingHours: 'We 14:00-18:00; Sa 10:00-12:00',
    summary: 'Point information jeunesse rural : accès internet, aide aux démarches des jeunes et ateliers jeux vidéo.',
    dateMajDaysAgo: 1060,
    services: ['AccesInternetEtMaterielInformatique', 'InsertionProfessionnelleViaLeNumerique', 'LoisirsEtCreationsNumeriques'],
    publics: ['Jeunes'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie', 'DansUnAtelier'],
    networks: [],
  },

  // ----- Ombrée d'Anjou (1) -----
  {
    name: 'Centre social du Pays pouancéen (fictif)',
    ...OMBREE,
    street: '9 place du Champ de Foire',
    addressComplement: 'Pouancé',
    latitude: 47.73903,
    longitude: -1.17431,
    typologies: ['CSC'],
    phone: '+33261912001',
    emails: ['accueil@pouanceen.example.org'],
    websites: ['https://pouanceen.example.org'],
    openingHours: 'Mo-Fr 09:00-12:00,14:00-17:30; PH off',
    summary: 'Centre social : aide aux démarches en ligne, ateliers numériques seniors, accompagnement des familles.',
    dateMajDaysAgo: 420,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'MaitriseDesOutilsNumeriquesDuQuotidien', 'ParentaliteEtEducationAvecLeNumerique'],
    publics: ['Seniors', 'FamillesEnfants'],
    fees: ['Gratuit'],
    programmes: ['ConseillersNumeriques'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['AccompagnementIndividuel', 'DansUnAtelier'],
    networks: ['cybanjou'],
  },

  // ----- Lys-Haut-Layon (1, archived) -----
  {
    name: 'Bibliothèque des Trois Moulins (fictif)',
    status: 'ARCHIVED',
    ...LYS_HAUT_LAYON,
    street: "24 rue de l'École",
    addressComplement: 'Vihiers',
    latitude: 47.14555,
    longitude: -0.53704,
    typologies: ['BIB'],
    phone: '+33261912101',
    openingHours: 'We 14:00-18:00; Sa 10:00-12:00',
    summary: 'Bibliothèque avec un poste public. Fiche archivée : doublon d’une fiche du réseau des bibliothèques.',
    dateMajDaysAgo: 900,
    services: ['AccesInternetEtMaterielInformatique'],
    fees: ['Gratuit'],
    accessModes: ['SePresenter'],
    supportModes: ['EnAutonomie'],
    networks: [],
  },

  // ----- Loire-Authion (1, draft) -----
  {
    name: 'Tiers-lieu de la Vallée (fictif)',
    status: 'DRAFT',
    ...LOIRE_AUTHION,
    street: '29 Grande Rue',
    addressComplement: 'Andard',
    latitude: 47.45671,
    longitude: -0.39846,
    typologies: ['TIERS_LIEUX', 'FABLAB'],
    emails: ['projet@tiers-lieu-vallee.example.org'],
    summary: 'Projet de tiers-lieu numérique dans la vallée de l’Authion (ouverture prévue au printemps).',
    dateMajDaysAgo: 6,
    services: ['LoisirsEtCreationsNumeriques', 'InsertionProfessionnelleViaLeNumerique'],
    fees: ['GratuitSousCondition'],
    accessModes: ['ContacterParMail'],
    supportModes: ['DansUnAtelier'],
    networks: ['hub-pdl'],
  },

  // ----- Orée d'Anjou (1) -----
  {
    name: 'Centre social Rives de Loire (fictif)',
    ...OREE_D_ANJOU,
    street: '20 rue Jean-François Chenouard',
    addressComplement: 'Drain',
    latitude: 47.33922,
    longitude: -1.2066,
    typologies: ['CS', 'RFS'],
    phone: '+33261912301',
    emails: ['accueil@rives-de-loire.example.org'],
    websites: ['https://rives-de-loire.example.org'],
    openingHours: 'Mo-Fr 09:00-12:30,14:00-17:30; PH off',
    summary: 'Centre social et France Services aux portes de Nantes : démarches en ligne, ateliers numériques, accès libre.',
    presentation:
      'L’accueil France Services est ouvert tous les matins sans rendez-vous.\n\n' +
      'Ateliers collectifs « Mes démarches en ligne » et « Sécurité sur internet » en alternance le jeudi.',
    dateMajDaysAgo: 28,
    confirmedBy: CYB,
    services: ['AideAuxDemarchesAdministratives', 'UtilisationSecuriseeDuNumerique', 'AccesInternetEtMaterielInformatique'],
    publics: ['Seniors', 'FamillesEnfants'],
    fees: ['Gratuit'],
    programmes: ['FranceServices', 'ConseillersNumeriques'],
    labels: ['EtapesNumeriques'],
    accessModes: ['SePresenter', 'Telephoner'],
    supportModes: ['AccompagnementIndividuel', 'DansUnAtelier', 'EnAutonomie'],
    networks: ['cybanjou'],
  },
];

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
    places: [
      demoSlug('Espace numérique des Tilleuls', 'Angers'),
      demoSlug('Antenne numérique des Tilleuls au Lac de Maine', 'Angers'),
    ],
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
