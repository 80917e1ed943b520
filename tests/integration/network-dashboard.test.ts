// The coordinator's dashboard of issue #23 on the demo data: freshness today and over 12 months
// rebuilt from the places' history, each campaign's answers, the list to call and its CSV, the review
// queue's age, the communes furthest from the network's places; and who may read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/permissions';
import { callListCsv, candidatePlaces, confirmListing, csvCell, startCampaign } from '../../lib/campaigns';
import { importCommunes } from '../../lib/coverage/communes';
import { confirmToday } from '../../lib/editing/update';
import { callListCsvFor, networkCallList, networkDashboard, networkOverview, reviewQueueAge } from '../../lib/networks/dashboard';
import { bandAt, networkFreshness } from '../../lib/networks/freshness';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const BASE = 'http://localhost:3000';
const DAY = 24 * 3600 * 1000;

let admin: SessionUser, coordinator: SessionUser, otherCoordinator: SessionUser, editor: SessionUser;
let cybanjou: { id: string; territory: string[] };

beforeAll(async () => {
  delete process.env.SMTP_URL;
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  ({ admin, coordinator, hubCoordinator: otherCoordinator, editor } = await demoUsers(db));
  cybanjou = await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } });
}, 120_000);
afterAll(() => resetDatabase(db));

describe('freshness', () => {
  it('bands a date by calendar months, and an unconfirmed place as never', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    expect(bandAt(new Date('2026-07-01'), true, now)).toBe('fresh');
    expect(bandAt(new Date('2026-06-06'), true, now)).toBe('aging');
    expect(bandAt(new Date('2025-12-07'), true, now)).toBe('aging');
    expect(bandAt(new Date('2025-12-06'), true, now)).toBe('stale');
    expect(bandAt(new Date('2026-12-01'), false, now)).toBe('never');
  });

  it('counts every live place today, and the last month of the history is today', async () => {
    const f = await networkFreshness(db, cybanjou.id);
    const live = await db.place.count({ where: { networks: { some: { networkId: cybanjou.id } }, status: { not: 'ARCHIVED' } } });
    expect(f.today.fresh + f.today.aging + f.today.stale + f.today.never).toBe(live);
    expect(f.points.length + f.withoutPosition).toBe(live);
    expect(f.history).toHaveLength(12);
    expect(f.history.at(-1)!.counts).toEqual(f.today);
    // The demo places entered Repères on their confirmation day: earlier months count fewer of them.
    expect(f.history[0].total).toBeLessThan(live);
    expect(f.today.stale).toBeGreaterThan(0);
  });

  it('a confirmation today changes today, not the months before it (rebuilt from the revision’s “before”)', async () => {
    const before = await networkFreshness(db, cybanjou.id);
    const stale = (await db.place.findMany({ where: { networks: { some: { networkId: cybanjou.id } }, status: 'PUBLISHED' }, orderBy: { dateMaj: 'asc' } }))[0];
    expect(await confirmToday(db, coordinator, stale.id)).toEqual({ status: 'done' });
    const after = await networkFreshness(db, cybanjou.id);
    expect(after.today.fresh).toBe(before.today.fresh + 1);
    expect(after.today.fresh + after.today.aging + after.today.stale + after.today.never).toBe(
      before.today.fresh + before.today.aging + before.today.stale + before.today.never,
    );
    expect(after.history.slice(0, 11).map((m) => m.counts)).toEqual(before.history.slice(0, 11).map((m) => m.counts));
    expect(after.points.find((p) => p.id === stale.id)!.band).toBe('fresh');
  });
});

