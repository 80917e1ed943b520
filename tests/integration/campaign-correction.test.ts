// The place's side of an update campaign in plain words (issue #23): what the page shows (no OSM
// syntax, phones as dialled), the correction read from the hours grid, the phone in any writing
// and the search's checkboxes; every bad input answered in French with nothing written; hostile
// links (another place's, expired, used, forged) refused; the coordinator's review in words, and
// the campaign's response rate counting the correction.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/permissions';
import { campaignProgress, confirmListing, openCampaignLink, proposeCorrection, startCampaign } from '../../lib/campaigns';
import { correctionFormValues, type CorrectionValues } from '../../lib/campaigns/correction';
import { correctionView } from '../../lib/campaigns/view';
import { changeWords } from '../../lib/editing/change-words';
import { reviewRevision } from '../../lib/editing/update';
import { OSM_SYNTAX } from '../../lib/hours/present';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, ownWeekSlots, resetDatabase, testDb } from '../helpers/db';
import { mailText, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

const db = testDb();
const DAY = 24 * 3600 * 1000;
const HOURS = 'Tu-Fr 14:00-18:00; We 09:00-12:00,14:00-18:00';
let sink: SmtpSink;
let coordinator: SessionUser;
let network: { id: string };
let places: Array<{ id: string; email: string }>;

/** A fresh campaign for one place: its token, as the contact reads it in the mail. */
async function linkFor(place: { id: string; email: string }, name = 'Hiver') {
  const started = await startCampaign(db, coordinator, {
    networkId: network.id,
    name,
    placeIds: [place.id],
    reminderAfterDays: 7,
    validDays: 30,
    baseUrl: 'http://localhost',
  });
  if (started.status !== 'started') throw new Error(started.status);
  const mail = sink.received.filter((m) => m.to === place.email).at(-1)!;
  return { token: mailText(mail.raw).match(/\/mise-a-jour\/([\w-]+)/)![1], campaignId: started.campaignId };
}

/** The form as the page fills it for the place, changed by `edit`. */
async function form(placeId: string, edit: CorrectionValues = {}): Promise<CorrectionValues> {
  return { ...correctionView(await db.place.findUniqueOrThrow({ where: { id: placeId } })).form.values, ...edit };
}

const correct = (token: string, placeId: string, values: CorrectionValues, message = '') => proposeCorrection(db, { token, placeId, values, message });
const pending = (placeId: string) => db.placeRevision.findMany({ where: { placeId, state: 'PENDING' } });

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  ({ coordinator } = await demoUsers(db));
  network = await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } });
  const rows = await db.place.findMany({
    where: { status: 'PUBLISHED', networks: { some: { networkId: network.id } }, NOT: { emails: { isEmpty: true } } },
    take: 3,
  });
  places = rows.map((p) => ({ id: p.id, email: p.emails[0] }));
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
}, 120_000);
beforeEach(async () => {
  await db.placeRevision.deleteMany({ where: { state: 'PENDING' } });
  await db.place.updateMany({
    where: { id: { in: places.map((p) => p.id) } },
    data: { openingHours: HOURS, phone: '+33261910701', services: ['AideAuxDemarchesAdministratives'], publics: [] },
  });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
  await resetDatabase(db);
});

describe('the campaign page in plain words', () => {
  it('shows the week as a table, the phone as dialled and the lists in the search’s words; never OSM syntax', async () => {
    const view = correctionView({ ...(await db.place.findUniqueOrThrow({ where: { id: places[0].id } })), services: ['AideAuxDemarchesAdministratives'] });
    expect(view.listing.phone).toBe('02 61 91 07 01');
    expect(view.listing.hours.rows[1]).toEqual({ day: 'Mardi', text: '14 h – 18 h' });
    expect(view.listing.lists[0].words).toEqual(['Aide pour mes papiers en ligne']);
    expect(view.form.values.phone).toBe('02 61 91 07 01');
    expect(view.form.values['h-Tu-0-a']).toBe('14:00');
    expect(view.form.values['h-We-1-b']).toBe('18:00');
    expect(JSON.stringify(view)).not.toMatch(OSM_SYNTAX);
  });
});

