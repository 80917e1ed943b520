import 'server-only';
// The hashed URLs of the public pages' script and stylesheet, from the manifest that
// scripts/build-assets.js writes at `next build` (in development: rebuilt when a source changes).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type AssetName = 'site.js' | 'site.css' | 'selection-sheet.js' | 'offline.js' | 'sw.js';
type Manifest = Partial<Record<AssetName, string>>;

type BuildScript = { buildAssets(options: { root: string; dev: boolean }): Manifest; sourceFiles(root: string): string[] };

let manifest: Manifest | null = null;
let builtAt = 0;

function buildScript(root: string): BuildScript {
  return createRequire(path.join(root, 'package.json'))('./scripts/build-assets.js') as BuildScript;
}

function read(): Manifest {
  if (manifest && process.env.NODE_ENV === 'production') return manifest;
  const root = process.cwd();
  if (process.env.NODE_ENV !== 'production') {
    // Development (and tests rendering pages directly): rebuilt into public/assets-dev when a source changed.
    const script = buildScript(root);
    const changed = Math.max(...script.sourceFiles(root).map((file) => fs.statSync(file).mtimeMs));
    if (!manifest || changed > builtAt) {
      builtAt = Date.now();
      manifest = script.buildAssets({ root, dev: true });
    }
    return manifest;
  }
  const file = path.join(root, 'public', 'assets', 'manifest.json');
  // A production server started without `next build` having built them: build them now.
  if (!fs.existsSync(file)) buildScript(root).buildAssets({ root, dev: false });
  manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  return manifest;
}

export function assetUrl(name: AssetName): string {
  const url = read()[name];
  if (!url) throw new Error(`public asset ${name} is missing from public/assets/manifest.json`);
  return url;
}

/** Every built file by name (the service worker's shell and version: app/sw.js/route.ts). */
export function assetManifest(): Manifest {
  return { ...read() };
}

const imported = new Map<string, string[]>();

/**
 * The chunks a built script imports statically (not those it imports on demand, such as the map's),
 * as URLs: the page announces them (<link rel="modulepreload">) so that they load beside the script,
 * not one round trip after it, and the service worker keeps them with the shell. Read once per file
 * (its name carries its content's hash).
 */
export function staticImports(url: string | undefined): string[] {
  if (!url) return [];
  const known = imported.get(url);
  if (known) return known;
  const source = fs.readFileSync(path.join(process.cwd(), 'public', url), 'utf8');
  const chunks = [...source.matchAll(/(?:from|import)\s*["']\.\/(chunk-[\w-]+\.js)["']/g)].map((match) => path.posix.join(path.posix.dirname(url), match[1]));
  imported.set(url, chunks);
  return chunks;
}
