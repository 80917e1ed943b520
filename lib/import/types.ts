import type {
  DispositifProgrammeNational,
  FormationLabel,
  FraisACharge,
  Itinerance,
  ModaliteAcces,
  ModaliteAccompagnement,
  PriseEnChargeSpecifique,
  PublicSpecifiquementAdresse,
  Service,
  Typologie,
} from '@prisma/client';

/** The fields an importer fills: the standard's, nothing of the app's own bookkeeping. */
export type ImportedFields = {
  pivot: string | null;
  name: string;
  street: string;
  addressComplement: string | null;
  postcode: string;
  commune: string;
  inseeCode: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  phone: string | null;
  openingHours: string | null;
  summary: string | null;
  presentation: string | null;
  source: string | null;
  parentStructure: string | null;
  accesLibreUrl: string | null;
  appointmentUrl: string | null;
  typologies: Typologie[];
  emails: string[];
  websites: string[];
  itinerance: Itinerance[];
  services: Service[];
  publics: PublicSpecifiquementAdresse[];
  specificSupport: PriseEnChargeSpecifique[];
  fees: FraisACharge[];
  programmes: DispositifProgrammeNational[];
  labels: FormationLabel[];
  otherLabels: string[];
  accessModes: ModaliteAcces[];
  supportModes: ModaliteAccompagnement[];
  dateMaj: Date;
};

export type ImportedPlace = { sourceId: string; fields: ImportedFields; active: boolean };

/** One row of a source file: the place it describes, or why it was rejected. */
export type ParsedRow = { line: number; sourceId: string | null; name: string | null; place: ImportedPlace | null; errors: string[]; warnings: string[] };
