// The standard's words are for data producers; residents need plain French. These are the
// labels shown in public pages, with the standard's label kept as a hint.
import type { ModaliteAccompagnement, Service, Typologie } from '@prisma/client';

export const SERVICE_PLAIN: Record<Service, { label: string; hint: string }> = {
  AideAuxDemarchesAdministratives: { label: 'Aide pour mes papiers en ligne', hint: 'CAF, impôts, retraite, santé, ANTS…' },
  MaitriseDesOutilsNumeriquesDuQuotidien: { label: 'Apprendre à utiliser un ordinateur ou un téléphone', hint: 'Mails, internet, applications' },
  InsertionProfessionnelleViaLeNumerique: { label: 'Chercher un emploi ou une formation en ligne', hint: 'CV, candidatures, France Travail' },
  UtilisationSecuriseeDuNumerique: { label: 'Se protéger en ligne', hint: 'Arnaques, mots de passe, données personnelles' },
  ParentaliteEtEducationAvecLeNumerique: { label: 'Accompagner mes enfants avec le numérique', hint: 'Écrans, ENT, Pronote' },
  LoisirsEtCreationsNumeriques: { label: 'Créer et se divertir', hint: 'Photo, vidéo, impression 3D, jeux' },
  ComprehensionDuMondeNumerique: { label: 'Comprendre le numérique', hint: 'Informations, réseaux sociaux, IA' },
  AccesInternetEtMaterielInformatique: { label: 'Accéder à un ordinateur, à internet, imprimer', hint: 'Postes en libre accès, wifi, scanner' },
  MaterielInformatiqueAPrixSolidaire: { label: 'Acheter un ordinateur à petit prix', hint: 'Matériel reconditionné, prix solidaire' },
};

export const SUPPORT_MODE_PLAIN: Record<ModaliteAccompagnement, string> = {
  EnAutonomie: 'Seul, avec du matériel à disposition',
  AccompagnementIndividuel: 'Avec une personne qui m’aide',
  DansUnAtelier: 'En atelier collectif',
  ADistance: 'À distance (téléphone ou visio)',
};

/** Place types residents recognise, each a group of the standard's typology codes. */
export const PLACE_TYPES = {
  'france-services': { label: 'France Services', codes: ['RFS', 'MSAP'] },
  epn: { label: 'Espace public numérique', codes: ['EPN', 'EPI'] },
  fablab: { label: 'Fablab', codes: ['FABLAB', 'FABRIQUE'] },
  'centre-social': { label: 'Centre social', codes: ['CS', 'CSC', 'EVS', 'MQ', 'MDH'] },
  mediatheque: { label: 'Médiathèque', codes: ['BIB', 'RELAIS_LECTURE'] },
  'tiers-lieu': { label: 'Tiers-lieu', codes: ['TIERS_LIEUX'] },
  association: { label: 'Association', codes: ['ASSO', 'ASSO_CHOMEUR'] },
  mairie: { label: 'Mairie, CCAS, service public local', codes: ['MUNI', 'CCAS', 'CIAS', 'EPCI', 'CC', 'MDS', 'CDAS', 'DEPT', 'CD'] },
  jeunesse: { label: 'Information jeunesse, mission locale', codes: ['PIJ_BIJ', 'ML', 'MJC'] },
  mobile: { label: 'Bus ou espace itinérant', codes: ['ENM'] },
} as const satisfies Record<string, { label: string; codes: readonly Typologie[] }>;

export type PlaceTypeSlug = keyof typeof PLACE_TYPES;

/** A short human name for a typology code (falls back to the code). */
export function typologyLabel(code: Typologie): string {
  for (const type of Object.values(PLACE_TYPES)) if ((type.codes as readonly string[]).includes(code)) return type.label;
  return TYPOLOGY_NAMES[code] ?? code;
}

const TYPOLOGY_NAMES: Partial<Record<Typologie, string>> = {
  CAF: 'Caisse d’allocations familiales',
  CPAM: 'Assurance maladie',
  LA_POSTE: 'La Poste',
  FT: 'France Travail',
  PIMMS: 'Point information médiation multi services',
  RESSOURCERIE: 'Ressourcerie',
  OF: 'Organisme de formation',
  AUTRE: 'Autre',
};
