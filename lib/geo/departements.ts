// French départements by code, from the official list published by Etalab
// (@etalab/decoupage-administratif), as the communes are.
export type Departement = { code: string; name: string };

type RawDepartement = { code: string; nom: string };

let byCode: Map<string, Departement> | undefined;

export function departementByCode(code: string): Departement | undefined {
  byCode ??= new Map(
    (require('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[]).map((d) => [d.code, { code: d.code, name: d.nom }]),
  );
  return byCode.get(code.toUpperCase());
}

/** Every département, in the official order (01 … 976). */
export function departementList(): Departement[] {
  departementByCode('01');
  return [...byCode!.values()];
}
