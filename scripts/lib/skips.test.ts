import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSkips, judgeSkips, parseAllowList, playwrightSkips, SEPARATOR, vitestSkips } from './skips';

const root = '/repo';

// Shaped like the real reports (vitest --reporter=json; Playwright's json reporter).
const vitestReport = {
  numPendingTests: 3,
  testResults: [
    {
      name: '/repo/tests/integration/backup.test.ts',
      assertionResults: [
        { ancestorTitles: ['backup and restore'], title: 'pg_dump: backs up', status: 'skipped' },
        { ancestorTitles: ['backup and restore'], title: 'logical backup', status: 'passed' },
      ],
    },
    {
      name: '/repo/lib/security/rate-limit.test.ts',
      assertionResults: [
        { ancestorTitles: ['rate limits'], title: 'shares counters through Redis', status: 'pending' },
        { ancestorTitles: [], title: 'later', status: 'todo' },
        { ancestorTitles: ['rate limits'], title: 'allows up to the limit', status: 'failed' },
      ],
    },
  ],
};

const playwrightReport = {
  config: { rootDir: '/repo/tests/e2e' },
  suites: [
    {
      title: 'instances.spec.ts',
      file: 'instances.spec.ts',
      specs: [],
      suites: [
        {
          title: 'two instances',
          file: 'instances.spec.ts',
          specs: [
            {
              title: 'share one limit through Redis',
              file: 'instances.spec.ts',
              tests: [
                { projectName: 'chromium', status: 'skipped', annotations: [{ type: 'skip', description: 'Redis does not answer' }] },
                { projectName: 'back-office', status: 'skipped', annotations: [] },
              ],
            },
            { title: 'answers', file: 'instances.spec.ts', tests: [{ projectName: 'chromium', status: 'expected' }] },
          ],
        },
      ],
    },
    { title: 'home.spec.ts', file: 'home.spec.ts', specs: [{ title: 'lists places', file: 'home.spec.ts', tests: [{ status: 'skipped' }] }] },
  ],
};

describe('skipped tests and their allow-list', () => {
  it('lists the skipped, pending and todo tests of a vitest report by file and title', () => {
    expect(vitestSkips(vitestReport, root)).toEqual([
      { runner: 'vitest', file: 'tests/integration/backup.test.ts', title: `backup and restore${SEPARATOR}pg_dump: backs up` },
      { runner: 'vitest', file: 'lib/security/rate-limit.test.ts', title: `rate limits${SEPARATOR}shares counters through Redis` },
      { runner: 'vitest', file: 'lib/security/rate-limit.test.ts', title: 'later' },
    ]);
    expect(vitestSkips({}, root)).toEqual([]);
  });

  it('lists the skipped tests of a Playwright report once, with the reason the test gave', () => {
    expect(playwrightSkips(playwrightReport, root)).toEqual([
      {
        runner: 'playwright',
        file: 'tests/e2e/instances.spec.ts',
        title: `two instances${SEPARATOR}share one limit through Redis`,
        note: 'Redis does not answer',
      },
      { runner: 'playwright', file: 'tests/e2e/home.spec.ts', title: 'lists places' },
    ]);
  });

  it('allows a skip named by its test or its file, and fails on any other', () => {
    const skipped = [...vitestSkips(vitestReport, root), ...playwrightSkips(playwrightReport, root)];
    const allowed = parseAllowList(
      JSON.stringify({
        $comment: 'ignored',
        [`tests/integration/backup.test.ts${SEPARATOR}backup and restore${SEPARATOR}pg_dump: backs up`]:
          'no pg_dump 17 here: exercised on the PostgreSQL 15 pass',
        'tests/e2e/instances.spec.ts': 'the two-instance case needs Redis, started by CI only',
        [`lib/security/rate-limit.test.ts${SEPARATOR}rate limits`]: 'a describe block is not a test: this entry matches nothing',
      }),
    );
    const verdicts = judgeSkips(skipped, allowed);
    expect(verdicts.map((v) => [v.file, v.reason])).toEqual([
      ['tests/integration/backup.test.ts', 'no pg_dump 17 here: exercised on the PostgreSQL 15 pass'],
      ['lib/security/rate-limit.test.ts', null],
      ['lib/security/rate-limit.test.ts', null],
      ['tests/e2e/instances.spec.ts', 'the two-instance case needs Redis, started by CI only'],
      ['tests/e2e/home.spec.ts', null],
    ]);
    const { lines, failed } = describeSkips(verdicts);
    expect(failed).toBe(true);
    expect(lines[0]).toBe('tests ignorés (5) :');
    expect(lines[1]).toContain('↷ tests/integration/backup.test.ts › backup and restore › pg_dump: backs up — autorisé : no pg_dump 17 here');
    expect(lines[2]).toContain('✖ lib/security/rate-limit.test.ts › rate limits › shares counters through Redis — ignoré sans raison admise');
    expect(lines.at(-1)).toBe('3 tests ignorés sans être dans la liste autorisée : échec.');
  });

  it('passes when every skip is allowed, and when nothing is skipped', () => {
    const allowed = { 'tests/e2e/home.spec.ts': 'a reason long enough' };
    expect(describeSkips(judgeSkips(playwrightSkips(playwrightReport, root).slice(1), allowed))).toEqual({
      lines: ['tests ignorés (1) :', '  ↷ tests/e2e/home.spec.ts › lists places — autorisé : a reason long enough'],
      failed: false,
    });
    expect(describeSkips([])).toEqual({ lines: [], failed: false });
  });

  it('refuses an allow-list entry without a reason', () => {
    expect(() => parseAllowList('{"tests/e2e/home.spec.ts": ""}')).toThrow(/needs a reason/);
    expect(() => parseAllowList('{"tests/e2e/home.spec.ts": 1}')).toThrow(/needs a reason/);
    expect(() => parseAllowList('["tests/e2e/home.spec.ts"]')).toThrow(/object/);
  });

  it('keeps the repository’s allow-list valid, each entry naming an existing test file', () => {
    const file = path.join(__dirname, '..', '..', 'tests', 'skips-allowed.json');
    const allowed = parseAllowList(fs.readFileSync(file, 'utf8'));
    for (const key of Object.keys(allowed)) expect(fs.existsSync(path.join(__dirname, '..', '..', key.split(SEPARATOR)[0])), key).toBe(true);
  });
});
