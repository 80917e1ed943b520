// The standard's closed lists. Prisma enum keys are the reference model's keys, and the
// database stores the reference model's values (the exact strings of the standard), so the
// labels below come straight from @gouvfr-anct/lieux-de-mediation-numerique.
import {
  DispositifProgrammeNational,
  FormationLabel,
  Frais,
  Itinerance,
  ModaliteAcces,
  ModaliteAccompagnement,
  PriseEnChargeSpecifique,
  PublicSpecifiquementAdresse,
  Service,
  Typologie,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import type * as P from '@prisma/client';

type Labels<K extends string> = Record<K, string>;

export const SERVICE_LABELS: Labels<P.Service> = { ...Service };
export const PUBLIC_LABELS: Labels<P.PublicSpecifiquementAdresse> = { ...PublicSpecifiquementAdresse };
export const SPECIFIC_SUPPORT_LABELS: Labels<P.PriseEnChargeSpecifique> = { ...PriseEnChargeSpecifique };
export const FEE_LABELS: Labels<P.FraisACharge> = { ...Frais };
export const ITINERANCE_LABELS: Labels<P.Itinerance> = { ...Itinerance };
export const ACCESS_MODE_LABELS: Labels<P.ModaliteAcces> = { ...ModaliteAcces };
export const SUPPORT_MODE_LABELS: Labels<P.ModaliteAccompagnement> = { ...ModaliteAccompagnement };
export const PROGRAMME_LABELS: Labels<P.DispositifProgrammeNational> = { ...DispositifProgrammeNational };
export const LABEL_LABELS: Labels<P.FormationLabel> = { ...FormationLabel };
export const TYPOLOGY_CODES: Labels<P.Typologie> = { ...Typologie };

/** Every closed list, by the name of its Prisma enum. */
export const STANDARD_LISTS = {
  Service: SERVICE_LABELS,
  PublicSpecifiquementAdresse: PUBLIC_LABELS,
  PriseEnChargeSpecifique: SPECIFIC_SUPPORT_LABELS,
  FraisACharge: FEE_LABELS,
  Itinerance: ITINERANCE_LABELS,
  ModaliteAcces: ACCESS_MODE_LABELS,
  ModaliteAccompagnement: SUPPORT_MODE_LABELS,
  DispositifProgrammeNational: PROGRAMME_LABELS,
  FormationLabel: LABEL_LABELS,
  Typologie: TYPOLOGY_CODES,
} as const;

export type StandardListName = keyof typeof STANDARD_LISTS;

/** The Prisma key of a standard label (e.g. "Aide aux démarches administratives" → AideAuxDemarchesAdministratives). */
export function keyOfLabel<L extends StandardListName>(list: L, label: string): keyof (typeof STANDARD_LISTS)[L] | undefined {
  const entries = Object.entries(STANDARD_LISTS[list]) as Array<[string, string]>;
  return entries.find(([, value]) => value === label)?.[0] as keyof (typeof STANDARD_LISTS)[L] | undefined;
}
