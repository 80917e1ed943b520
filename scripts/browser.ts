// Which Chromium the end-to-end tests drive. A stranger's machine needs nothing installed:
//   1. CHROMIUM_PATH, when set (any Chromium or Chrome, on any system);
//   2. the system Chromium (/usr/bin/chromium, /usr/bin/chromium-browser), when there is one;
//   3. on Linux x64, the Chromium that comes with the project's npm packages (@sparticuz/chromium,
//      a devDependency): its brotli'd binary, the NSS/expat libraries it links to and a font are
//      unpacked once into the temporary folder, behind a small launcher script;
//   4. otherwise (macOS, Windows, Linux arm64) Playwright's own browser, after
//      `npx playwright install chromium`.
// REPERES_BROWSER=bundled forces 3 even when a system Chromium exists (CI proves the newcomer's
// path with it); REPERES_BROWSER=system forces 2, REPERES_BROWSER=playwright forces 4.
// `npx tsx scripts/browser.ts` prints the path chosen (an empty line for Playwright's own).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
/** The resolved executable ('' = Playwright's own browser), passed down to Playwright's workers. */
export const RESOLVED_ENV = 'REPERES_CHROMIUM_EXECUTABLE';

type Env = Record<string, string | undefined>;

export type BrowserChoice = { kind: 'executable'; path: string; label: string } | { kind: 'bundled'; label: string } | { kind: 'playwright'; label: string };

export function systemChromium(candidates = SYSTEM_CANDIDATES): string | undefined {
  return candidates.find((file) => fs.existsSync(file));
}

/** True where the npm-packaged Chromium runs: it is built for Linux x64 only. */
export function bundledSupported(platform = process.platform, arch = process.arch): boolean {
  return platform === 'linux' && arch === 'x64' && bundledPackageDir() !== null;
}

