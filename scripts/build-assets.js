// Builds the public pages' own scripts and stylesheet (components/islands) with esbuild into
// public/assets/, with content hashes in the file names and a manifest the pages read. Those
// pages are server-rendered HTML without the React/Next.js client runtime: a small script adds
// the map, suggestions and selection to markup that already works without it.
// Called from next.config.js when Next.js builds, so every `next build` produces them; in
// development lib/render/assets.ts rebuilds them (into public/assets-dev) when a source changed.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// The manifest names each output after its entry's name and extension: site.js, site.css,
// selection-sheet.js (the "Ma sélection" page's own script). The maps, loaded by site.js only when
// a page has one, are entries too so that their files say what they are (map-…, coverage-map-…).
// `alone`: built by itself, after the others, sharing no chunk with them: a chunk a page's script
// imports is one more round trip before the load event (2 s on DevTools' "Slow 3G": site.js and its
// three small chunks took the public pages' load from 4.3 to 6.5 s, bench/README.md "Page weight"),
// and each chunk's HTTP headers weighed more than its code. What such a script imports on demand
// (the maps, the offline search) stays those entries' own files: its import('./map') becomes
// import('./map-<hash>.js'), the file the first build wrote.
const ENTRIES = [
  { out: 'site', in: 'components/islands/site.ts', alone: true },
  { out: 'selection-sheet', in: 'components/islands/selection-sheet.ts', alone: true },
  { out: 'map', in: 'components/islands/map.ts' },
  { out: 'coverage-map', in: 'components/islands/coverage-map.ts' },
  // Inlined into every public page's head (lib/render/assets.ts inlineStylesheet): no request stands
  // between the page and its first paint. Leaflet's styles are the maps' own file (map.css), asked
  // for by site.js only when a page has a map.
  { out: 'site', in: 'components/islands/site.css' },
  { out: 'map', in: 'components/islands/map.css' },
  // The offline search (issue #21), loaded by site.js only when needed; an entry so the service worker can keep it.
  { out: 'offline', in: 'components/islands/offline.ts' },
];
// Browsers of phones from about 2019 on (ES modules, fetch); newer syntax is lowered by esbuild.
const TARGET = ['es2019'];

const folder = (dev) => (dev ? 'assets-dev' : 'assets');

function options(root, dev, entries, plugins = []) {
  return {
    plugins,
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

// The service worker (components/islands/sw.ts) is a classic script, not a module: its own build.
// app/sw.js/route.ts serves it at /sw.js (a worker's scope is its URL's folder).
const WORKER = { out: 'sw', in: 'components/islands/sw.ts' };

function workerOptions(root, dev) {
  return { ...options(root, dev, [WORKER]), format: 'iife', splitting: false };
}

function writeManifest(root, metafile, dev) {
  const manifest = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint) continue;
    const name = [...ENTRIES, WORKER].find((entry) => path.resolve(root, entry.in) === path.resolve(root, output.entryPoint))?.out;
    if (name) manifest[`${name}${path.extname(file)}`] = `/${folder(dev)}/${path.basename(file)}`;
  }
  fs.writeFileSync(path.join(root, 'public', folder(dev), 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

const withoutExtension = (file) => file.slice(0, file.length - path.extname(file).length);

/** An import() of an entry already built resolves to that entry's file, left as it is (external). */
function builtEntries(root, outputs) {
  const files = new Map();
  for (const [file, output] of Object.entries(outputs)) {
    if (output.entryPoint && file.endsWith('.js')) files.set(withoutExtension(path.resolve(root, output.entryPoint)), path.basename(file));
  }
  return {
    name: 'built-entries',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const file = args.kind === 'dynamic-import' && files.get(withoutExtension(path.resolve(args.resolveDir, args.path)));
        return file ? { path: `./${file}`, external: true } : undefined;
      });
    },
  };
}

/** Builds the assets with esbuild's asynchronous API (its plugins need it). Returns the manifest. */
async function build({ root, dev }) {
  const esbuild = require('esbuild');
  fs.mkdirSync(path.join(root, 'public', folder(dev)), { recursive: true });
  const groups = [ENTRIES.filter((entry) => !entry.alone), ...ENTRIES.filter((entry) => entry.alone).map((entry) => [entry])];
  const merged = { inputs: {}, outputs: {} };
  for (const entries of groups) {
    const plugins = entries[0].alone ? [builtEntries(root, merged.outputs)] : [];
    const { inputs, outputs } = (await esbuild.build(options(root, dev, entries, plugins))).metafile;
    Object.assign(merged.inputs, inputs);
    Object.assign(merged.outputs, outputs);
  }
  const worker = (await esbuild.build(workerOptions(root, dev))).metafile;
  return finish(root, { inputs: { ...merged.inputs, ...worker.inputs }, outputs: { ...merged.outputs, ...worker.outputs } }, dev);
}

/**
 * Builds the assets once, for production or (dev) for `next dev`, and returns the manifest:
 * synchronously, as next.config.js and lib/render/assets.ts call it, by running the build in a
 * child process (this file, below).
 */
function buildAssets({ root = path.resolve(__dirname, '..'), dev = false } = {}) {
  const args = [__filename, '--json', '--root', root, ...(dev ? ['--dev'] : [])];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
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
    ...['package.ts', 'search.ts', 'sw-rules.ts'].map((file) => path.join(root, 'lib', 'offline', file)),
    path.join(root, 'components', 'search', 'embed.css'),
    path.join(root, 'app', 'globals.css'),
    ...fs.readdirSync(path.join(root, 'app', 'styles')).map((file) => path.join(root, 'app', 'styles', file)),
  ];
}

module.exports = { buildAssets, sourceFiles, ENTRIES };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const root = argv.includes('--root') ? argv[argv.indexOf('--root') + 1] : path.resolve(__dirname, '..');
  build({ root, dev: argv.includes('--dev') }).then(
    (manifest) => (argv.includes('--json') ? process.stdout.write(JSON.stringify(manifest)) : console.log(manifest)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
