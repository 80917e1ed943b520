import { describe, expect, it } from 'vitest';
import { evaluateAudit, parseAllowlist } from './audit';

const report = (vulnerabilities: object) => JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: {} });
const NEXT = {
  name: 'next',
  severity: 'critical',
  via: [
    { source: 1101, name: 'next', title: 'Authorization bypass', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'critical' },
    { source: 1102, name: 'next', title: 'Cache poisoning', url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff', severity: 'moderate' },
  ],
};
const PARENT = { name: 'next-auth', severity: 'critical', via: ['next'] };
const LOW = {
  name: 'cookie',
  severity: 'low',
  via: [{ source: 1200, name: 'cookie', title: 'x', url: 'https://github.com/advisories/GHSA-1111-2222-3333', severity: 'low' }],
};

describe('the dependency audit verdict', () => {
  it('fails on high and critical advisories, counting each advisory once', () => {
    const verdict = evaluateAudit(report({ next: NEXT, 'next-auth': PARENT, cookie: LOW }), { advisories: [] });
    expect(verdict).toMatchObject({ kind: 'done', lowerSeverity: 2, allowed: [] });
    if (verdict.kind !== 'done') throw new Error();
    expect(verdict.failing.map((a) => a.id)).toEqual(['GHSA-aaaa-bbbb-cccc']);
  });

  it('lets an allow-listed advisory through (by GHSA id or advisory number), with its reason', () => {
    for (const id of ['GHSA-aaaa-bbbb-cccc', 'ghsa-aaaa-bbbb-cccc', 1101]) {
      const verdict = evaluateAudit(report({ next: NEXT }), { advisories: [{ id, reason: 'Only affects the edge runtime, which Repères does not use.' }] });
      if (verdict.kind !== 'done') throw new Error();
      expect(verdict.failing).toEqual([]);
      expect(verdict.allowed[0].reason).toMatch(/edge runtime/);
    }
  });

  it('ignores an expired or wrong-package entry, and reports entries no longer needed', () => {
    const expired = evaluateAudit(
      report({ next: NEXT }),
      { advisories: [{ id: 'GHSA-aaaa-bbbb-cccc', reason: 'Accepted until the upgrade.', expires: '2026-01-01' }] },
      new Date('2026-06-01'),
    );
    if (expired.kind !== 'done') throw new Error();
    expect(expired.failing).toHaveLength(1);
    expect(expired.expiredAllowEntries).toHaveLength(1);
    const other = evaluateAudit(report({ next: NEXT }), { advisories: [{ id: 'GHSA-aaaa-bbbb-cccc', package: 'react', reason: 'Wrong package here.' }] });
    if (other.kind !== 'done') throw new Error();
    expect(other.failing).toHaveLength(1);
    const clean = evaluateAudit(report({}), { advisories: [{ id: 'GHSA-zzzz-zzzz-zzzz', reason: 'Fixed upstream since.' }] });
    if (clean.kind !== 'done') throw new Error();
    expect(clean.failing).toEqual([]);
    expect(clean.unusedAllowEntries).toHaveLength(1);
  });

  it('says the audit service is unreachable instead of failing', () => {
    const offline = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 });
    expect(evaluateAudit(offline, { advisories: [] })).toMatchObject({ kind: 'unreachable', message: expect.stringContaining('405') });
    expect(evaluateAudit('', { advisories: [] }).kind).toBe('unreachable');
  });

  it('checks the allow-list itself: an id and a real reason for each entry', () => {
    expect(() => parseAllowlist({})).toThrow(/advisories/);
    expect(() => parseAllowlist({ advisories: [{ id: 'GHSA-x', reason: '' }] })).toThrow(/reason/);
    expect(() => parseAllowlist({ advisories: [{ reason: 'a long enough reason' }] })).toThrow(/id/);
    expect(() => parseAllowlist({ advisories: [{ id: 'GHSA-x', reason: 'a long enough reason', expires: 'bientôt' }] })).toThrow(/expires/);
    expect(parseAllowlist({ advisories: [] }).advisories).toEqual([]);
  });
});