describe('a correction from the hours grid', () => {
  it('sends Tuesday’s new hours and a phone in another writing; the coordinator reads them in words, applies them; the rate counts it', async () => {
    const place = places[0];
    const { token, campaignId } = await linkFor(place);
    expect((await campaignProgress(db, coordinator, campaignId))!.counts.responseRate).toBe(0);
    const values = await form(place.id, { 'h-Tu-0-a': '10:00', 'h-Tu-0-b': '12:30', 'h-Tu-1-a': '14:00', 'h-Tu-1-b': '18:00', phone: '+33 (0)2 61 91 55 55' });
    expect(await correct(token, place.id, values)).toEqual({ status: 'done' });

    const [revision] = await pending(place.id);
    const changes = revision.changes as Record<string, { before: unknown; after: unknown }>;
    expect(Object.keys(changes).sort()).toEqual(['dateMaj', 'openingHours', 'phone']);
    expect(changes.phone.after).toBe('+33261915555');
    expect(changes.openingHours.after).toBe('Tu 10:00-12:30,14:00-18:00; We 09:00-12:00,14:00-18:00; Th-Fr 14:00-18:00');
    // The review queue's before/after, in words.
    expect(changeWords('phone', changes.phone.before)).toEqual({ kind: 'text', text: '02 61 91 07 01' });
    expect(changeWords('phone', changes.phone.after)).toEqual({ kind: 'text', text: '02 61 91 55 55' });
    const after = changeWords('openingHours', changes.openingHours.after);
    expect(after.kind === 'hours' && after.hours.rows[1]).toEqual({ day: 'Mardi', text: '10 h – 12 h 30, 14 h – 18 h' });
    expect(JSON.stringify(Object.entries(changes).map(([f, c]) => [changeWords(f, c.before), changeWords(f, c.after)]))).not.toMatch(OSM_SYNTAX);

    expect((await campaignProgress(db, coordinator, campaignId))!.counts).toMatchObject({ corrected: 1, answered: 1, responseRate: 100 });
    expect(await reviewRevision(db, coordinator, { revisionId: revision.id, decision: 'apply' })).toEqual({ status: 'applied' });
    const applied = await db.place.findUniqueOrThrow({ where: { id: place.id } });
    expect(applied.phone).toBe('+33261915555');
    // The weekly slots follow (ISO weekdays: Tuesday is 2).
    const tuesday = (await ownWeekSlots(db, place.id)).filter((s) => s.weekday === 2).map((s) => [s.startMinute, s.endMinute]);
    expect(tuesday).toEqual([
      [600, 750],
      [840, 1080],
    ]);
  });

  it('writes the holidays and summer closing chosen as plain options, and the lists ticked', async () => {
    const place = places[1];
    const { token } = await linkFor(place);
    const values = await form(place.id, {
      'h-feries': 'oui',
      'h-ete': 'Jul-Aug',
      services: ['AccesInternetEtMaterielInformatique'],
      publics: ['Seniors'],
      accessModes: [],
    });
    expect(await correct(token, place.id, values)).toEqual({ status: 'done' });
    const changes = (await pending(place.id))[0].changes as Record<string, { after: unknown }>;
    expect(changes.openingHours.after).toBe(
      `${HOURS.replace('Tu-Fr 14:00-18:00; We 09:00-12:00,14:00-18:00', 'Tu 14:00-18:00; We 09:00-12:00,14:00-18:00; Th-Fr 14:00-18:00')}; Jul-Aug off; PH off`,
    );
    expect(changes.services.after).toEqual(['AccesInternetEtMaterielInformatique']);
    expect(changes.publics.after).toEqual(['Seniors']);
    expect(changeWords('services', changes.services.after)).toEqual({ kind: 'text', text: 'Accéder à un ordinateur, à internet, imprimer' });
  });

  it('keeps the OSM value behind: a form sent unchanged changes nothing, and OSM typed into the form is ignored', async () => {
    const place = places[2];
    const { token } = await linkFor(place);
    const unchanged = await correct(token, place.id, await form(place.id, { openingHours: 'Mo-Su 00:00-24:00' }));
    expect(unchanged).toEqual({ status: 'errors', errors: { form: expect.stringContaining('Vous n’avez rien modifié') } });
    // Hours the grid cannot show stay as they are when the grid is left empty.
    const seasonal = 'Mo-Fr 09:00-12:00; Jul-Aug Mo-Fr 10:00-12:00';
    await db.place.update({ where: { id: place.id }, data: { openingHours: seasonal } });
    const values = await form(place.id, { phone: '02 41 00 00 01' });
    expect(values['h-Mo-0-a']).toBeUndefined();
    expect(await correct(token, place.id, values)).toEqual({ status: 'done' });
    expect(Object.keys((await pending(place.id))[0].changes as object).sort()).toEqual(['dateMaj', 'phone']);
  });
});

