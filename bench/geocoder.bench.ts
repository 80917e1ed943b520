// Geocoder benchmark (no database): the offline resolution of what people type, over a few
// hundred distinct inputs of each kind — exact names as people write them, typos of real
// communes (one or two random edits), unresolved words, addresses. "cold": the first time each
// input is seen (the index already built); "again": the same inputs a second time (the memory
// cache of lib/geo/index.ts would answer those without resolving; this measures the resolver).
// Also the one-off cost of building the index in a fresh process.
import { performance } from 'node:perf_hooks';
import { lookupCommune } from '../lib/geo/communes';
import { compareAndSave, type Figure } from './results';
import { percentiles, summarise, timedSync } from './timing';

type Raw = { nom: string; type: string; population?: number; departement?: string };

// A fixed pseudo-random sequence: the same inputs on every run.
let seed = 20261205;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pickOne = <T>(list: T[]) => list[Math.floor(random() * list.length)];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function typo(name: string, edits: number): string {
  let out = name;
  for (let e = 0; e < edits; e++) {
    const i = 1 + Math.floor(random() * Math.max(1, out.length - 2));
    const kind = Math.floor(random() * 4);
    if (kind === 0)
      out = out.slice(0, i) + out.slice(i + 1); // deletion
    else if (kind === 1)
      out = out.slice(0, i) + pickOne([...LETTERS]) + out.slice(i); // insertion
    else if (kind === 2)
      out = out.slice(0, i) + pickOne([...LETTERS]) + out.slice(i + 1); // substitution
    else out = out.slice(0, i) + out[i + 1] + out[i] + out.slice(i + 2); // transposition
  }
  return out;
}

const started = performance.now();
lookupCommune('Saumur');
const build = performance.now() - started;

const raw = (require('@etalab/decoupage-administratif/data/communes.json') as Raw[]).filter((c) => c.type === 'commune-actuelle');
const towns = raw.filter((c) => (c.population ?? 0) >= 2000);
const sets: Record<string, string[]> = {
  'exact names (lower case, no accents or hyphens)': Array.from({ length: 300 }, () =>
    pickOne(raw)
      .nom.normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/-/g, ' ')
      .toLowerCase(),
  ),
  'typos of towns (1–2 edits)': Array.from({ length: 300 }, () => {
    const name = pickOne(towns).nom;
    return typo(name, name.length >= 9 ? 2 : 1);
  }),
  'unresolved words': Array.from({ length: 300 }, () => Array.from({ length: 5 + Math.floor(random() * 10) }, () => pickOne([...LETTERS])).join('')),
  'addresses ending with a commune': Array.from({ length: 200 }, (_, i) => `${i + 1} rue de la Gare ${pickOne(towns).nom}`),
};

const fmt = (p: { p50: number; p95: number; n: number }, max: number) =>
  `p50 ${p.p50.toFixed(2)} ms, p95 ${p.p95.toFixed(2)} ms, max ${max.toFixed(1)} ms (n=${p.n})`;

console.log(`index built in ${build.toFixed(0)} ms (once per process)`);
const figures: Figure[] = [{ key: 'index.build', label: 'index built (once per process)', value: Math.round(build), unit: 'ms', better: 'lower' }];
const results: Record<string, unknown> = { indexBuildMs: build };
const KEYS: Record<string, string> = { exact: 'exact', typos: 'typos', unresolved: 'unresolved', addresses: 'addresses' };
for (const [label, inputs] of Object.entries(sets)) {
  const distinct = [...new Set(inputs)];
  const kind = Object.keys(KEYS).find((k) => label.startsWith(k)) ?? label;
  for (const pass of ['cold', 'again']) {
    const samples = distinct.map((input) => timedSync(() => lookupCommune(input)).ms);
    console.log(`${label}, ${pass}: ${fmt(percentiles(samples), Math.max(...samples))}`);
    results[`${kind}.${pass}`] = summarise(samples);
    if (pass === 'cold') {
      const p95 = Math.round(percentiles(samples).p95 * 100) / 100;
      figures.push({
        key: `${kind}.cold.p95`,
        label: `${label}, first time, p95`,
        value: p95,
        unit: 'ms',
        better: 'lower',
        ...(kind === 'unresolved' ? { target: { op: '<' as const, value: 20 } } : {}),
      });
    }
  }
}
void compareAndSave({
  name: 'geocoder',
  scale: Object.fromEntries(Object.entries(sets).map(([label, inputs]) => [label, new Set(inputs).size])),
  dataset: 'the official list of communes (@etalab/decoupage-administratif): exact names, typos of towns of 2,000+ inhabitants, random words, addresses',
  figures,
  raw: results,
});
