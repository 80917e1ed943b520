// The webhook worker (issue #22): pushes the change feed to each registered harvester, off the
// request path (scripts/harvester-webhooks.ts, run every minute by a schedule). A delivery is a
// POST of at most BATCH changes, signed: X-Reperes-Signature = "sha256=" + HMAC-SHA256(secret,
// timestamp + "." + body), the timestamp in X-Reperes-Horodatage. A 2xx moves the harvester's
// cursor on; anything else (an error status, a refused connection, no answer within the timeout)
// is retried with exponential back-off, and after a day of failures the worker gives up and mails
// the harvester's contact. A harvester that answers slowly or never costs the worker its timeout,
// never the app: nothing here runs in a request, and no transaction stays open during the POST
// (an open transaction would hold the feed back for everyone). It posts only to public addresses,
// checked on the address the socket connects to, and follows no redirect (destination.ts). After a
// restore (feedResetAt, set by lib/export/feed-reset.ts), the first POST is a notice,
// {"reinitialisation": {...}, "changements": []} with X-Reperes-Reinitialisation: 1, and once it is
// acknowledged the contact is mailed the way to resynchronise; changes follow from the restore on.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Harvester, PrismaClient } from '@prisma/client';
import { encodeCursor, feedState, type Position, readChanges, resetDetail, RESYNC } from '../export/changes';
import { sendMail } from '../mail';
import { addressRefusal, guardedLookup, literalAddress, RefusedDestination } from './destination';

type Db = PrismaClient;

export const DELIVERY = {
  batch: 100,
  timeoutMs: 10_000,
  /** the first retry after 30 s, then doubling, at most an hour apart */
  firstRetryMs: 30_000,
  maxRetryMs: 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
  /** how long a claimed harvester stays out of other workers' reach */
  leaseMs: 120_000,
  /** an idle harvester is looked at again after */
  idleMs: 60_000,
};

export type DeliveryOptions = { now?: () => Date; timeoutMs?: number; baseUrl?: string };
export type DeliveryOutcome = { harvesterId: string; result: 'delivered' | 'reset-notified' | 'idle' | 'failed' | 'gave-up'; count: number; error?: string };

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function retryDelay(attempts: number): number {
  return Math.min(DELIVERY.maxRetryMs, DELIVERY.firstRetryMs * 2 ** Math.max(0, attempts - 1));
}

