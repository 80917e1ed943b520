// Ateliers on the real database: rights (a coordinator of another network, an editor of another
// place), expansion and re-expansion, exactly the capacity confirmed under 20 concurrent
// registrations, the waiting list, the cancellation link, the 30-day purge, and the mails as an
// SMTP server receives them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelAtelier, cancelSession, createAtelier, syncSessions } from '../../lib/ateliers/store';
import { purgeRegistrations } from '../../lib/ateliers/retention';
import { extendHorizons } from '../../lib/ateliers/sessions';
import { sendReminders } from '../../lib/ateliers/reminders';
import { cancelRegistration, register } from '../../lib/ateliers/registration';
import { registrationsFor } from '../../lib/ateliers/admin';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';
import { mailText, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

const db = testDb();
const now = new Date('2027-01-04T09:00:00Z');
let users: Awaited<ReturnType<typeof demoUsers>>;
let placeId: string; // a place of the coordinator's network that the editor edits
let otherPlaceId: string; // a place the editor does not edit
let sink: SmtpSink;
const previousSmtp = process.env.SMTP_URL;

const fields = (extra: Record<string, string> = {}) => ({
  title: 'Prendre en main son smartphone',
  summary: 'Les gestes de base, à son rythme.',
  themes: ['MaitriseDesOutilsNumeriquesDuQuotidien'],
  date: '2027-01-05',
  start: '14:00',
  end: '16:00',
  ...extra,
});

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  users = await demoUsers(db);
  placeId = users.editor.placeIds[0];
  const other = await db.place.findFirstOrThrow({
    where: { id: { notIn: users.editor.placeIds }, networks: { some: { networkId: { in: users.coordinator.networkIds } } } },
  });
  otherPlaceId = other.id;
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
}, 60_000);

afterAll(async () => {
  process.env.SMTP_URL = previousSmtp;
  if (previousSmtp === undefined) delete process.env.SMTP_URL;
  await sink.close();
});

