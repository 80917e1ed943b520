import { describe, expect, it } from 'vitest';
import { createLogger, hashIp, pathOnly, scrub } from './logger';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), raw: () => lines.join('') };
}

describe('structured logs', () => {
  it('writes one JSON object per line with level, time, message and request id', () => {
    const { logger, records } = capture();
    logger.child({ requestId: 'req-12345678' }).info({ route: '/recherche' }, 'search served');
    const [record] = records();
    expect(record).toMatchObject({ level: 'info', msg: 'search served', requestId: 'req-12345678', route: '/recherche', service: 'reperes' });
    expect(typeof record.time).toBe('string');
  });

  it('never writes e-mail addresses, client addresses, passwords or cookies', () => {
    const { logger, raw } = capture();
    logger.warn(
      { email: 'camille@example.org', ip: '203.0.113.9', user: { password: 'secret-pass', email: 'x@y.fr' }, headers: { cookie: 'session=abc' } },
      'sign-in refused for camille@example.org from 203.0.113.9',
    );
    logger.error({ err: new Error('duplicate key for dominique@example.fr (198.51.100.4)') }, 'failed');
    const text = raw();
    for (const secret of ['camille@example.org', '203.0.113.9', 'secret-pass', 'x@y.fr', 'session=abc', 'dominique@example.fr', '198.51.100.4'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[courriel]');
    expect(text).toContain('[masqué]');
  });

  it('keeps error stacks (server side only) without personal data', () => {
    const { logger, records } = capture();
    logger.error({ err: new Error('boom') }, 'request failed');
    const record = records()[0] as { err: { message: string; stack: string; type: string } };
    expect(record.err.message).toBe('boom');
    expect(record.err.stack).toContain('logger.test.ts');
  });

  it('never writes the tokens of campaign, sign-in, reset or invitation links', () => {
    const { logger, raw } = capture();
    const campaign = 'Xk3_9fQz-2LmPq7RsTuVwXyZaBcDeFgH1234';
    logger.error({ path: `/mise-a-jour/${campaign}`, url: `https://reperes.example/connexion/lien?jeton=secret-magic-123&retour=/admin` }, 'request failed');
    logger.error({ err: new Error(`fetch failed for https://reperes.example/mise-a-jour/${campaign}/confirmer`) }, `failed on /mise-a-jour/${campaign}`);
    const text = raw();
    for (const secret of [campaign, 'secret-magic-123']) expect(text).not.toContain(secret);
    expect(text).toContain('/mise-a-jour/[jeton]');
    expect(text).toContain('jeton=[jeton]');
    expect(pathOnly(`/mise-a-jour/${campaign}`)).toBe('/mise-a-jour/[jeton]');
    expect(pathOnly('/mise-a-jour/court?x=1')).toBe('/mise-a-jour/[jeton]');
    expect(pathOnly('/lieux/centre-social-des-genets-fictif-cholet')).toBe('/lieux/centre-social-des-genets-fictif-cholet');
  });

  it('hashes addresses and strips query strings', () => {
    expect(hashIp('203.0.113.9')).toMatch(/^[0-9a-f]{16}$/);
    expect(hashIp('203.0.113.9')).toBe(hashIp('203.0.113.9'));
    expect(hashIp('203.0.113.9')).not.toBe(hashIp('203.0.113.10'));
    expect(pathOnly('/connexion/lien?jeton=abc')).toBe('/connexion/lien');
    expect(pathOnly('/recherche')).toBe('/recherche');
    expect(scrub('contact: a.b@c.fr')).toBe('contact: [courriel]');
  });
});
