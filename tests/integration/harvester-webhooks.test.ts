// Webhooks of the change feed (issue #22), against real HTTP servers on this machine: a harvester
// that verifies the signature, one that fails then recovers, one that never answers, and the
// give-up mail through a real SMTP sink. The receivers listen on 127.0.0.1, which production refuses:
// these tests allow it explicitly (HARVESTER_ALLOW_PRIVATE_ADDRESSES), except the one that checks
// private destinations are refused at registration and at delivery, and redirects never followed.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELIVERY, deliverDue, retryDelay, signature } from '../../lib/harvesters/deliver';
import { listHarvesters, registerHarvester, setHarvester } from '../../lib/harvesters/store';
import { listPlaces } from '../../lib/export/api';
import { PEER_HEADER } from '../../lib/security/client-address';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import type { SessionUser } from '../../lib/auth/permissions';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';
import { mailSubject, mailText, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

const db = testDb();
/** The receivers' address, allowed for these tests only (production allows no private address). */
const ALLOW_RECEIVERS = '127.0.0.1';
type Received = { body: string; headers: http.IncomingHttpHeaders };

/** A harvester's endpoint: answers with `status()` (or never, when it returns null) and keeps what came. */
async function receiver(status: () => number | null, headers: Record<string, string> = {}) {
  const received: Received[] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString(), headers: request.headers });
      const code = status();
      if (code === null) hanging.push(response);
      else response.writeHead(code, headers).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/moisson`;
  const close = async () => {
    for (const r of hanging) r.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { url, received, close };
}

/** What a harvester does on receipt: recompute the signature with its secret. */
function verified(secret: string, r: Received): boolean {
  const timestamp = String(r.headers['x-reperes-horodatage']);
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex')}`);
  const given = Buffer.from(String(r.headers['x-reperes-signature']));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

let admin: SessionUser, coordinator: SessionUser;
let sink: SmtpSink;

async function touch(count: number) {
  const places = await db.place.findMany({ where: { status: 'PUBLISHED', demo: false }, take: count, orderBy: { id: 'asc' } });
  for (const p of places) await db.place.update({ where: { id: p.id }, data: { summary: `Mis à jour ${Date.now()} ${p.id}` } });
  return places.map((p) => p.id);
}

async function register(url: string, name = 'Carte nationale') {
  const state = await registerHarvester(db, admin, { name, url, contactEmail: 'moisson@exemple.fr' });
  expect(state.status).toBe('done');
  const row = await db.harvester.findFirstOrThrow({ where: { name } });
  return { secret: state.secret!, id: row.id };
}

