// Prints the Prisma enums of the national standard, generated from the reference model
// (@gouvfr-anct/lieux-de-mediation-numerique). Paste the output into prisma/schema.prisma;
// lib/standard/enums.test.ts fails if the two ever drift apart.
import * as standard from '@gouvfr-anct/lieux-de-mediation-numerique';

const lists: Record<string, Record<string, string>> = {
  Service: standard.Service,
  PublicSpecifiquementAdresse: standard.PublicSpecifiquementAdresse,
  PriseEnChargeSpecifique: standard.PriseEnChargeSpecifique,
  FraisACharge: standard.Frais,
  Itinerance: standard.Itinerance,
  ModaliteAcces: standard.ModaliteAcces,
  ModaliteAccompagnement: standard.ModaliteAccompagnement,
  DispositifProgrammeNational: standard.DispositifProgrammeNational,
  FormationLabel: standard.FormationLabel,
  Typologie: standard.Typologie,
};

for (const [name, values] of Object.entries(lists)) {
  console.log(`enum ${name} {`);
  for (const [key, label] of Object.entries(values)) {
    console.log(key === label ? `  ${key}` : `  ${key} @map(${JSON.stringify(label)})`);
  }
  console.log('}\n');
}
