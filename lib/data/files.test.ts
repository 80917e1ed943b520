// The repository is self-sufficient: every data file it names is there, and no code, test,
// script or benchmark reaches outside it for data (a stranger's clone has nothing beside it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILES, dataPath, readDataFile, readDataText, type DataFile } from './files';

const ROOT = path.resolve(__dirname, '..', '..');
const SCANNED = ['lib', 'app', 'components', 'scripts', 'tests', 'bench', 'prisma', 'docs'];
const ROOT_FILES = ['README.md', 'package.json', 'playwright.config.ts', 'vitest.config.ts', 'next.config.js', 'prisma.config.ts', 'proxy.ts', 'instrumentation.ts', '.ci/run'];
const THIS_FILE = path.relative(ROOT, __filename);

// The folder the project's machines keep beside the repository. Its name is assembled, so that
// this guard never spells a path into it: a path into it, written as a string ("../<name>",
// "..\\<name>", "/work/<name>") or as path segments (path.join(..., '..', '<name>', ...)).
const BESIDE = ['sha', 'red'].join('');
const OUTSIDE = [new RegExp(`\\.\\.[\\\\/]+${BESIDE}\\b`), new RegExp(`/work/${BESIDE}\\b`), new RegExp(`['"\`]\\.\\.['"\`]\\s*,\\s*['"\`]${BESIDE}['"\`]`)];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full);
    return [full];
  });
}

describe('the data shipped in data/', () => {
  it('has every file lib/data/files.ts names, readable', () => {
    for (const name of Object.keys(DATA_FILES) as DataFile[]) {
      expect(fs.existsSync(dataPath(name)), dataPath(name)).toBe(true);
      expect(readDataFile(name).length, name).toBeGreaterThan(1000);
    }
  });

  it('gives the communes reference uncompressed, with the columns the importer reads', () => {
    const header = readDataText('communes').slice(0, 200).split('\n')[0];
    expect(header.split(',')).toEqual(expect.arrayContaining(['insee_com', 'insee_dep', 'commune', 'code_postal', 'commune_type', 'lat', 'lng', 'population_2021']));
  });
});

describe('nothing reads outside the repository', () => {
  it('finds no path into the folder beside the repository in the code, tests, scripts, benchmarks or docs', () => {
    const files = [...SCANNED.flatMap((dir) => filesUnder(path.join(ROOT, dir))), ...ROOT_FILES.map((file) => path.join(ROOT, file)).filter((file) => fs.existsSync(file))];
    expect(files.length).toBeGreaterThan(100);
    const offending: string[] = [];
    for (const file of files) {
      const relative = path.relative(ROOT, file);
      if (relative === THIS_FILE) continue;
      const bytes = fs.readFileSync(file);
      if (bytes.includes(0)) continue; // binary (images, fonts)
      bytes
        .toString('utf8')
        .split('\n')
        .forEach((line, i) => {
          if (OUTSIDE.some((pattern) => pattern.test(line))) offending.push(`${relative}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offending).toEqual([]);
  });

  it('would catch each way of writing such a path', () => {
    const written = [`path.join(__dirname, '..', '..', '${BESIDE}', 'data')`, `npm run import -- ../${BESIDE}/data/sources/x.csv`, `'/work/${BESIDE}/data'`, `C:\\..\\${BESIDE}\\data`];
    for (const line of written) expect(OUTSIDE.some((pattern) => pattern.test(line)), line).toBe(true);
    expect(OUTSIDE.some((pattern) => pattern.test('a shared cache (CDN) keeps a page'))).toBe(false);
  });
});
