// The coordinator dashboard (who may see it, what it counts) and update campaigns (links that
// work once, expire, act only on their own place; opt-outs honoured; one reminder), on the demo data.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/permissions';
import {
  candidatePlaces,
  campaignProgress,
  confirmListing,
  openCampaignLink,
  optOut,
  proposeCorrection,
  reportClosed,
  sendReminders,
  startCampaign,
} from '../../lib/campaigns';
import { correctionView } from '../../lib/campaigns/view';
import { reviewRevision } from '../../lib/editing/update';
import { managedNetworks, networkDashboard } from '../../lib/networks/dashboard';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';
import { mailSubject, mailText, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

const db = testDb();
const BASE = 'http://localhost:3000';
const DAY = 24 * 3600 * 1000;

// Campaign mail goes through a real SMTP sink: the outbox copy masks the links' tokens.
let sink: SmtpSink;

/** The links sent to an address, newest first, read from the mail as the contact would. */
async function linksTo(email: string) {
  const messages = sink.received.filter((m) => m.to === email).reverse();
  return messages.map((m) => ({ subject: mailSubject(m.raw), token: mailText(m.raw).match(/\/mise-a-jour\/([\w-]+)/)![1] }));
}

/** The correction form as the campaign page fills it for a place (what a contact who changes nothing sends). */
const formOf = async (placeId: string) => correctionView(await db.place.findUniqueOrThrow({ where: { id: placeId } })).form.values;

const sentTo = (email: string) => sink.received.filter((m) => m.to === email).length;

let admin: SessionUser, coordinator: SessionUser, otherCoordinator: SessionUser, editor: SessionUser;
let cybanjou: { id: string };

/** The demo data as seeded, and the accounts and network read from it (their ids change with each seed). */
async function freshDemo() {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  ({ admin, coordinator, hubCoordinator: otherCoordinator, editor } = await demoUsers(db));
  cybanjou = await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } });
}

beforeAll(async () => {
  await freshDemo();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
}, 120_000);
afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
  await resetDatabase(db);
});

describe('the coordinator dashboard', () => {
  it('is for the network’s coordinators and admins only', async () => {
    expect(await networkDashboard(coordinator, 'cybanjou', undefined, db)).not.toBeNull();
    expect(await networkDashboard(admin, 'cybanjou', undefined, db)).not.toBeNull();
    expect(await networkDashboard(admin, 'hub-pdl', undefined, db)).not.toBeNull();
    expect(await networkDashboard(otherCoordinator, 'cybanjou', undefined, db)).toBeNull();
    expect(await networkDashboard(editor, 'cybanjou', undefined, db)).toBeNull();
    expect(await networkDashboard(coordinator, 'nexiste-pas', undefined, db)).toBeNull();
    expect((await managedNetworks(coordinator, db)).map((n) => n.slug)).toEqual(['cybanjou']);
    expect(await managedNetworks(editor, db)).toEqual([]);
    expect((await managedNetworks(admin, db)).length).toBe(2);
  });

  it('counts places by status, freshness oldest first, completeness least complete first', async () => {
    const dashboard = (await networkDashboard(coordinator, 'cybanjou', undefined, db))!;
    const total = await db.place.count({ where: { networks: { some: { networkId: cybanjou.id } } } });
    expect(dashboard.byStatus.PUBLISHED + dashboard.byStatus.DRAFT + dashboard.byStatus.ARCHIVED).toBe(total);
    const oldest = dashboard.freshness.oldest;
    expect(oldest.length).toBe(dashboard.freshness.over6);
    expect(dashboard.freshness.over12).toBeLessThanOrEqual(dashboard.freshness.over6);
    for (let i = 1; i < oldest.length; i++) expect(oldest[i - 1].dateMaj.getTime()).toBeLessThanOrEqual(oldest[i].dateMaj.getTime());
    expect(oldest.every((p) => p.months >= 6)).toBe(true);
    const least = dashboard.completeness.least;
    for (let i = 1; i < least.length; i++) expect(least[i - 1].score).toBeLessThanOrEqual(least[i].score);
    expect(least[0].missing.length).toBeGreaterThan(0);
    expect(dashboard.pending.suggestions.length).toBe(
      await db.suggestion.count({ where: { state: 'PENDING', place: { networks: { some: { networkId: cybanjou.id } } } } }),
    );
  });
});

