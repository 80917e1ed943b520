// The coordinators' weekly digest (issue #23) on the demo data, mail through the outbox: its content
// and absolute links, once per week even when run twice (or twice at once), the chosen weekday, the
// opt-out (settings and signed link), a coordinator without a network, and whose content it shows.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../lib/auth/tokens';
import { confirmListing, startCampaign } from '../../lib/campaigns';
import { isoWeek, optOutByLink, optOutToken, parisWeekday, saveDigestSettings, sendDigests, verifyOptOutToken } from '../../lib/digests';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const BASE = 'https://reperes.example';
const SECRET = 'secret-de-test-0123456789abcdef';
const DAY = 24 * 3600 * 1000;
const now = new Date();
const today = parisWeekday(now);
const input = { baseUrl: BASE, secret: SECRET, now };

const outboxTo = (email: string) => db.outboxMessage.findMany({ where: { to: email }, orderBy: { createdAt: 'asc' } });
const CYB = 'coordination@cybanjou.example.org';
const HUB = 'coordination@hub-pdl.example.org';

let cybanjou: { id: string };
let staleName: string;

beforeAll(() => {
  delete process.env.SMTP_URL;
});

beforeEach(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  cybanjou = await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } });
  // Every coordinator chose today.
  await db.user.updateMany({ data: { digestWeekday: today } });
  // A Cyb@njou-only place whose last confirmation passes six months this week.
  const place = await db.place.findFirstOrThrow({
    where: { status: 'PUBLISHED', networks: { every: { networkId: cybanjou.id }, some: {} } },
    orderBy: { name: 'asc' },
  });
  const sixMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, now.getUTCDate()));
  await db.place.update({ where: { id: place.id }, data: { dateMaj: new Date(sixMonthsAgo.getTime() - 2 * DAY) } });
  staleName = place.name;
}, 120_000);
afterAll(() => resetDatabase(db));