/** Takes one due harvester for this worker (a lease, so two workers never post the same batch). */
async function claim(db: Db, now: Date): Promise<Harvester | null> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "Harvester" SET "nextAttemptAt" = ${new Date(now.getTime() + DELIVERY.leaseMs)}
    WHERE id = (SELECT id FROM "Harvester" WHERE active AND "gaveUpAt" IS NULL AND "nextAttemptAt" <= ${now}
                ORDER BY "nextAttemptAt" FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING id::text AS id`;
  return rows[0] ? db.harvester.findUnique({ where: { id: rows[0].id } }) : null;
}

/**
 * One POST; the error in French when it did not succeed. Only to an allowed address (destination.ts:
 * an address in the URL is checked here, a name by the socket's own lookup, so the address checked
 * is the one connected to); redirects are not followed (a 3xx is a failure); the answer's body is not read.
 */
function post(target: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<string | null> {
  const url = new URL(target);
  const literal = literalAddress(url.hostname);
  const refused = literal && addressRefusal(literal);
  if (literal && refused) return Promise.resolve(new RefusedDestination(literal, refused).message);
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        // A connection of its own (no pool), opened to the address guardedLookup checked.
        agent: false,
        lookup: guardedLookup(),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.destroy();
        resolve(status >= 200 && status < 300 ? null : status >= 300 && status < 400 ? `redirection refusée (HTTP ${status})` : `réponse HTTP ${status}`);
      },
    );
    request.on('error', (error: Error & { code?: string }) => {
      if (error instanceof RefusedDestination) resolve(error.message);
      else if (error.name === 'AbortError' || error.name === 'TimeoutError') resolve(`pas de réponse en ${Math.round(timeoutMs / 1000)} s`);
      else if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') resolve(`nom introuvable : ${url.hostname}`);
      else resolve('connexion impossible');
    });
    request.end(body);
  });
}

async function giveUp(db: Db, harvester: Harvester, now: Date, error: string, baseUrl: string) {
  await db.harvester.update({ where: { id: harvester.id }, data: { gaveUpAt: now, attempts: { increment: 1 }, lastError: error } });
  await sendMail(db, {
    to: harvester.contactEmail,
    subject: `Repères : envoi des changements interrompu pour « ${harvester.name} »`,
    text: [
      'Bonjour,',
      '',
      `Depuis le ${harvester.failingSince?.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) ?? now.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}, votre adresse ${harvester.url} ne reçoit plus les changements de Repères (dernière erreur : ${error}).`,
      'Après 24 heures d’essais, nous avons arrêté les envois.',
      '',
      'Pour reprendre :',
      `1. relisez l’export complet (${baseUrl}/donnees/export/json) et gardez le curseur de son en-tête X-Curseur-Changements ;`,
      `2. suivez ${baseUrl}/api/v1/changements?depuis=<ce curseur>, ou demandez à l’administration de Repères de réactiver les envois.`,
      '',
      'Ceci est un message automatique.',
    ].join('\n'),
  });
}

type Outgoing = { body: string; cursor: string; next: Position; count: number; notice: boolean };

/**
 * What to post next: the reset notice when a restore reset the feed (before any change), else the
 * next batch; null when there is nothing to send.
 */
async function nextDelivery(db: Db, harvester: Harvester): Promise<Outgoing | null> {
  const from = { txid: harvester.cursorTxid, id: harvester.cursorId };
  if (harvester.feedResetAt) {
    const state = await feedState(db);
    const cursor = encodeCursor(state.key, from);
    const reinitialisation = {
      date: harvester.feedResetAt.toISOString(),
      detail: resetDetail(state.resetAt ?? harvester.feedResetAt),
      resynchronisation: RESYNC,
    };
    return { body: JSON.stringify({ reinitialisation, changements: [], curseur: cursor }), cursor, next: from, count: 0, notice: true };
  }
  const { changes, next } = await readChanges(db, from, DELIVERY.batch);
  if (changes.length === 0) return null;
  // The key after the read. A restore in between also set feedResetAt: the cursor does not move below, the notice goes next.
  const key = (await feedState(db)).key;
  const cursor = encodeCursor(key, next);
  return {
    body: JSON.stringify({ changements: changes, depuis: encodeCursor(key, from), curseur: cursor }),
    cursor,
    next,
    count: changes.length,
    notice: false,
  };
}

async function mailReset(db: Db, harvester: Harvester, baseUrl: string) {
  await sendMail(db, {
    to: harvester.contactEmail,
    subject: `Repères : données restaurées, resynchronisez « ${harvester.name} »`,
    text: [
      'Bonjour,',
      '',
      `Les données de Repères ont été restaurées depuis une sauvegarde${harvester.feedResetAt ? ` le ${harvester.feedResetAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}` : ''}.`,
      `Votre copie, tenue à jour par les envois à ${harvester.url}, peut contenir des changements que cette restauration a annulés.`,
      '',
      'Pour vous resynchroniser :',
      `1. relisez l’export complet (${baseUrl}/donnees/export/json) et remplacez votre copie par son contenu ;`,
      '2. les envois de changements continuent d’eux-mêmes à partir de la restauration (un changement déjà dans l’export peut revenir : l’appliquer donne le même lieu).',
      `Si vous suivez aussi ${baseUrl}/api/v1/changements, reprenez avec le curseur de l’en-tête X-Curseur-Changements de l’export : les curseurs d’avant la restauration sont refusés.`,
      '',
      'Ceci est un message automatique.',
    ].join('\n'),
  });
}

/** Delivers the next batch (or the reset notice) to one harvester and records the outcome. */
export async function deliverTo(db: Db, harvester: Harvester, options: DeliveryOptions = {}): Promise<DeliveryOutcome> {
  const now = options.now?.() ?? new Date();
  const outgoing = await nextDelivery(db, harvester);
  if (!outgoing) {
    await db.harvester.update({ where: { id: harvester.id }, data: { nextAttemptAt: new Date(now.getTime() + DELIVERY.idleMs) } });
    return { harvesterId: harvester.id, result: 'idle', count: 0 };
  }
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'Reperes-Moisson/1',
    'X-Reperes-Horodatage': timestamp,
    'X-Reperes-Signature': signature(harvester.secret, timestamp, outgoing.body),
    'X-Reperes-Livraison': outgoing.cursor,
  };
  if (outgoing.notice) headers['X-Reperes-Reinitialisation'] = '1';
  const error = await post(harvester.url, outgoing.body, headers, options.timeoutMs ?? DELIVERY.timeoutMs);
  const after = options.now?.() ?? new Date();
  const baseUrl = options.baseUrl ?? 'http://localhost:3000';
  if (!error) {
    // Only if no restore reset the harvester meanwhile (its notice then goes next); Prisma's dates stop at the millisecond.
    const resetAt = harvester.feedResetAt;
    const moved = await db.harvester.updateMany({
      where: { id: harvester.id, feedResetAt: resetAt ? { gte: resetAt, lt: new Date(resetAt.getTime() + 1) } : null },
      data: {
        cursorTxid: outgoing.next.txid,
        cursorId: outgoing.next.id,
        feedResetAt: null,
        attempts: 0,
        failingSince: null,
        lastError: null,
        lastDeliveredAt: after,
        nextAttemptAt: after,
      },
    });
    if (outgoing.notice && moved.count) await mailReset(db, harvester, baseUrl);
    return { harvesterId: harvester.id, result: outgoing.notice ? 'reset-notified' : 'delivered', count: outgoing.count };
  }
  const failingSince = harvester.failingSince ?? now;
  if (after.getTime() - failingSince.getTime() >= DELIVERY.giveUpAfterMs) {
    await giveUp(db, { ...harvester, failingSince }, after, error, baseUrl);
    return { harvesterId: harvester.id, result: 'gave-up', count: 0, error };
  }
  const attempts = harvester.attempts + 1;
  await db.harvester.update({
    where: { id: harvester.id },
    data: { attempts, failingSince, lastError: error, nextAttemptAt: new Date(after.getTime() + retryDelay(attempts)) },
  });
  return { harvesterId: harvester.id, result: 'failed', count: 0, error };
}

/**
 * Delivers to every due harvester, several at once (one slow harvester holds only its own slot),
 * until none is due or `maxRounds` deliveries were made.
 */
export async function deliverDue(db: Db, options: DeliveryOptions & { concurrency?: number; maxRounds?: number } = {}): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  let rounds = options.maxRounds ?? 1000;
  const worker = async () => {
    while (rounds-- > 0) {
      const harvester = await claim(db, options.now?.() ?? new Date());
      if (!harvester) return;
      outcomes.push(await deliverTo(db, harvester, options));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return outcomes;
}
