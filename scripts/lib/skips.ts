// Skipped tests are failures unless allowed: `npm test` lists every skipped test of the vitest and
// Playwright JSON reports, and fails on any that tests/skips-allowed.json does not name with a
// reason. An entry's key is a test file (every skip in it) or "file › title › path" (one test).
import fs from 'node:fs';
import path from 'node:path';

/** `note`: the reason the test gave itself, when the report keeps it (Playwright's annotations). */
export type SkippedTest = { runner: 'vitest' | 'playwright'; file: string; title: string; note?: string };
export type SkipVerdict = SkippedTest & { reason: string | null };
export type AllowList = Record<string, string>;

export const SEPARATOR = ' › ';

/** Paths relative to the repository, with forward slashes, whatever the report wrote. */
function relative(root: string, file: string) {
  return (path.isAbsolute(file) ? path.relative(root, file) : file).split(path.sep).join('/');
}

type VitestReport = { testResults?: Array<{ name: string; assertionResults?: Array<{ ancestorTitles?: string[]; title: string; status: string }> }> };

/** Skipped, pending and todo tests of a vitest JSON report. */
export function vitestSkips(report: VitestReport, root: string): SkippedTest[] {
  const skipped: SkippedTest[] = [];
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (!['skipped', 'pending', 'todo', 'disabled'].includes(test.status)) continue;
      skipped.push({ runner: 'vitest', file: relative(root, file.name), title: [...(test.ancestorTitles ?? []), test.title].join(SEPARATOR) });
    }
  }
  return skipped;
}

type PlaywrightSuite = {
  title: string;
  file?: string;
  specs?: Array<{
    title: string;
    file?: string;
    tests?: Array<{ status: string; projectName?: string; annotations?: Array<{ type: string; description?: string }> }>;
  }>;
  suites?: PlaywrightSuite[];
};
type PlaywrightReport = { config?: { rootDir?: string }; suites?: PlaywrightSuite[] };

/** Skipped tests of a Playwright JSON report (one entry per test, whatever the number of projects). */
export function playwrightSkips(report: PlaywrightReport, root: string): SkippedTest[] {
  const testDir = report.config?.rootDir ?? root;
  const skipped = new Map<string, SkippedTest>();
  const walk = (suite: PlaywrightSuite, titles: string[], isFile: boolean) => {
    // The top suites are the files: their title is the file name, not part of the test's title.
    const here = isFile ? [] : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      const test = (spec.tests ?? []).find((t) => t.status === 'skipped');
      if (!test) continue;
      const file = relative(root, path.resolve(testDir, spec.file ?? suite.file ?? suite.title));
      const note = test.annotations?.find((a) => a.type === 'skip' && a.description)?.description;
      const entry: SkippedTest = { runner: 'playwright', file, title: [...here, spec.title].join(SEPARATOR), ...(note ? { note } : {}) };
      skipped.set(`${entry.file}${SEPARATOR}${entry.title}`, entry);
    }
    for (const child of suite.suites ?? []) walk(child, here, false);
  };
  for (const suite of report.suites ?? []) walk(suite, [], true);
  return [...skipped.values()];
}

/** Reads the allow-list, refusing entries without a reason. */
export function parseAllowList(text: string): AllowList {
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('tests/skips-allowed.json: an object { "file or file › title": "reason" } is expected.');
  const list: AllowList = {};
  for (const [key, reason] of Object.entries(parsed)) {
    if (key.startsWith('$')) continue; // "$comment"
    if (typeof reason !== 'string' || reason.trim().length < 10) throw new Error(`tests/skips-allowed.json: "${key}" needs a reason (a sentence).`);
    list[key] = reason.trim();
  }
  return list;
}

export function loadAllowList(file: string): AllowList {
  return fs.existsSync(file) ? parseAllowList(fs.readFileSync(file, 'utf8')) : {};
}

/** Each skipped test with the allow-list's reason for it, or null when it is not allowed. */
export function judgeSkips(skipped: SkippedTest[], allowed: AllowList): SkipVerdict[] {
  return skipped.map((test) => ({ ...test, reason: allowed[`${test.file}${SEPARATOR}${test.title}`] ?? allowed[test.file] ?? null }));
}

/** The summary's lines about skips, and whether they fail the run. */
export function describeSkips(verdicts: SkipVerdict[]): { lines: string[]; failed: boolean } {
  const lines = verdicts.map((v) => {
    const said = v.note ? ` (le test dit : ${v.note})` : '';
    return v.reason
      ? `  ↷ ${v.file}${SEPARATOR}${v.title} — autorisé : ${v.reason}`
      : `  ✖ ${v.file}${SEPARATOR}${v.title} — ignoré sans raison admise dans tests/skips-allowed.json${said}`;
  });
  if (verdicts.length) lines.unshift(`tests ignorés (${verdicts.length}) :`);
  const refused = verdicts.filter((v) => !v.reason).length;
  if (refused) lines.push(`${refused} test${refused > 1 ? 's' : ''} ignoré${refused > 1 ? 's' : ''} sans être dans la liste autorisée : échec.`);
  return { lines, failed: refused > 0 };
}
