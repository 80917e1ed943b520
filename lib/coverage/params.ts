// The coverage page's URL: ?service=<key of the standard's service>|tous&gratuit=1&samedi=1.
import type { Service } from '@prisma/client';
import { SERVICE_LABELS } from '@/lib/standard/enums';

export type CoverageParams = { service: Service | null; free: boolean; saturday: boolean };

export const DEFAULT_SERVICE: Service = 'AideAuxDemarchesAdministratives';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseCoverageParams(params: Record<string, string | string[] | undefined>): CoverageParams {
  const service = first(params.service);
  const yes = (v: string | undefined) => v === '1' || v === 'on' || v === 'oui';
  return {
    service: service === 'tous' ? null : service && service in SERVICE_LABELS ? (service as Service) : DEFAULT_SERVICE,
    free: yes(first(params.gratuit)),
    saturday: yes(first(params.samedi)),
  };
}

export function coverageQueryString(params: CoverageParams): string {
  const query = new URLSearchParams({ service: params.service ?? 'tous' });
  if (params.free) query.set('gratuit', '1');
  if (params.saturday) query.set('samedi', '1');
  return query.toString();
}

type Departement = { code: string; nom: string };
const DEPARTEMENTS = require('@etalab/decoupage-administratif/data/departements.json') as Departement[];

export function departementByCode(code: string): Departement | undefined {
  return DEPARTEMENTS.find((d) => d.code === code.toUpperCase());
}

export function allDepartements(): Departement[] {
  return DEPARTEMENTS;
}
