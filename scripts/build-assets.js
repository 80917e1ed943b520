// Builds the public pages' own scripts and stylesheet (components/islands) with esbuild into
// public/assets/, with content hashes in the file names and a manifest the pages read. Those
// pages are server-rendered HTML without the React/Next.js client runtime: a small script adds
// the map, suggestions and selection to markup that already works without it.
// Called from next.config.js when Next.js builds, so every `next build` produces them; in
// development lib/render/assets.ts rebuilds them (into public/assets-dev) when a source changed.
const fs = require('node:fs');
const path = require('node:path');

// The manifest names each output after its entry's name and extension: site.js, site.css,
// selection-sheet.js (the "Ma sélection" page's own script). The maps, loaded by site.js only when
// a page has one, are entries too so that their files say what they are (map-…, coverage-map-…).
// `alone`: built by itself, so that site.js shares no chunk with it — every page would otherwise
// wait one more round trip for that chunk before its load event.
const ENTRIES = [
  { out: 'site', in: 'components/islands/site.ts' },
  { out: 'selection-sheet', in: 'components/islands/selection-sheet.ts', alone: true },
  { out: 'map', in: 'components/islands/map.ts' },
  { out: 'coverage-map', in: 'components/islands/coverage-map.ts' },
  { out: 'site', in: 'components/islands/site.css' },
];
// Browsers of phones from about 2019 on (ES modules, fetch); newer syntax is lowered by esbuild.
const TARGET = ['es2019'];

const folder = (dev) => (dev ? 'assets-dev' : 'assets');

function options(root, dev, entries) {
  return {
    absWorkingDir: root,
    entryPoints: entries.map((entry) => ({ in: path.join(root, entry.in), out: entry.out })),
    outdir: path.join(root, 'public', folder(dev)),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: TARGET,
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    legalComments: 'none',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.png': 'file', '.svg': 'file' },
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
    // React components in these scripts (the selection sheet) run on Preact's compatibility layer
    // (about 10 kB compressed, against about 60 kB for React DOM): the same code, hooks included.
    alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // Their "use client" marks are for Next.js; esbuild would warn that it drops them.
    logOverride: { 'module-level-directive': 'silent' },
  };
}

function writeManifest(root, metafile, dev) {
  const manifest = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint) continue;
    const name = ENTRIES.find((entry) => path.resolve(root, entry.in) === path.resolve(root, output.entryPoint))?.out;
    if (name) manifest[`${name}${path.extname(file)}`] = `/${folder(dev)}/${path.basename(file)}`;
  }
  fs.writeFileSync(path.join(root, 'public', folder(dev), 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Builds the assets once, for production or (dev) for `next dev`. Returns the manifest. */
function buildAssets({ root = path.resolve(__dirname, '..'), dev = false } = {}) {
  const esbuild = require('esbuild');
  fs.mkdirSync(path.join(root, 'public', folder(dev)), { recursive: true });
  const groups = [ENTRIES.filter((entry) => !entry.alone), ...ENTRIES.filter((entry) => entry.alone).map((entry) => [entry])];
  const outputs = {};
  for (const entries of groups) Object.assign(outputs, esbuild.buildSync(options(root, dev, entries)).metafile.outputs);
  return finish(root, { outputs }, dev);
}

// The new files are written before the old ones go, so a server running meanwhile (another
// build's tests) never misses the files its manifest names.
function finish(root, metafile, dev) {
  const manifest = writeManifest(root, metafile, dev);
  const outdir = path.join(root, 'public', folder(dev));
  const keep = new Set([...Object.keys(metafile.outputs).map((file) => path.basename(file)), 'manifest.json']);
  const stale = Date.now() - 10 * 60 * 1000;
  for (const file of fs.readdirSync(outdir)) {
    const full = path.join(outdir, file);
    if (!keep.has(file) && fs.statSync(full).mtimeMs < stale) fs.rmSync(full, { force: true });
  }
  return manifest;
}

/** The files the assets are built from, for development's "has anything changed". */
function sourceFiles(root = path.resolve(__dirname, '..')) {
  const islands = path.join(root, 'components', 'islands');
  return [
    ...fs.readdirSync(islands).map((file) => path.join(islands, file)),
    ...fs.readdirSync(path.join(root, 'components', 'orientation')).map((file) => path.join(root, 'components', 'orientation', file)),
    path.join(root, 'components', 'coverage', 'bands.ts'),
    path.join(root, 'components', 'search', 'embed.css'),
    path.join(root, 'app', 'globals.css'),
  ];
}

module.exports = { buildAssets, sourceFiles, ENTRIES };

if (require.main === module) {
  const manifest = buildAssets({ dev: process.argv.includes('--dev') });
  console.log(manifest);
}