describe('creating and cancelling', () => {
  it('lets the place’s editor create a weekly series, expanded to its sessions', async () => {
    const r = await createAtelier(db, users.editor, placeId, fields({ repetition: 'weekly', until: '2027-02-23' }), now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sessions = await db.atelierSession.findMany({ where: { atelierId: r.id }, orderBy: { startsAt: 'asc' } });
    expect(sessions).toHaveLength(8);
    expect(sessions[0].startsAt.toISOString()).toBe('2027-01-05T13:00:00.000Z');
  });

  it('warns, without refusing, about sessions on days the place is closed', async () => {
    await db.place.update({ where: { id: placeId }, data: { openingHours: 'Mo-Fr 09:00-17:00' } });
    try {
      // Saturday 9 and 16 January 2027, then a Tuesday: two closed days.
      const sat = await createAtelier(db, users.editor, placeId, fields({ title: 'Atelier du samedi', date: '2027-01-09', rrule: 'FREQ=WEEKLY;COUNT=2' }), now);
      expect(sat).toMatchObject({
        ok: true,
        warnings: [
          expect.stringContaining('Le lieu est fermé certains jours de séance (2) d’après ses horaires : samedi 9 janvier 2027, samedi 16 janvier 2027.'),
        ],
      });
      const tue = await createAtelier(db, users.editor, placeId, fields({ title: 'Atelier du mardi' }), now);
      expect(tue).toMatchObject({ ok: true, warnings: [] });
    } finally {
      await db.place.update({ where: { id: placeId }, data: { openingHours: null } });
    }
  });

  it('refuses an editor on a place not theirs, and another network’s coordinator', async () => {
    const byEditor = await createAtelier(db, users.editor, otherPlaceId, fields(), now);
    expect(byEditor).toEqual({ ok: false, errors: { form: 'Vous ne pouvez pas gérer les ateliers de ce lieu.' } });
    const foreign = users.hubCoordinator.networkIds.some((id) => users.coordinator.networkIds.includes(id));
    expect(foreign).toBe(false);
    expect((await createAtelier(db, users.hubCoordinator, placeId, fields(), now)).ok).toBe(false);
    const mine = await createAtelier(db, users.coordinator, placeId, fields({ title: 'Atelier du coordinateur' }), now);
    expect(mine.ok).toBe(true);
    if (!mine.ok) return;
    const session = await db.atelierSession.findFirstOrThrow({ where: { atelierId: mine.id } });
    expect(await cancelSession(db, users.hubCoordinator, session.id, now)).toEqual({ ok: false, message: 'Vous ne pouvez pas gérer les ateliers de ce lieu.' });
    expect(await cancelAtelier(db, users.hubCoordinator, mine.id, now)).toMatchObject({ ok: false });
    expect(await registrationsFor(users.hubCoordinator, mine.id, db)).toBeNull();
    expect((await db.atelierSession.findUniqueOrThrow({ where: { id: session.id } })).cancelledAt).toBeNull();
  });

  it('cancels one session, and re-expanding an edited series keeps sessions people registered for', async () => {
    const r = await createAtelier(
      db,
      users.editor,
      placeId,
      fields({ title: 'Démarches CAF', repetition: 'weekly', until: '2027-01-26', capacity: '5', registrationMode: 'REPERES' }),
      now,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const [first, second] = await db.atelierSession.findMany({ where: { atelierId: r.id }, orderBy: { startsAt: 'asc' } });
    expect((await cancelSession(db, users.editor, second.id, now)).ok).toBe(true);
    expect((await db.atelierSession.findUniqueOrThrow({ where: { id: second.id } })).cancelledAt).not.toBeNull();
    resetMemoryLimits();
    await register(db, { sessionId: first.id, firstName: 'Jeanne', email: '', phone: '06 12 34 56 78', clientKey: 'k-sync' }, 'http://x', now);
    // The series moves to Wednesdays: Tuesday sessions without registrations go, the one with a registration is cancelled.
    const atelier = await db.atelier.update({
      where: { id: r.id },
      data: { rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=3', startsAt: new Date('2027-01-06T13:00:00Z'), endsAt: new Date('2027-01-06T15:00:00Z') },
    });
    const result = await db.$transaction((tx) => syncSessions(tx, atelier, now));
    expect(result).toEqual({ added: 3, removed: 3, cancelled: 1 });
    expect((await db.atelierSession.findUniqueOrThrow({ where: { id: first.id } })).cancelledAt).not.toBeNull();
  });
});

describe('the horizon', () => {
  it('expands a year-long series six months ahead, and further as time goes by', async () => {
    const r = await createAtelier(db, users.editor, placeId, fields({ title: 'Café numérique', rrule: 'FREQ=WEEKLY;COUNT=52', date: '2027-01-06' }), now);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const count = () => db.atelierSession.count({ where: { atelierId: r.id } });
    expect(await count()).toBe(26); // Wednesdays from 6 January to the horizon, 6 July (183 days)
    await extendHorizons(db, new Date(now.getTime() + 91 * 86_400_000));
    expect(await count()).toBe(39); // to 5 October
    await extendHorizons(db, new Date(now.getTime() + 91 * 86_400_000));
    expect(await count()).toBe(39); // to 5 October
  });
});

describe('registration on Repères', () => {
  it('confirms exactly the capacity under 20 concurrent requests; the others wait', async () => {
    resetMemoryLimits();
    const r = await createAtelier(
      db,
      users.editor,
      placeId,
      fields({ title: 'Sécurité en ligne', capacity: '7', registrationMode: 'REPERES', date: '2027-01-07' }),
      now,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const session = await db.atelierSession.findFirstOrThrow({ where: { atelierId: r.id } });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        register(
          db,
          { sessionId: session.id, firstName: `Personne ${i}`, email: '', phone: `06 12 34 56 ${String(i).padStart(2, '0')}`, clientKey: `client-${i}` },
          'http://x',
          now,
        ),
      ),
    );
    const states = outcomes.map((o) => (o.status === 'registered' ? o.state : 'invalid'));
    expect(states.filter((s) => s === 'CONFIRMED')).toHaveLength(7);
    expect(states.filter((s) => s === 'WAITING')).toHaveLength(13);
    expect((await db.atelierSession.findUniqueOrThrow({ where: { id: session.id } })).seatsTaken).toBe(7);
  });

  it('mails the confirmation with a cancellation link; cancelling gives the seat to the first waiting', async () => {
    resetMemoryLimits();
    const r = await createAtelier(
      db,
      users.editor,
      placeId,
      fields({ title: 'Visio en famille', capacity: '1', registrationMode: 'REPERES', date: '2027-01-08' }),
      now,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const session = await db.atelierSession.findFirstOrThrow({ where: { atelierId: r.id } });
    const first = await register(
      db,
      { sessionId: session.id, firstName: 'Aïcha', email: 'aicha@example.org', phone: '', clientKey: 'a' },
      'https://reperes.test',
      now,
    );
    const second = await register(
      db,
      { sessionId: session.id, firstName: 'Bruno', email: 'bruno@example.org', phone: '', clientKey: 'b' },
      'https://reperes.test',
      now,
    );
    expect(first).toMatchObject({ status: 'registered', state: 'CONFIRMED', mailed: true });
    expect(second).toMatchObject({ status: 'registered', state: 'WAITING' });
    const mail = sink.received.find((m) => m.to === 'aicha@example.org')!;
    const text = mailText(mail.raw);
    expect(text).toContain('Votre inscription est confirmée.');
    expect(text).toContain('vendredi 8 janvier 2027, 14 h 00 – 16 h 00');
    const link = text.match(/https:\/\/reperes\.test\/ateliers\/annulation\/([\w-]+)/)![1];
    expect(first.status === 'registered' && link).toBe(first.status === 'registered' ? first.token : '');
    // Only the hash is stored.
    expect(await db.atelierRegistration.count({ where: { tokenHash: link } })).toBe(0);
    expect(await cancelRegistration(db, link, 'https://reperes.test', now)).toBe(true);
    expect(await cancelRegistration(db, link, 'https://reperes.test', now)).toBe(false);
    const states = await db.atelierRegistration.findMany({
      where: { sessionId: session.id },
      orderBy: { createdAt: 'asc' },
      select: { firstName: true, state: true },
    });
    expect(states).toEqual([
      { firstName: 'Aïcha', state: 'CANCELLED' },
      { firstName: 'Bruno', state: 'CONFIRMED' },
    ]);
    expect(sink.received.some((m) => m.to === 'bruno@example.org' && mailText(m.raw).includes('Une place s’est libérée'))).toBe(true);

    // The day before (within 36 hours): one reminder, never two.
    const dayBefore = new Date(session.startsAt.getTime() - 20 * 3600_000);
    expect(await sendReminders(db, new Date(session.startsAt.getTime() - 48 * 3600_000))).toBe(0);
    expect(await sendReminders(db, dayBefore)).toBeGreaterThanOrEqual(1);
    expect(await sendReminders(db, dayBefore)).toBe(0);
    const reminders = sink.received.filter((m) => m.to === 'bruno@example.org' && mailText(m.raw).includes('Pour rappel'));
    expect(reminders).toHaveLength(1);
    expect(sink.received.some((m) => m.to === 'aicha@example.org' && mailText(m.raw).includes('Pour rappel'))).toBe(false);

    // The place cancels the session: Bruno is told.
    expect(await cancelSession(db, users.editor, session.id, now)).toEqual({ ok: true });
    expect(sink.received.filter((m) => m.to === 'bruno@example.org' && mailText(m.raw).includes('est annulée par'))).toHaveLength(1);
  });

  it('refuses incomplete forms in French and rate-limits one visitor', async () => {
    resetMemoryLimits();
    const session = await db.atelierSession.findFirstOrThrow({
      where: { capacity: { not: null }, cancelledAt: null, startsAt: { gt: now }, atelier: { registrationMode: 'REPERES' } },
    });
    const bad = await register(db, { sessionId: session.id, firstName: '', email: 'pas-une-adresse', phone: '', clientKey: 'z' }, 'http://x', now);
    expect(bad).toEqual({
      status: 'invalid',
      errors: { firstName: { code: 'firstName' }, contact: { code: 'emailInvalid' } },
    });
    const results = [];
    for (let i = 0; i < 7; i++)
      results.push(await register(db, { sessionId: session.id, firstName: 'Robot', email: '', phone: '0612345678', clientKey: 'spammer' }, 'http://x', now));
    expect(results.filter((o) => o.status === 'registered')).toHaveLength(5);
    expect(results.at(-1)).toMatchObject({ status: 'invalid', errors: { form: { code: 'tooManyFromHere', minutes: expect.any(Number) } } });
  });

  it('refuses bots, sessions without registration on Repères, cancelled sessions and unknown links', async () => {
    resetMemoryLimits();
    const open = await db.atelierSession.findFirstOrThrow({
      where: { capacity: { not: null }, cancelledAt: null, startsAt: { gt: now }, atelier: { registrationMode: 'REPERES', placeId } },
    });
    const person = { firstName: 'Léa', email: '', phone: '0612345678', clientKey: 'h' };
    expect(await register(db, { ...person, sessionId: open.id, honeypot: 'http://spam.example' }, 'http://x', now)).toMatchObject({ status: 'invalid' });
    const r = await createAtelier(db, users.editor, placeId, fields({ title: 'Sans inscription', date: '2027-01-09' }), now);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const none = await db.atelierSession.findFirstOrThrow({ where: { atelierId: r.id } });
    expect(await register(db, { ...person, sessionId: none.id }, 'http://x', now)).toEqual({
      status: 'invalid',
      errors: { form: { code: 'notOnReperes' } },
    });
    expect(await cancelSession(db, users.editor, open.id, now)).toEqual({ ok: true });
    expect(await register(db, { ...person, sessionId: open.id }, 'http://x', now)).toEqual({
      status: 'invalid',
      errors: { form: { code: 'cancelled' } },
    });
    expect(await register(db, { ...person, sessionId: 'not-a-uuid' }, 'http://x', now)).toMatchObject({ status: 'invalid' });
    expect(await cancelRegistration(db, 'x'.repeat(43), 'http://x', now)).toBe(false);
    expect(await cancelRegistration(db, '', 'http://x', now)).toBe(false);
  });

  it('empties personal data 30 days after the session, not before', async () => {
    const later = new Date('2027-02-06T09:00:00Z');
    const before = await db.atelierRegistration.count({ where: { purgedAt: null } });
    expect(await purgeRegistrations(db, new Date('2027-01-20T00:00:00Z'))).toBe(0);
    const purged = await purgeRegistrations(db, later);
    expect(purged).toBeGreaterThan(0);
    expect(await db.atelierRegistration.count({ where: { purgedAt: null } })).toBe(before - purged);
    const left = await db.atelierRegistration.findMany({
      where: { purgedAt: { not: null } },
      select: { firstName: true, email: true, phone: true, tokenHash: true },
    });
    expect(left.every((r) => r.firstName === null && r.email === null && r.phone === null && r.tokenHash === null)).toBe(true);
  });
});

describe('demo data', () => {
  it('gives the demonstration places coming ateliers, one session cancelled', async () => {
    const demo = await db.atelier.findUniqueOrThrow({
      where: { slug: 'prendre-en-main-son-smartphone-cholet' },
      include: { sessions: { orderBy: { startsAt: 'asc' } }, place: { select: { commune: true } } },
    });
    expect(demo.place.commune).toBe('Cholet');
    expect(demo.sessions).toHaveLength(12);
    expect(demo.sessions.filter((s) => s.cancelledAt).map((s) => demo.sessions.indexOf(s))).toEqual([2]);
    expect(demo.sessions[0].startsAt.getTime()).toBeGreaterThan(Date.now());
    expect(await db.atelier.count({ where: { slug: { in: ['visio-en-famille-en-ligne', 'demarches-caf-en-ligne-cholet'] } } })).toBe(2);
  });
});