describe('update campaigns', () => {
  let stale: Awaited<ReturnType<typeof candidatePlaces>>;
  const now = new Date();

  // Each test starts from the demo data as seeded (campaigns confirm, correct and opt out), so
  // none depends on another having run before it.
  beforeEach(async () => {
    await freshDemo();
    sink.received.length = 0;
    stale = await candidatePlaces(db, cybanjou.id, 'annee', now);
  }, 120_000);

  it('selects the stale places and refuses people who do not manage the network', async () => {
    expect(stale.length).toBeGreaterThanOrEqual(3);
    const firstOfYear = new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
    expect(stale.every((p) => p.dateMaj < firstOfYear)).toBe(true);
    const input = {
      networkId: cybanjou.id,
      name: 'Printemps',
      placeIds: stale.slice(0, 3).map((p) => p.id),
      reminderAfterDays: 7,
      validDays: 30,
      baseUrl: BASE,
    };
    expect(await startCampaign(db, otherCoordinator, input)).toEqual({ status: 'forbidden' });
    expect(await startCampaign(db, editor, input)).toEqual({ status: 'forbidden' });
    // A place of another network cannot be slipped into the selection.
    const foreign = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED', networks: { none: { networkId: cybanjou.id } } } });
    expect((await startCampaign(db, coordinator, { ...input, placeIds: [...input.placeIds, foreign.id] })).status).toBe('invalid');
    expect(await db.outboxMessage.count()).toBe(0);
    expect(sink.received).toHaveLength(0);
  });

  it('emails each contact a link that works once, expires and acts only on its own place', async () => {
    const chosen = stale.filter((p) => p.email).slice(0, 3);
    const started = await startCampaign(db, coordinator, {
      networkId: cybanjou.id,
      name: 'Printemps',
      placeIds: chosen.map((p) => p.id),
      reminderAfterDays: 7,
      validDays: 30,
      baseUrl: BASE,
      now,
    });
    expect(started).toMatchObject({ status: 'started', sent: 3, withoutEmail: 0 });
    const [a, b, c] = chosen;
    const tokenA = (await linksTo(a.email!))[0].token;
    const tokenB = (await linksTo(b.email!))[0].token;
    // Only hashes are stored.
    expect(await db.campaignTarget.count({ where: { tokenHash: tokenA } })).toBe(0);

    const opened = await openCampaignLink(db, tokenA, now);
    expect(opened.status).toBe('ok');
    if (opened.status === 'ok') expect(opened.place.id).toBe(a.id);
    // A's link cannot confirm B.
    expect(await confirmListing(db, { token: tokenA, placeId: b.id, now })).toEqual({ status: 'invalid' });
    expect((await db.place.findUniqueOrThrow({ where: { id: b.id } })).dateMaj).toEqual(b.dateMaj);

    expect(await confirmListing(db, { token: tokenA, placeId: a.id, now })).toEqual({ status: 'done' });
    expect((await db.place.findUniqueOrThrow({ where: { id: a.id } })).dateMaj.toISOString().slice(0, 10)).toBe(now.toISOString().slice(0, 10));
    // Single use.
    expect(await confirmListing(db, { token: tokenA, placeId: a.id, now })).toEqual({ status: 'used' });
    expect((await openCampaignLink(db, tokenA, now)).status).toBe('used');

    // Expired after the campaign's validity.
    const later = new Date(now.getTime() + 31 * DAY);
    expect((await openCampaignLink(db, tokenB, later)).status).toBe('expired');
    expect(await confirmListing(db, { token: tokenB, placeId: b.id, now: later })).toEqual({ status: 'expired' });

    // B proposes corrections: a pending revision and a report in the review queue.
    const invalid = await proposeCorrection(db, {
      token: tokenB,
      placeId: b.id,
      values: { ...(await formOf(b.id)), phone: 'pas un numéro' },
      message: '',
      now,
    });
    expect(invalid.status).toBe('errors');
    const corrected = await proposeCorrection(db, {
      token: tokenB,
      placeId: b.id,
      values: { ...(await formOf(b.id)), phone: '02 61 91 12 34' },
      message: 'Nous avons un nouveau numéro.',
      now,
    });
    expect(corrected).toEqual({ status: 'done' });
    const revision = await db.placeRevision.findFirstOrThrow({ where: { placeId: b.id, state: 'PENDING', authorLabel: { contains: 'Printemps' } } });
    expect((revision.changes as Record<string, { after: unknown }>).phone.after).toBe('+33261911234');
    expect(await db.suggestion.count({ where: { placeId: b.id, state: 'PENDING', message: { contains: 'nouveau numéro' } } })).toBe(1);
    expect((await db.place.findUniqueOrThrow({ where: { id: b.id } })).phone).not.toBe('+33261911234');
    expect(await reviewRevision(db, coordinator, { revisionId: revision.id, decision: 'apply' })).toEqual({ status: 'applied' });
    expect((await db.place.findUniqueOrThrow({ where: { id: b.id } })).phone).toBe('+33261911234');

    // C says the place closed.
    const tokenC = (await linksTo(c.email!))[0].token;
    expect(await reportClosed(db, { token: tokenC, placeId: c.id, message: 'Fermé depuis mars.', now })).toEqual({ status: 'done' });
    expect(await db.suggestion.count({ where: { placeId: c.id, part: 'CLOSED', state: 'PENDING' } })).toBe(1);

    const progress = (await campaignProgress(db, coordinator, (started as { campaignId: string }).campaignId))!;
    expect(progress.counts).toMatchObject({ targets: 3, sent: 3, opened: 1, confirmed: 1, corrected: 1, closed: 1, noAnswer: 0, responseRate: 100 });
    expect(await campaignProgress(db, otherCoordinator, (started as { campaignId: string }).campaignId)).toBeNull();
  });

  it('never emails a contact marked as wrong, and sends one reminder to non-responders after the delay', async () => {
    const chosen = stale.filter((p) => p.email).slice(0, 3);
    const [a, b, c] = chosen;
    const first = await startCampaign(db, coordinator, {
      networkId: cybanjou.id,
      name: 'Été',
      placeIds: [a.id, b.id],
      reminderAfterDays: 7,
      validDays: 30,
      baseUrl: BASE,
      now,
    });
    expect(first).toMatchObject({ sent: 2 });
    // A's contact is not the right person; B unsubscribes.
    expect(await optOut(db, { token: (await linksTo(a.email!))[0].token, placeId: a.id, reason: 'wrong_contact', now })).toEqual({ status: 'done' });
    expect(await optOut(db, { token: (await linksTo(b.email!))[0].token, placeId: c.id, reason: 'unsubscribed', now })).toEqual({ status: 'invalid' });
    expect(await optOut(db, { token: (await linksTo(b.email!))[0].token, placeId: b.id, reason: 'unsubscribed', now })).toEqual({ status: 'done' });

    const second = await startCampaign(db, coordinator, {
      networkId: cybanjou.id,
      name: 'Automne',
      placeIds: [a.id, b.id, c.id],
      reminderAfterDays: 7,
      validDays: 30,
      baseUrl: BASE,
      now,
    });
    expect(second).toMatchObject({ status: 'started', sent: 1, withoutEmail: 2 });
    // Only the first campaign's messages reached A and B.
    expect(sentTo(a.email!)).toBe(1);
    expect(sentTo(b.email!)).toBe(1);
    expect(sentTo(c.email!)).toBe(1);
    const campaignId = (second as { campaignId: string }).campaignId;
    const progress = (await campaignProgress(db, coordinator, campaignId))!;
    expect(progress.toCall.map((t) => t.placeId).sort()).toEqual([a.id, b.id].sort());

    // Before the delay: nothing; after it: one reminder to C only, once, with a new link that replaces the old one.
    const oldToken = (await linksTo(c.email!))[0].token;
    expect(await sendReminders(db, { campaignId, baseUrl: BASE, now: new Date(now.getTime() + 3 * DAY) })).toBe(0);
    expect(await sendReminders(db, { campaignId, baseUrl: BASE, now: new Date(now.getTime() + 8 * DAY) })).toBe(1);
    expect(await sendReminders(db, { campaignId, baseUrl: BASE, now: new Date(now.getTime() + 9 * DAY) })).toBe(0);
    const [reminder] = await linksTo(c.email!);
    expect(reminder.subject).toMatch(/^Rappel — /);
    expect((await openCampaignLink(db, oldToken, now)).status).toBe('invalid');
    expect(await confirmListing(db, { token: reminder.token, placeId: c.id, now })).toEqual({ status: 'done' });
  });
});
