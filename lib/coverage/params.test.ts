import { describe, expect, it } from 'vitest';
import { coverageQueryString, departementByCode, parseCoverageParams } from './params';

describe('coverage URL parameters', () => {
  it('defaults to "aide aux démarches", any price, any day', () => {
    expect(parseCoverageParams({})).toEqual({ service: 'AideAuxDemarchesAdministratives', free: false, saturday: false });
  });
  it('reads a service of the standard, "tous", and the options; ignores anything else', () => {
    expect(parseCoverageParams({ service: 'AccesInternetEtMaterielInformatique', gratuit: '1', samedi: 'on' })).toEqual({
      service: 'AccesInternetEtMaterielInformatique',
      free: true,
      saturday: true,
    });
    expect(parseCoverageParams({ service: 'tous' }).service).toBeNull();
    expect(parseCoverageParams({ service: "'; DROP TABLE", gratuit: 'non' })).toEqual({
      service: 'AideAuxDemarchesAdministratives',
      free: false,
      saturday: false,
    });
  });
  it('writes back the same URL', () => {
    const params = { service: null, free: true, saturday: false };
    expect(parseCoverageParams(Object.fromEntries(new URLSearchParams(coverageQueryString(params))))).toEqual(params);
  });
  it('knows the départements, Corsica and overseas included', () => {
    expect(departementByCode('49')?.nom).toBe('Maine-et-Loire');
    expect(departementByCode('2a')?.code).toBe('2A');
    expect(departementByCode('974')?.nom).toBe('La Réunion');
    expect(departementByCode('99')).toBeUndefined();
  });
});