/** Decides without unpacking anything. */
export function chooseBrowser(env: Env = process.env, findSystem: () => string | undefined = systemChromium): BrowserChoice {
  const wanted = env.REPERES_BROWSER?.trim() || 'auto';
  if (!['auto', 'bundled', 'system', 'playwright'].includes(wanted)) {
    throw new Error(`REPERES_BROWSER=${wanted} is not one of bundled, system, playwright (or unset).`);
  }
  const bundled: BrowserChoice = { kind: 'bundled', label: 'Chromium du paquet npm @sparticuz/chromium' };
  const playwright: BrowserChoice = { kind: 'playwright', label: 'Chromium de Playwright (npx playwright install chromium)' };
  if (wanted === 'bundled') {
    if (!bundledSupported())
      throw new Error(
        `REPERES_BROWSER=bundled: the npm-packaged Chromium runs on Linux x64 only (here ${process.platform} ${process.arch}), and needs the devDependencies (npm install).`,
      );
    return bundled;
  }
  if (wanted === 'playwright') return playwright;
  if (env.CHROMIUM_PATH) {
    if (!fs.existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH}: no such file.`);
    return { kind: 'executable', path: env.CHROMIUM_PATH, label: `Chromium de CHROMIUM_PATH (${env.CHROMIUM_PATH})` };
  }
  const system = findSystem();
  if (system) return { kind: 'executable', path: system, label: `Chromium du système (${system})` };
  if (wanted === 'system') throw new Error(`REPERES_BROWSER=system: no Chromium at ${SYSTEM_CANDIDATES.join(' or ')}.`);
  return bundledSupported() ? bundled : playwright;
}

function bundledPackageDir(): string | null {
  try {
    // The package's exports hide package.json: find it from its entry point (build/index.js).
    return path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '..');
  } catch {
    return null;
  }
}

/** Where this version is unpacked: one folder per version and user, shared by checkouts. */
export function bundledDir(): string {
  const dir = bundledPackageDir();
  if (!dir) throw new Error('@sparticuz/chromium is not installed (npm install).');
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return path.join(os.tmpdir(), `reperes-chromium-${version}-${process.getuid?.() ?? 'user'}`);
}

const launcher = (dir: string) => path.join(dir, 'chromium-launcher.sh');

/** The launcher of the unpacked Chromium, when it is unpacked already. */
export function bundledReady(): string | undefined {
  const file = launcher(bundledDir());
  return fs.existsSync(file) ? file : undefined;
}

/**
 * Unpacks the npm-packaged Chromium once (a few seconds) and returns its launcher. It is unpacked
 * into a folder of its own then renamed into place, so that an interrupted run or two runs at
 * once never leave a half-written browser behind.
 */
export async function unpackBundledChromium(): Promise<string> {
  const ready = bundledReady();
  if (ready) return ready;
  const final = bundledDir();
  const staging = `${final}.${process.pid}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const started = Date.now();
  const { default: Chromium, inflate } = await import('@sparticuz/chromium');
  // The package unpacks into os.tmpdir(), which follows TMPDIR: point it at our folder meanwhile.
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    await Chromium.executablePath(); // chromium, fonts, SwiftShader
    // The libraries it links to (NSS, NSPR, expat), absent from a machine without a browser.
    await inflate(path.join(bundledPackageDir()!, 'bin', 'al2023.tar.br'));
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  // The machine's fonts when it has any, and the package's Open Sans in every case.
  fs.writeFileSync(
    path.join(staging, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${path.join(final, 'fonts')}</dir>\n  <cachedir>${path.join(final, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
  );
  fs.writeFileSync(
    launcher(staging),
    [
      '#!/bin/sh',
      '# Chromium from @sparticuz/chromium with the libraries and fonts it ships (written by scripts/browser.ts).',
      `LD_LIBRARY_PATH=${quote(path.join(final, 'al2023', 'lib'))}\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}`,
      `FONTCONFIG_FILE=${quote(path.join(final, 'fonts.conf'))}`,
      'export LD_LIBRARY_PATH FONTCONFIG_FILE',
      `exec ${quote(path.join(final, 'chromium'))} "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  try {
    fs.renameSync(staging, final);
  } catch (error) {
    // Another run finished first: use its copy.
    fs.rmSync(staging, { recursive: true, force: true });
    if (!bundledReady()) throw error;
  }
  console.error(`Chromium du paquet npm décompressé dans ${final} en ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return launcher(final);
}

/** The executable to give Playwright (undefined: its own browser), unpacking it if needed. */
export async function resolveChromium(env: Env = process.env): Promise<string | undefined> {
  if (env[RESOLVED_ENV] !== undefined) return env[RESOLVED_ENV] || undefined;
  const choice = chooseBrowser(env);
  if (choice.kind === 'executable') return choice.path;
  if (choice.kind === 'bundled') return unpackBundledChromium();
  return undefined;
}

/**
 * The same, synchronously, for playwright.config.ts: when the npm-packaged Chromium still has to
 * be unpacked, a child process does it. The answer is kept in the environment, which Playwright's
 * workers inherit.
 */
export function resolveChromiumSync(env: Env = process.env): string | undefined {
  if (env[RESOLVED_ENV] !== undefined) return env[RESOLVED_ENV] || undefined;
  const choice = chooseBrowser(env);
  let executable: string | undefined;
  if (choice.kind === 'executable') executable = choice.path;
  else if (choice.kind === 'bundled') {
    executable =
      bundledReady() ??
      execFileSync(process.execPath, ['--import', 'tsx', __filename], {
        cwd: path.resolve(__dirname, '..'),
        env: { ...process.env, ...env, [RESOLVED_ENV]: undefined } as NodeJS.ProcessEnv,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }).trim();
  }
  env[RESOLVED_ENV] = executable ?? '';
  return executable;
}

if (require.main === module) {
  resolveChromium()
    .then((executable) => console.log(executable ?? ''))
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
