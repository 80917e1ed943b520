import fs from 'node:fs';
import path from 'node:path';
import * as reference from '@gouvfr-anct/lieux-de-mediation-numerique';
import { describe, expect, it } from 'vitest';
import { readDataText } from '../data/files';
import { STANDARD_LISTS } from './enums';

// Reads the enums straight from prisma/schema.prisma, so a hand edit of the schema that drifts
// from the national reference model fails here.
function schemaEnums(): Record<string, Record<string, string>> {
  const schema = fs.readFileSync(path.join(__dirname, '..', '..', 'prisma', 'schema.prisma'), 'utf8');
  const enums: Record<string, Record<string, string>> = {};
  for (const match of schema.matchAll(/enum (\w+) \{([^}]*)\}/g)) {
    const values: Record<string, string> = {};
    for (const line of match[2]
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('//'))) {
      const [, key, mapped] = line.match(/^(\w+)(?:\s+@map\("(.*)"\))?/) ?? [];
      if (key) values[key] = mapped ?? key;
    }
    enums[match[1]] = values;
  }
  return enums;
}

const referenceLists: Record<string, Record<string, string>> = {
  Service: reference.Service,
  PublicSpecifiquementAdresse: reference.PublicSpecifiquementAdresse,
  PriseEnChargeSpecifique: reference.PriseEnChargeSpecifique,
  FraisACharge: reference.Frais,
  Itinerance: reference.Itinerance,
  ModaliteAcces: reference.ModaliteAcces,
  ModaliteAccompagnement: reference.ModaliteAccompagnement,
  DispositifProgrammeNational: reference.DispositifProgrammeNational,
  FormationLabel: reference.FormationLabel,
  Typologie: reference.Typologie,
};

describe('closed lists of the national standard', () => {
  const enums = schemaEnums();

  it.each(Object.keys(referenceLists))('the Prisma enum %s stores exactly the reference values', (name) => {
    expect(enums[name]).toEqual({ ...referenceLists[name] });
  });

  it('covers the nine services of v1.0.2 and the 92 typology codes', () => {
    expect(Object.values(enums.Service)).toHaveLength(9);
    expect(Object.values(enums.Service)).toContain('Aide aux démarches administratives');
    expect(Object.values(enums.Typologie)).toHaveLength(92);
  });

  it('exposes the same labels to the app', () => {
    for (const [name, labels] of Object.entries(STANDARD_LISTS)) expect(labels).toEqual(enums[name]);
  });

  it('matches the patterns of the published schema.json where they exist', () => {
    const schema = JSON.parse(readDataText('standardSchema')) as { fields: Array<{ name: string; constraints?: { pattern?: string } }> };
    const pattern = (field: string) => new RegExp(schema.fields.find((f) => f.name === field)!.constraints!.pattern!);
    for (const value of Object.values(enums.Service)) expect(pattern('services').test(value)).toBe(true);
    for (const value of Object.values(enums.FraisACharge)) expect(pattern('frais_a_charge').test(value)).toBe(true);
    for (const value of Object.values(enums.ModaliteAccompagnement)) expect(pattern('modalites_accompagnement').test(value)).toBe(true);
  });
});