describe('campaigns on the dashboard', () => {
  let withoutEmail: { id: string; name: string; phone: string | null };

  beforeAll(async () => {
    let stale = await candidatePlaces(db, cybanjou.id, '6mois');
    // One stale place with a phone loses its addresses: it can only be called.
    const phoned = stale.find((p) => p.phone)!;
    await db.place.update({ where: { id: phoned.id }, data: { emails: [] } });
    stale = await candidatePlaces(db, cybanjou.id, '6mois');
    const reachable = stale.filter((p) => p.email);
    withoutEmail = stale.find((p) => p.id === phoned.id)!;
    // A name a spreadsheet would run as a formula.
    await db.place.update({ where: { id: withoutEmail.id }, data: { name: '=HYPERLINK("http://evil.example","x")' } });
    const started = await startCampaign(db, coordinator, {
      networkId: cybanjou.id,
      name: 'Automne',
      placeIds: [reachable[0].id, reachable[1].id, withoutEmail.id],
      reminderAfterDays: 7,
      validDays: 30,
      baseUrl: BASE,
    });
    expect(started.status).toBe('started');
  });

  it('counts each campaign’s answers', async () => {
    const { rates } = await networkOverview(cybanjou);
    expect(rates).toHaveLength(1);
    expect(rates[0]).toMatchObject({ name: 'Automne', targets: 3, sent: 2, opened: 0, confirmed: 0, corrected: 0, closed: 0, noAnswer: 2 });
  });

  it('lists the place without an address to call, with its phone number', async () => {
    const list = (await networkCallList(coordinator, 'cybanjou', db))!;
    const row = list.rows.find((r) => r.placeId === withoutEmail.id)!;
    expect(row.why).toBe('pas d’adresse électronique utilisable');
    expect(row.phone).toMatch(/^0\d( \d\d){4}$/);
    expect(list.rows).toHaveLength(1);
  });

  it('a later answer takes the place off the list, and the rates follow', async () => {
    // A second campaign reaches the same place by email this time; its contact confirms.
    await db.place.update({ where: { id: withoutEmail.id }, data: { emails: ['appel@example.org'] } });
    const started = await startCampaign(db, coordinator, {
      networkId: cybanjou.id,
      name: 'Hiver',
      placeIds: [withoutEmail.id],
      reminderAfterDays: 7,
      validDays: 30,
      baseUrl: BASE,
    });
    const target = await db.campaignTarget.findFirstOrThrow({ where: { campaignId: (started as { campaignId: string }).campaignId } });
    // The mail's token is masked in the outbox: set a known one, as the contact's link would carry.
    const { hashToken } = await import('../../lib/auth/tokens');
    await db.campaignTarget.update({ where: { id: target.id }, data: { tokenHash: hashToken('jeton-de-test-hiver') } });
    expect((await confirmListing(db, { token: 'jeton-de-test-hiver', placeId: withoutEmail.id })).status).toBe('done');
    expect((await networkCallList(coordinator, 'cybanjou', db))!.rows).toHaveLength(0);
    const { rates } = await networkOverview(cybanjou);
    expect(rates.map((r) => [r.name, r.confirmed])).toEqual([
      ['Hiver', 1],
      ['Automne', 0],
    ]);
  });

  it('writes a CSV for Excel: BOM, French headers, formulas neutralised', () => {
    const csv = callListCsv(
      [
        {
          placeId: 'p1',
          name: '=HYPERLINK("http://evil.example","x")',
          commune: '+Angers',
          phone: '02 41 00 00 00',
          email: '@moi',
          campaign: '-1',
          campaignId: 'c',
          why: 'mauvais contact',
          dateMaj: new Date('2025-01-02'),
        },
      ],
      (id) => `${BASE}/admin/lieux/${id}`,
    );
    expect(csv.startsWith('\uFEFF"Lieu";"Commune";"Téléphone";"Courriel";"Pourquoi appeler"')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")";"'+Angers";"02 41 00 00 00";"'@moi";"mauvais contact";"'-1";"2025-01-02"`);
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('the CSV and the list are refused to another network’s coordinator and to an editor', async () => {
    expect(await callListCsvFor(coordinator, 'cybanjou', BASE, db)).not.toBeNull();
    expect(await callListCsvFor(admin, 'cybanjou', BASE, db)).not.toBeNull();
    for (const user of [otherCoordinator, editor]) {
      expect(await callListCsvFor(user, 'cybanjou', BASE, db)).toBeNull();
      expect(await networkCallList(user, 'cybanjou', db)).toBeNull();
      expect(await networkDashboard(user, 'cybanjou', undefined, db)).toBeNull();
    }
    expect(await callListCsvFor(coordinator, 'hub-pdl', BASE, db)).toBeNull();
    expect(await callListCsvFor(coordinator, 'nexiste-pas', BASE, db)).toBeNull();
  });
});

describe('review queue and coverage', () => {
  it('gives the age of the oldest change or report waiting', async () => {
    const data = (await networkDashboard(coordinator, 'cybanjou', undefined, db))!;
    const now = new Date();
    const age = reviewQueueAge(data.pending, now)!;
    // The demo's oldest report was made 11 days before the seed.
    expect(age.days).toBeGreaterThanOrEqual(10);
    expect(age.waiting).toBe(data.pending.revisions.length + data.pending.suggestions.length);
    expect(reviewQueueAge({ revisions: [], suggestions: [] }, now)).toBeNull();
    expect(reviewQueueAge({ revisions: [{ createdAt: new Date(now.getTime() - 3 * DAY) }], suggestions: [] }, now)!.days).toBe(3);
  });

  it('names the communes furthest from a published place of the network (null without the communes’ reference)', async () => {
    expect((await networkOverview(cybanjou)).furthest).toBeNull();
    const commune = (inseeCode: string, name: string, lat: number, lng: number) => ({
      inseeCode,
      name,
      departement: '49',
      region: '52',
      postcodes: ['49000'],
      latitude: lat,
      longitude: lng,
      population: 100,
    });
    // Angers' centre, a commune 1° of latitude south (about 111 km), one 0.3° north.
    await importCommunes(db, [
      commune('49007', 'Angers', 47.47, -0.55),
      commune('49998', 'Loin-du-Réseau', 46.47, -0.55),
      commune('49999', 'Pas-loin', 47.77, -0.55),
    ]);
    const furthest = (await networkOverview(cybanjou)).furthest!;
    expect(furthest.map((c) => c.name)).toEqual(['Loin-du-Réseau', 'Pas-loin', 'Angers']);
    expect(furthest[0].km).toBeGreaterThan(furthest[1].km);
    expect(furthest[2].km).toBeLessThan(10);
    expect(await db.place.findUnique({ where: { id: furthest[0].nearest.id } })).not.toBeNull();
  });
});