describe('harvester webhooks', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    ({ admin, coordinator } = await demoUsers(db));
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    process.env.HARVESTER_ALLOW_PRIVATE_ADDRESSES = ALLOW_RECEIVERS;
    resetMemoryLimits();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.HARVESTER_ALLOW_PRIVATE_ADDRESSES;
    await sink.close();
    await resetDatabase(db);
  });

  it('registers for admins only, with French errors and the typed values kept; the secret is shown once', async () => {
    expect(await registerHarvester(db, coordinator, { name: 'x', url: 'https://exemple.fr', contactEmail: 'a@exemple.fr' })).toMatchObject({ status: 'error' });
    const bad = await registerHarvester(db, admin, { name: '', url: 'ftp://user:pw@exemple.fr', contactEmail: 'pas-un-courriel' });
    expect(bad).toMatchObject({ status: 'error', values: { url: 'ftp://user:pw@exemple.fr' } });
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(['contactEmail', 'name', 'url']);
    expect(bad.errors?.url).toMatch(/http/);
    expect(await registerHarvester(db, admin, { name: 'x', url: 'https://moi:secret@exemple.fr/', contactEmail: 'a@exemple.fr' })).toMatchObject({
      status: 'error',
    });
    const good = await registerHarvester(db, admin, { name: 'Essai', url: 'https://exemple.fr/moisson', contactEmail: 'a@exemple.fr' });
    expect(good.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = await listHarvesters(admin, db);
    expect(JSON.stringify(listed)).not.toContain(good.secret!);
    expect(await listHarvesters(coordinator, db)).toEqual([]);
    expect(await setHarvester(db, coordinator, listed[0].id, 'remove')).toBe('forbidden');
    expect(await setHarvester(db, admin, listed[0].id, 'remove')).toBe('done');
  });

  it('posts the changes signed with the secret; a tampered body fails the check; the cursor moves on', async () => {
    const endpoint = await receiver(() => 204);
    try {
      const { secret, id } = await register(endpoint.url);
      const ids = await touch(3);
      const outcomes = await deliverDue(db);
      expect(outcomes.find((o) => o.harvesterId === id && o.result === 'delivered')?.count).toBe(3);
      expect(endpoint.received).toHaveLength(1);
      const [delivery] = endpoint.received;
      expect(verified(secret, delivery)).toBe(true);
      expect(verified(secret, { ...delivery, body: delivery.body.replace('Mis à jour', 'Mis a jour') })).toBe(false);
      expect(verified('un-autre-secret', delivery)).toBe(false);
      const body = JSON.parse(delivery.body) as { changements: Array<{ id: string; type: string; lieu: { id: string } }>; curseur: string };
      expect(body.changements.map((c) => c.id)).toEqual(ids);
      expect(body.changements.every((c) => c.type === 'modification' && c.lieu.id === c.id)).toBe(true);
      // The same cursor the public feed would give: a harvester can switch to polling from it.
      const page = await (
        await import('../../lib/export/changes-api')
      ).listChanges(
        new Request(`http://localhost/api/v1/changements?depuis=${encodeURIComponent(body.curseur)}`, { headers: { [PEER_HEADER]: '198.51.100.3' } }),
      );
      expect(page.status).toBe(200);
      // Nothing new: nothing posted.
      await db.harvester.update({ where: { id }, data: { nextAttemptAt: new Date() } });
      await deliverDue(db);
      expect(endpoint.received).toHaveLength(1);
      await db.harvester.delete({ where: { id } });
    } finally {
      await endpoint.close();
    }
  });

  it('retries a failing harvester with exponential back-off, then delivers the same batch once it answers', async () => {
    let failures = 2;
    const endpoint = await receiver(() => (failures-- > 0 ? 503 : 200));
    try {
      const { id } = await register(endpoint.url, 'Instable');
      await touch(2);
      const first = await deliverDue(db);
      expect(first.find((o) => o.harvesterId === id)).toMatchObject({ result: 'failed', error: 'réponse HTTP 503' });
      let row = await db.harvester.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(1);
      expect(row.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(DELIVERY.firstRetryMs - 5_000);
      expect((await deliverDue(db)).find((o) => o.harvesterId === id)).toBeUndefined(); // not due yet
      expect([1, 2, 3, 4, 20].map(retryDelay)).toEqual([30_000, 60_000, 120_000, 240_000, DELIVERY.maxRetryMs]);
      await db.harvester.update({ where: { id }, data: { nextAttemptAt: new Date() } });
      expect((await deliverDue(db)).find((o) => o.harvesterId === id)?.result).toBe('failed');
      row = await db.harvester.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(2);
      expect(row.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(2 * DELIVERY.firstRetryMs - 5_000);
      await db.harvester.update({ where: { id }, data: { nextAttemptAt: new Date() } });
      expect((await deliverDue(db)).find((o) => o.harvesterId === id)?.result).toBe('delivered');
      expect(new Set(endpoint.received.map((r) => r.body)).size).toBe(1); // the same batch each time
      row = await db.harvester.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ attempts: 0, failingSince: null, lastError: null });
      await db.harvester.delete({ where: { id } });
    } finally {
      await endpoint.close();
    }
  });

  it('a harvester that never answers costs the worker its timeout, not the API; after a day the worker gives up and mails the contact', async () => {
    const endpoint = await receiver(() => null);
    try {
      const { id } = await register(endpoint.url, 'Muet');
      await touch(1);
      // The worker waits on the silent harvester while the API answers at once.
      const delivering = deliverDue(db, { timeoutMs: 1_500 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      const api = await listPlaces(new Request('http://localhost/api/v1/lieux?limite=5', { headers: { [PEER_HEADER]: '198.51.100.4' } }));
      expect(api.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1_000);
      const outcomes = await delivering;
      expect(outcomes.find((o) => o.harvesterId === id)).toMatchObject({ result: 'failed', error: 'pas de réponse en 2 s' });
      expect(endpoint.received).toHaveLength(1);

      // Failing for more than a day: given up, the contact told by mail how to resume.
      await db.harvester.update({ where: { id }, data: { failingSince: new Date(Date.now() - DELIVERY.giveUpAfterMs - 60_000), nextAttemptAt: new Date() } });
      const last = await deliverDue(db, { timeoutMs: 500, baseUrl: 'https://reperes.example' });
      expect(last.find((o) => o.harvesterId === id)?.result).toBe('gave-up');
      const mail = sink.received.find((m) => m.to === 'moisson@exemple.fr');
      expect(mail).toBeTruthy();
      expect(mailSubject(mail!.raw)).toContain('Muet');
      const text = mailText(mail!.raw);
      expect(text).toContain(endpoint.url);
      expect(text).toContain('https://reperes.example/donnees/export/json');
      expect(text).toContain('X-Curseur-Changements');
      // Given up: no more posts until an admin resumes it.
      await db.harvester.update({ where: { id }, data: { nextAttemptAt: new Date() } });
      expect((await deliverDue(db, { timeoutMs: 500 })).find((o) => o.harvesterId === id)).toBeUndefined();
      expect(await setHarvester(db, admin, id, 'resume')).toBe('done');
      expect(await db.harvester.findUniqueOrThrow({ where: { id } })).toMatchObject({ gaveUpAt: null, attempts: 0, active: true });
    } finally {
      await endpoint.close();
    }
  });

  it('never posts into its own network: private destinations refused at registration and at delivery, redirects not followed', async () => {
    const endpoint = await receiver(() => 204);
    const target = await receiver(() => 204);
    const redirecting = await receiver(() => 307, { Location: target.url });
    try {
      // Production's default: no private address allowed.
      delete process.env.HARVESTER_ALLOW_PRIVATE_ADDRESSES;
      const urls = [
        endpoint.url,
        endpoint.url.replace('127.0.0.1', 'localhost'),
        'http://[::1]/moisson',
        'http://169.254.169.254/latest/meta-data/',
        'http://10.0.0.8/moisson',
        'http://2130706433/moisson',
        'https://[fd00::1]/moisson',
        'http://[::ffff:169.254.169.254]/',
      ];
      for (const url of urls) {
        const state = await registerHarvester(db, admin, { name: 'Interne', url, contactEmail: 'moisson@exemple.fr' });
        expect(state, url).toMatchObject({ status: 'error', message: 'Corrigez les champs signalés.', values: { url } });
        expect(state.errors?.url, url).toMatch(/^Adresse refusée : .* Repères n’envoie les changements qu’à une adresse publique d’Internet/);
      }
      expect((await registerHarvester(db, admin, { name: 'Interne', url: urls[3], contactEmail: 'm@exemple.fr' })).errors?.url).toContain(
        '169.254.169.254 : lien local, dont le service de métadonnées du nuage',
      );
      expect(await db.harvester.count({ where: { name: 'Interne' } })).toBe(0);

      // Registered while allowed, or under a name that resolved elsewhere then: delivery checks again, on the address connected to.
      process.env.HARVESTER_ALLOW_PRIVATE_ADDRESSES = ALLOW_RECEIVERS;
      const { id } = await register(endpoint.url, 'Interne');
      const { id: redirected } = await register(redirecting.url, 'Redirige');
      delete process.env.HARVESTER_ALLOW_PRIVATE_ADDRESSES;
      await touch(1);
      const refused = await deliverDue(db);
      expect(refused.find((o) => o.harvesterId === id)).toMatchObject({ result: 'failed', error: 'adresse refusée : 127.0.0.1 (boucle locale de ce serveur)' });
      await db.harvester.update({ where: { id }, data: { url: endpoint.url.replace('127.0.0.1', 'localhost'), nextAttemptAt: new Date() } });
      expect((await deliverDue(db)).find((o) => o.harvesterId === id)).toMatchObject({
        result: 'failed',
        error: expect.stringMatching(/^adresse refusée : 127\.0\.0\.1/),
      });
      expect(endpoint.received).toHaveLength(0);

      // Allowed again: the name delivers (it resolves to an allowed address); a redirect, even to an allowed address, is not followed.
      process.env.HARVESTER_ALLOW_PRIVATE_ADDRESSES = ALLOW_RECEIVERS;
      await db.harvester.updateMany({ where: { id: { in: [id, redirected] } }, data: { nextAttemptAt: new Date() } });
      const outcomes = await deliverDue(db);
      expect(outcomes.find((o) => o.harvesterId === id)?.result).toBe('delivered');
      expect(outcomes.find((o) => o.harvesterId === redirected)).toMatchObject({ result: 'failed', error: 'redirection refusée (HTTP 307)' });
      expect(redirecting.received.length).toBeGreaterThan(0);
      expect(target.received).toHaveLength(0);
      await db.harvester.deleteMany({ where: { id: { in: [id, redirected] } } });
    } finally {
      process.env.HARVESTER_ALLOW_PRIVATE_ADDRESSES = ALLOW_RECEIVERS;
      await Promise.all([endpoint.close(), target.close(), redirecting.close()]);
    }
  });

  it('signature() is HMAC-SHA256 of "timestamp.body" in hex', () => {
    expect(signature('k', '1', 'b')).toBe(`sha256=${createHmac('sha256', 'k').update('1.b').digest('hex')}`);
  });
});
