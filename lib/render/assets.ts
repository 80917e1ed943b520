import 'server-only';
// The hashed URLs of the public pages' script and stylesheet, from the manifest that
// scripts/build-assets.js writes (at `next build`, or kept up to date by `next dev`).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type AssetName = 'site.js' | 'site.css';
type Manifest = Partial<Record<AssetName, string>>;

let manifest: Manifest | null = null;

function read(): Manifest {
  // In development the files change as they are edited: read the manifest each time.
  if (manifest && process.env.NODE_ENV === 'production') return manifest;
  const root = process.cwd();
  const file = path.join(root, 'public', 'assets', 'manifest.json');
  if (!fs.existsSync(file)) {
    // A run without `next build` (tests that render pages directly): build the assets now.
    const { buildAssets } = createRequire(path.join(root, 'package.json'))('./scripts/build-assets.js') as { buildAssets: (options: { root: string }) => unknown };
    buildAssets({ root });
  }
  manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  return manifest;
}

export function assetUrl(name: AssetName): string {
  const url = read()[name];
  if (!url) throw new Error(`public asset ${name} is missing from public/assets/manifest.json`);
  return url;
}
