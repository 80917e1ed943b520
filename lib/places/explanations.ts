// One line of plain French for each national programme and label, for the place page.
import type { DispositifProgrammeNational, FormationLabel } from '@prisma/client';

export const PROGRAMME_EXPLANATIONS: Record<DispositifProgrammeNational, string> = {
  AidantsConnect: 'Un aidant habilité peut faire une démarche en ligne à votre place, en toute sécurité.',
  BibliothequesNumeriqueDeReference: 'Bibliothèque soutenue par l’État pour ses services numériques.',
  CertificationPIX: 'Vous pouvez y passer la certification Pix de vos compétences numériques.',
  ConseillersNumeriques: 'Un conseiller numérique, formé et financé par l’État, vous accompagne.',
  EmmausConnect: 'Lieu du réseau Emmaüs Connect : matériel et connexion à prix solidaire, accompagnement.',
  FranceServices: 'Guichet France Services : aide pour les démarches CAF, impôts, retraite, santé, emploi…',
  GrandeEcoleDuNumerique: 'Formation labellisée Grande École du Numérique.',
  LaCroixRouge: 'Accompagnement proposé par la Croix-Rouge.',
  PointNumeriqueCAF: 'Point d’accès numérique de la CAF : un ordinateur et de l’aide pour vos démarches CAF.',
  PromeneursDuNet: 'Un professionnel de la jeunesse présent en ligne pour les jeunes.',
  RelaisNumeriqueEmmausConnect: 'Relais numérique d’Emmaüs Connect.',
};

export const LABEL_EXPLANATIONS: Record<FormationLabel, string> = {
  FormeAMonEspaceSante: 'L’équipe est formée pour aider à utiliser Mon Espace Santé.',
  FormeADuplex: 'L’équipe est formée à l’accompagnement des personnes en situation d’illettrisme (DUPLEX).',
  ArniaMednum: 'Lieu du réseau Arnia / MedNum Bourgogne-Franche-Comté.',
  CollectifRessourcesEtActeursReemploi: 'Membre du collectif normand du réemploi informatique.',
  EtapesNumeriques: 'Point « Étapes numériques » de La Poste.',
  FabriquesDeTerritoire: 'Tiers-lieu labellisé Fabrique de Territoire.',
  LesEclaireurs: 'Lieu du réseau Les Éclaireurs du numérique (Drôme).',
  MesPapiers: 'Lieu du dispositif Mes Papiers (Métropole de Lyon).',
  Ordi3: 'Label ORDI 3.0 : matériel informatique reconditionné.',
  SudLabs: 'Lieu du réseau SUD LABS (Provence-Alpes-Côte d’Azur).',
};
