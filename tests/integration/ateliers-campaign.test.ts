// An update campaign asks the place to confirm its coming ateliers, on the real database: the
// personal link lists the place's coming sessions; confirming cancels the ticked ones only, writes
// them in the place's history and mails their registrants; a ticked id of another place's session
// (a forged form) is ignored; a used link cancels nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comingSessionsToConfirm } from '../../lib/ateliers/campaign';
import { register } from '../../lib/ateliers/registration';
import { createAtelier } from '../../lib/ateliers/store';
import { hashToken } from '../../lib/auth/tokens';
import { confirmListing } from '../../lib/campaigns';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';
import { mailSubject, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

const db = testDb();
const now = new Date('2027-04-05T08:00:00Z');
let users: Awaited<ReturnType<typeof demoUsers>>;
let placeId: string;
let otherPlaceId: string;
let sink: SmtpSink;
const previousSmtp = process.env.SMTP_URL;
const TOKEN = 'jeton-de-campagne-ateliers-0123456789abcdef';

const atelier = (title: string, extra: Record<string, string> = {}) => ({
  title,
  summary: 'Pour bien commencer.',
  themes: ['MaitriseDesOutilsNumeriquesDuQuotidien'],
  date: '2027-04-13',
  start: '14:00',
  end: '16:00',
  ...extra,
});

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  users = await demoUsers(db);
  placeId = users.editor.placeIds[0];
  otherPlaceId = (await db.place.findFirstOrThrow({ where: { id: { notIn: users.editor.placeIds } } })).id;
  await db.atelier.deleteMany({ where: { placeId: { in: [placeId, otherPlaceId] } } }); // demo ateliers aside
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  const network = await db.networkMembership.findFirstOrThrow({ where: { placeId } });
  const campaign = await db.campaign.create({ data: { networkId: network.networkId, name: 'Printemps', expiresAt: new Date('2027-05-01T00:00:00Z') } });
  await db.campaignTarget.create({ data: { campaignId: campaign.id, placeId, email: 'contact@lieu.example.org', tokenHash: hashToken(TOKEN), state: 'SENT' } });
}, 60_000);

afterAll(async () => {
  process.env.SMTP_URL = previousSmtp;
  if (previousSmtp === undefined) delete process.env.SMTP_URL;
  await sink.close();
});

describe('a campaign asks about the coming ateliers', () => {
  it('cancels only the ticked sessions of the place, in its history, and tells who registered', async () => {
    const weekly = await createAtelier(
      db,
      users.editor,
      placeId,
      atelier('Prendre en main son smartphone', { repetition: 'weekly', until: '2027-06-30', registrationMode: 'REPERES', capacity: '8' }),
      now,
    );
    const other = await createAtelier(db, users.admin, otherPlaceId, atelier('Atelier d’un autre lieu'), now);
    expect(weekly.ok && other.ok).toBe(true);
    if (!weekly.ok || !other.ok) return;

    const listed = await comingSessionsToConfirm(db, placeId, now);
    expect(listed.map((s) => s.title)).toEqual(Array(8).fill('Prendre en main son smartphone')); // 60 days ahead: 13 April … 1 June
    expect(listed[0].when).toBe('mardi 13 avril 2027, 14 h 00 – 16 h 00');
    const [first, second] = listed;

    resetMemoryLimits();
    const registered = await register(
      db,
      { sessionId: second.id, firstName: 'Amina', email: 'amina@example.org', phone: '', clientKey: 'k-campagne' },
      'http://localhost:3000',
      now,
    );
    expect(registered).toMatchObject({ status: 'registered' });
    const foreign = (await db.atelierSession.findFirstOrThrow({ where: { atelierId: other.id } })).id;

    expect(await confirmListing(db, { token: TOKEN, placeId, cancelSessionIds: [second.id, foreign, 'pas-un-id'], now })).toEqual({ status: 'done' });
    const states = await db.atelierSession.findMany({ where: { id: { in: [first.id, second.id, foreign] } }, select: { id: true, cancelledAt: true } });
    expect(Object.fromEntries(states.map((s) => [s.id, s.cancelledAt !== null]))).toEqual({ [first.id]: false, [second.id]: true, [foreign]: false });

    const history = await db.placeRevision.findMany({ where: { placeId, kind: 'ATELIER', authorLabel: { not: null } } });
    expect(history).toHaveLength(1);
    expect(history[0].authorLabel).toBe('Contact du lieu (campagne « Printemps »)');
    expect(Object.keys(history[0].changes as object)).toEqual([`Séance de « Prendre en main son smartphone », ${second.when}`]);
    expect(sink.received.filter((m) => m.to === 'amina@example.org').map((m) => mailSubject(m.raw))).toContainEqual(expect.stringMatching(/annul/i));

    // Used: nothing more is cancelled.
    expect(await confirmListing(db, { token: TOKEN, placeId, cancelSessionIds: [first.id], now })).toEqual({ status: 'used' });
    expect((await db.atelierSession.findUniqueOrThrow({ where: { id: first.id } })).cancelledAt).toBeNull();
  });
});