describe('the weekly digest', () => {
  it('tells the Cyb@njou coordinator what waits, what became stale and the campaigns’ answers, with absolute links', async () => {
    const { coordinator } = await demoUsers(db);
    // A campaign answered this week.
    const target = await db.place.findFirstOrThrow({
      where: { status: 'PUBLISHED', networks: { some: { networkId: cybanjou.id } }, emails: { isEmpty: false } },
    });
    const started = await startCampaign(db, coordinator, {
      networkId: cybanjou.id,
      name: 'Automne',
      placeIds: [target.id],
      reminderAfterDays: 7,
      validDays: 30,
      baseUrl: BASE,
    });
    const campaignId = (started as { campaignId: string }).campaignId;
    await db.campaignTarget.updateMany({ where: { campaignId }, data: { tokenHash: hashToken('jeton-digest') } });
    expect((await confirmListing(db, { token: 'jeton-digest', placeId: target.id })).status).toBe('done');
    await db.outboxMessage.deleteMany();

    const run = await sendDigests(db, input);
    expect(run).toMatchObject({ week: isoWeek(now), sent: 2 });
    const [mail] = await outboxTo(CYB);
    expect(mail.subject).toBe('Repères — résumé de la semaine : Cyb@njou');
    expect(mail.text).toContain('À valider : 0 modification proposée et 2 signalements en attente (1 nouveau cette semaine)');
    expect(mail.text).toContain('Médiathèque des Hauts-Clos (fictif)');
    expect(mail.text).toContain(`${BASE}/admin/a-valider`);
    expect(mail.text).toMatch(/Devenues anciennes cette semaine \(dernière confirmation il y a plus de 6 mois\) : \d+/);
    expect(mail.text).toContain(staleName);
    // A place stale for long did not become stale this week.
    const old = await db.place.findFirstOrThrow({ where: { networks: { some: { networkId: cybanjou.id } } }, orderBy: { dateMaj: 'asc' } });
    expect(mail.text).not.toContain(old.name);
    expect(mail.text).toContain(`${target.name} (${target.commune}) : confirmée à jour`);
    expect(mail.text).toContain(`${BASE}/admin/reseaux/cybanjou/campagnes/${campaignId}`);
    expect(mail.text).toContain(`${BASE}/admin/compte`);
    // The unsubscribe link's token is masked in the stored copy, like every link's token.
    expect(mail.text).toContain(`${BASE}/resume-hebdomadaire/desinscription?jeton=[masqué-dans-la-copie]`);
    expect(mail.html).toContain(`<a href="${BASE}/admin/reseaux/cybanjou">`);
    expect(mail.html).toContain('Médiathèque des Hauts-Clos (fictif)');
    // Every link is absolute.
    for (const href of mail.html!.matchAll(/href="([^"]+)"/g)) expect(href[1].startsWith(`${BASE}/`)).toBe(true);
  });

  it('escapes what people typed in the HTML version', async () => {
    const place = await db.place.findFirstOrThrow({ where: { name: 'Médiathèque des Hauts-Clos (fictif)' } });
    await db.place.update({ where: { id: place.id }, data: { name: '<img src=x onerror=alert(1)>' } });
    await sendDigests(db, input);
    const [mail] = await outboxTo(CYB);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('goes once a week: run twice, or twice at the same time, it sends once', async () => {
    expect((await sendDigests(db, input)).sent).toBe(2);
    expect(await sendDigests(db, input)).toMatchObject({ sent: 0, alreadySent: 2 });
    expect(await outboxTo(CYB)).toHaveLength(1);
    expect(await db.digestLog.count()).toBe(2);
    // Later the same week (another day chosen meanwhile), still not again.
    await db.user.updateMany({ data: { digestWeekday: parisWeekday(new Date(now.getTime() + DAY)) } });
    expect((await sendDigests(db, { ...input, now: new Date(now.getTime() + DAY) })).sent).toBe(
      isoWeek(new Date(now.getTime() + DAY)) === isoWeek(now) ? 0 : 2,
    );
  });

  it('two runs at once send once', async () => {
    const runs = await Promise.all([sendDigests(db, input), sendDigests(db, input)]);
    expect(runs[0].sent + runs[1].sent).toBe(2);
    expect(await outboxTo(CYB)).toHaveLength(1);
    expect(await outboxTo(HUB)).toHaveLength(1);
  });

  it('goes on the chosen day only, then again the next week', async () => {
    await db.user.updateMany({ where: { email: CYB }, data: { digestWeekday: (today % 7) + 1 } });
    const run = await sendDigests(db, input);
    expect(run.otherDay).toBe(1);
    expect(await outboxTo(CYB)).toHaveLength(0);
    const nextWeekDay = new Date(now.getTime() + DAY);
    await sendDigests(db, { ...input, now: nextWeekDay });
    expect(await outboxTo(CYB)).toHaveLength(1);
    const nextWeek = new Date(nextWeekDay.getTime() + 7 * DAY);
    expect(isoWeek(nextWeek)).not.toBe(isoWeek(nextWeekDay));
    await sendDigests(db, { ...input, now: nextWeek });
    expect(await outboxTo(CYB)).toHaveLength(2);
  });

  it('is not sent to a person who opted out, from the account page or the signed link', async () => {
    const { coordinator, hubCoordinator } = await demoUsers(db);
    expect(await saveDigestSettings(db, coordinator.id, { receive: false, weekday: String(today) })).toMatchObject({ status: 'saved' });
    // A forged link, or one signed for someone else, changes nothing.
    const hubToken = optOutToken(hubCoordinator.id, SECRET);
    expect(await optOutByLink(db, `${coordinator.id}.${hubToken.split('.')[1]}`, SECRET)).toBe(false);
    expect(await optOutByLink(db, hubToken, 'un-autre-secret-0123456789')).toBe(false);
    expect(await optOutByLink(db, 'nimporte-quoi', SECRET)).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: hubCoordinator.id } })).digestOptOut).toBe(false);
    expect(await optOutByLink(db, hubToken, SECRET)).toBe(true);
    expect(verifyOptOutToken(hubToken, SECRET)).toBe(hubCoordinator.id);

    const run = await sendDigests(db, input);
    expect(run).toMatchObject({ sent: 0, optedOut: 2 });
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it('keeps the typed choice and says why in French when the weekday is not one', async () => {
    const { coordinator } = await demoUsers(db);
    expect(await saveDigestSettings(db, coordinator.id, { receive: true, weekday: '9' })).toEqual({
      status: 'invalid',
      message: 'Choisissez un jour de la semaine, du lundi au dimanche.',
      values: { receive: true, weekday: '9' },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: coordinator.id } })).digestWeekday).toBe(today);
  });

  it('skips a coordinator with no network, without failing the others', async () => {
    await db.user.create({ data: { email: 'sans-reseau@example.org', role: 'COORDINATOR', name: 'Sans réseau', digestWeekday: today } });
    const run = await sendDigests(db, input);
    expect(run).toMatchObject({ sent: 2, noNetwork: 1 });
    expect(await outboxTo('sans-reseau@example.org')).toHaveLength(0);
  });

  it('shows each coordinator their own networks only; an editor gets none, even attached to a network', async () => {
    const { editor } = await demoUsers(db);
    await db.userNetwork.create({ data: { userId: editor.id, networkId: cybanjou.id } });
    await db.user.update({ where: { id: editor.id }, data: { digestWeekday: today } });
    await sendDigests(db, input);
    const [hub] = await outboxTo(HUB);
    expect(hub.subject).toBe('Repères — résumé de la semaine : Hub numérique Pays de la Loire (fictif)');
    // The Cyb@njou-only report and stale place are not in the hub's digest.
    expect(hub.text).not.toContain('Médiathèque des Hauts-Clos');
    expect(hub.text).not.toContain(staleName);
    expect(hub.text).not.toContain('/admin/reseaux/cybanjou');
    expect(await outboxTo(editor.email)).toHaveLength(0);
  });

  it('`npm run digests:send` run twice puts the Cyb@njou coordinator’s digest in the outbox once', () => {
    // No SMTP_URL: the mail goes to the outbox.
    const { SMTP_URL: _smtp, ...rest } = process.env;
    const env = { ...rest, NEXTAUTH_SECRET: SECRET, PUBLIC_URL: BASE };
    const runs = [1, 2].map(() => spawnSync('npx', ['tsx', 'scripts/digests-send.ts'], { env, encoding: 'utf8', timeout: 60_000 }));
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    expect(runs[0].stdout).toMatch(/: 2 résumés envoyés/);
    expect(runs[1].stdout).toMatch(/: 0 résumé envoyé \(déjà envoyés : 2 ;/);
    return outboxTo(CYB).then((mails) => expect(mails).toHaveLength(1));
  }, 120_000);
});