describe('bad input: a French message, what was typed kept, nothing written', () => {
  const cases: Array<[string, CorrectionValues, string, RegExp]> = [
    [
      'overlapping ranges',
      { 'h-Tu-0-a': '09:00', 'h-Tu-0-b': '13:00', 'h-Tu-1-a': '12:00', 'h-Tu-1-b': '18:00' },
      'h-Tu',
      /^Mardi : les plages 9 h – 13 h et 12 h – 18 h se chevauchent/,
    ],
    ['a range past midnight', { 'h-Fr-0-a': '20:00', 'h-Fr-0-b': '02:00' }, 'h-Fr', /passe minuit/],
    ['half a range', { 'h-Tu-0-b': '' }, 'h-Tu', /indiquez le début et la fin/],
    ['a time that is not one', { 'h-Tu-0-a': '14h', 'h-Tu-0-b': 'tard' }, 'h-Tu', /« tard » n’est pas une heure/],
    ['a phone that is no number', { phone: '06 12 34 56' }, 'phone', /n’est pas valable/],
    ['a phone of 5,000 characters', { phone: '0'.repeat(5000) }, 'phone', /n’est pas valable/],
    ['a service the list does not have', { services: ['Hacking'] }, 'services', /n’existe pas/],
    ['a summer option not offered', { 'h-ete': 'Dec' }, 'h-ete', /Choisissez une des possibilités/],
    ['an email that is none', { emails: 'pas@adresse' }, 'emails', /invalide/],
  ];
  it.each(cases)('%s', async (_, edit, field, message) => {
    const place = places[0];
    const { token } = await linkFor(place);
    const result = await correct(token, place.id, await form(place.id, edit));
    expect(result.status).toBe('errors');
    expect((result as { errors: Record<string, string> }).errors[field]).toMatch(message);
    expect(await pending(place.id)).toHaveLength(0);
    // The link still works: the contact corrects and sends again.
    expect((await openCampaignLink(db, token)).status).toBe('ok');
  });

  it.each([
    ['02 61 91 55 55', '+33261915555'],
    ['02.61.91.55.55', '+33261915555'],
    ['0033 2 61 91 55 55', '+33261915555'],
    ['+33261915555', '+33261915555'],
    ['2 61 91 55 55', '+33261915555'],
    ['+32 2 555 12 12', '+3225551212'],
  ])('reads the phone written %s', async (typed, e164) => {
    const place = places[1];
    const { token } = await linkFor(place);
    expect(await correct(token, place.id, await form(place.id, { phone: typed }))).toEqual({ status: 'done' });
    expect(((await pending(place.id))[0].changes as Record<string, { after: unknown }>).phone.after).toBe(e164);
  });

  it('asks whether an empty week means "sur rendez-vous" or "fermé", then writes the answer', async () => {
    const place = places[2];
    const empty = Object.fromEntries(
      Object.keys(await form(place.id))
        .filter((k) => /^h-\w\w-\d-[ab]$/.test(k))
        .map((k) => [k, '']),
    );
    const { token } = await linkFor(place);
    const asked = await correct(token, place.id, await form(place.id, empty));
    expect(asked).toEqual({
      status: 'errors',
      errors: { 'semaine-vide': expect.stringContaining('recevez-vous sur rendez-vous uniquement, ou le lieu est-il fermé') },
    });
    expect(await correct(token, place.id, await form(place.id, { ...empty, 'semaine-vide': 'plus tard' }))).toMatchObject({ status: 'errors' });
    expect(await correct(token, place.id, await form(place.id, { ...empty, 'semaine-vide': 'rendez-vous' }))).toEqual({ status: 'done' });
    const changes = (await pending(place.id))[0].changes as Record<string, { after: unknown }>;
    expect(changes.openingHours.after).toBe('"sur rendez-vous"');
    expect(changeWords('openingHours', changes.openingHours.after)).toEqual({
      kind: 'hours',
      hours: { rows: [], notes: ['Pas d’horaires fixes : sur rendez-vous.'] },
    });

    const next = await linkFor(places[1]);
    const closedEmpty = { ...empty, 'semaine-vide': 'ferme' };
    expect(await correct(next.token, places[1].id, await form(places[1].id, closedEmpty))).toEqual({ status: 'done' });
    expect(((await pending(places[1].id))[0].changes as Record<string, { after: unknown }>).openingHours.after).toBe('off');
  });

  it('keeps what was typed, lists included, from the posted form', () => {
    const posted = new FormData();
    posted.set('phone', 'pas un numéro');
    posted.set('h-Tu-0-a', '09:00');
    posted.append('services', 'AideAuxDemarchesAdministratives');
    posted.append('services', 'LoisirsEtCreationsNumeriques');
    posted.set('openingHours', 'Mo-Su 00:00-24:00');
    const values = correctionFormValues(posted);
    expect(values).toMatchObject({
      phone: 'pas un numéro',
      'h-Tu-0-a': '09:00',
      services: ['AideAuxDemarchesAdministratives', 'LoisirsEtCreationsNumeriques'],
    });
    expect(values.openingHours).toBeUndefined();
  });
});

