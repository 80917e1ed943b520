// The v0.1 lists, mapped to v1 as the standard's changelog (descriptif-des-evolutions) says. Keys
// are folded labels (lower case, no accents, the part before " : ").
import type { ImportedFields } from '../types';

/** A v0.1 label as the tables' keys write it: lower case, no accents, the part before " : ". */
export const legacyLabelKey = (v: string) =>
  v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(' : ')[0]
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

export const LEGACY_SERVICES: Record<string, ImportedFields['services'][number]> = {
  'devenir autonome dans les demarches administratives': 'AideAuxDemarchesAdministratives',
  'realiser des demarches administratives avec un accompagnement': 'AideAuxDemarchesAdministratives',
  'accompagner les demarches de sante': 'AideAuxDemarchesAdministratives',
  'prendre en main un smartphone ou une tablette': 'MaitriseDesOutilsNumeriquesDuQuotidien',
  'prendre en main un ordinateur': 'MaitriseDesOutilsNumeriquesDuQuotidien',
  'utiliser le numerique au quotidien': 'MaitriseDesOutilsNumeriquesDuQuotidien',
  'favoriser mon insertion professionnelle': 'InsertionProfessionnelleViaLeNumerique',
  'creer et developper mon entreprise': 'InsertionProfessionnelleViaLeNumerique',
  "soutenir la parentalite et l'education avec le numerique": 'ParentaliteEtEducationAvecLeNumerique',
  'creer avec le numerique': 'LoisirsEtCreationsNumeriques',
  'approfondir ma culture numerique': 'ComprehensionDuMondeNumerique',
  'promouvoir la citoyennete numerique': 'ComprehensionDuMondeNumerique',
  'acceder a une connexion internet': 'AccesInternetEtMaterielInformatique',
  'acceder a du materiel': 'AccesInternetEtMaterielInformatique',
  "s'equiper en materiel informatique": 'MaterielInformatiqueAPrixSolidaire',
};

export type LegacyPublic = { publics?: ImportedFields['publics'][number]; support?: ImportedFields['specificSupport'][number] } | null;
export const LEGACY_PUBLICS: Record<string, LegacyPublic> = {
  'seniors (+ 65 ans)': { publics: 'Seniors' },
  'familles/enfants': { publics: 'FamillesEnfants' },
  'jeunes (16-26 ans)': { publics: 'Jeunes' },
  'uniquement femmes': { publics: 'Femmes' },
  adultes: null, // everyone: no v1 value
  'public langues etrangeres': { support: 'LanguesEtrangeresAutre' },
  'deficience visuelle': { support: 'DeficienceVisuelle' },
  surdite: { support: 'Surdite' },
  'handicaps psychiques': { support: 'HandicapsMentaux' },
  'handicaps mentaux': { support: 'HandicapsMentaux' },
  "personnes en situation d'illettrisme": { support: 'Illettrisme' },
};

export const LEGACY_FEES: Record<string, ImportedFields['fees'][number]> = {
  gratuit: 'Gratuit',
  'gratuit sous condition': 'GratuitSousCondition',
  payant: 'Payant',
  'accepte le pass numerique': 'Payant',
  adhesion: 'Payant',
};

export type LegacyLabel = { programme?: ImportedFields['programmes'][number]; label?: ImportedFields['labels'][number]; other?: string };
export const LEGACY_LABELS: Record<string, LegacyLabel> = {
  'france services': { programme: 'FranceServices' },
  cnfs: { programme: 'ConseillersNumeriques' },
  'aidants connect': { programme: 'AidantsConnect' },
  'grandes ecoles du numerique': { programme: 'GrandeEcoleDuNumerique' },
  'point relais caf': { programme: 'PointNumeriqueCAF' },
  'point numerique caf': { programme: 'PointNumeriqueCAF' },
  'fabriques de territoire': { label: 'FabriquesDeTerritoire' },
  aptic: { other: 'APTIC' },
  'relais pole emploi': { other: 'Relais Pôle emploi' },
  'french tech': { other: 'French Tech' },
  'campus connecte': { other: 'Campus connecté' },
};

export const LEGACY_SUPPORT: Record<string, ImportedFields['supportModes'][number]> = {
  seul: 'EnAutonomie',
  "avec de l'aide": 'AccompagnementIndividuel',
  'dans un atelier': 'DansUnAtelier',
  'a ma place': 'AccompagnementIndividuel',
};