describe('hostile links', () => {
  it('refuses another place’s link, a forged one, an expired one and a used one, saying what to do', async () => {
    const [a, b] = places;
    const { token } = await linkFor(a);
    const values = await form(b.id, { phone: '02 41 00 00 02' });
    expect(await correct(token, b.id, values)).toEqual({ status: 'invalid' });
    expect(await correct(`${token}x`, a.id, values)).toEqual({ status: 'invalid' });
    expect(await correct('x'.repeat(300), a.id, values)).toEqual({ status: 'invalid' });
    expect(await correct('', a.id, values)).toEqual({ status: 'invalid' });
    expect(await pending(b.id)).toHaveLength(0);

    const later = new Date(Date.now() + 31 * DAY);
    expect(await proposeCorrection(db, { token, placeId: a.id, values: await form(a.id, { phone: '02 41 00 00 03' }), message: '', now: later })).toEqual({
      status: 'expired',
    });
    const expired = await openCampaignLink(db, token, later);
    expect(expired).toMatchObject({ status: 'expired', help: { placeSlug: expect.any(String), network: 'Cyb@njou' } });

    expect(await confirmListing(db, { token, placeId: a.id })).toEqual({ status: 'done' });
    expect(await correct(token, a.id, await form(a.id, { phone: '02 41 00 00 04' }))).toEqual({ status: 'used' });
    expect(await openCampaignLink(db, token)).toMatchObject({ status: 'used', help: { placeName: expect.any(String) } });
    expect(await pending(a.id)).toHaveLength(0);
  });
});
