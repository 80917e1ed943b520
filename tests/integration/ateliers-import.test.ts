// Importing a place's iCalendar feed on the real database: the editor imports, the same feed again
// changes nothing, a changed feed updates, an event gone is cancelled (its registrant kept), a
// refused event keeps its atelier; rights (another network's coordinator, another place's
// editor); whole-file refusals write nothing; a dry run writes nothing; overseas zones and a
// daylight-saving change land at the right instants; the command line does the same.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed, type FeedImportResult } from '../../lib/ateliers/ical-import';
import { createAtelier } from '../../lib/ateliers/store';
import { register } from '../../lib/ateliers/registration';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const now = new Date('2027-10-01T08:00:00Z');
let users: Awaited<ReturnType<typeof demoUsers>>;
let placeId: string;
let otherPlaceId: string;

const calendar = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//FR', ...events, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (uid: string, lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20270901T000000Z', ...lines, 'END:VEVENT'].join('\r\n');
const weekly = (summary = 'Smartphone pas à pas', start = '140000', end = '160000') =>
  vevent('hebdo@agenda.example', [
    `DTSTART;TZID=Europe/Paris:20271020T${start}`,
    `DTEND;TZID=Europe/Paris:20271020T${end}`,
    'RRULE:FREQ=WEEKLY;COUNT=4',
    `SUMMARY:${summary}`,
    'CATEGORIES:Maîtrise des outils numériques du quotidien',
  ]);
const single = vevent('unique@agenda.example', [
  'DTSTART;TZID=Europe/Paris:20271105T100000',
  'DTEND;TZID=Europe/Paris:20271105T120000',
  'SUMMARY:Démarches CAF',
  'DESCRIPTION:Créer son compte\\, déclarer ses ressources.',
  'URL:https://agenda.example/caf',
]);
const feed = (...events: string[]) => new TextEncoder().encode(calendar(...events));
const run = (bytes: Uint8Array, options: { user?: (typeof users)['editor']; place?: string; dryRun?: boolean } = {}) =>
  importFeed(db, options.user ?? users.editor, options.place ?? placeId, bytes, {
    defaultTheme: 'AideAuxDemarchesAdministratives',
    now,
    dryRun: options.dryRun,
  });
const ok = (r: FeedImportResult) => {
  if (!r.ok) throw new Error(r.error);
  return r;
};
const counts = async () => ({
  ateliers: await db.atelier.count({ where: { placeId } }),
  sessions: await db.atelierSession.count({ where: { atelier: { placeId } } }),
});
const starts = async (importUid: string) =>
  (await db.atelierSession.findMany({ where: { atelier: { placeId, importUid } }, orderBy: { startsAt: 'asc' } })).map((s) => [
    s.startsAt.toISOString(),
    s.cancelledAt !== null,
  ]);

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  resetMemoryLimits();
  users = await demoUsers(db);
  placeId = users.editor.placeIds[0];
  await db.atelier.deleteMany({ where: { placeId } });
  await db.place.update({ where: { id: placeId }, data: { timeZone: 'Europe/Paris' } });
  otherPlaceId = (await db.place.findFirstOrThrow({ where: { id: { notIn: users.editor.placeIds } } })).id;
}, 60_000);

afterAll(async () => {
  await resetDatabase(db);
});

describe('rights', () => {
  it('refuses another network’s coordinator and another place’s editor, writing nothing', async () => {
    expect(users.hubCoordinator.networkIds.some((id) => users.coordinator.networkIds.includes(id))).toBe(false);
    expect(await run(feed(weekly()), { user: users.hubCoordinator })).toEqual({ ok: false, error: 'Vous ne pouvez pas gérer les ateliers de ce lieu.' });
    expect(await run(feed(weekly()), { place: otherPlaceId })).toEqual({ ok: false, error: 'Vous ne pouvez pas gérer les ateliers de ce lieu.' });
    expect(await run(feed(weekly()), { place: "1' OR '1'='1" })).toEqual({ ok: false, error: 'Vous ne pouvez pas gérer les ateliers de ce lieu.' });
    expect(await counts()).toEqual({ ateliers: 0, sessions: 0 });
  });
});

describe('importing and re-importing', () => {
  it('writes nothing on a dry run, and gives the real figures', async () => {
    const r = ok(await run(feed(weekly(), single), { dryRun: true }));
    expect([r.dryRun, r.created, r.sessions]).toEqual([true, 2, 5]);
    expect(await counts()).toEqual({ ateliers: 0, sessions: 0 });
  });

  it('imports a series across the autumn clock change at 14:00 Paris time, and a single event with its link', async () => {
    const r = ok(await run(feed(weekly(), single)));
    expect([r.created, r.updated, r.unchanged, r.cancelled, r.sessions]).toEqual([2, 0, 0, 0, 5]);
    expect(await starts('hebdo@agenda.example')).toEqual([
      ['2027-10-20T12:00:00.000Z', false],
      ['2027-10-27T12:00:00.000Z', false],
      ['2027-11-03T13:00:00.000Z', false],
      ['2027-11-10T13:00:00.000Z', false],
    ]);
    const caf = await db.atelier.findFirstOrThrow({ where: { placeId, importUid: 'unique@agenda.example' } });
    expect([caf.summary, caf.registrationMode, caf.registrationContact, caf.themes]).toEqual([
      'Créer son compte, déclarer ses ressources.',
      'EXTERNAL',
      'https://agenda.example/caf',
      ['AideAuxDemarchesAdministratives'],
    ]);
  });

  it('changes nothing when the same feed is imported again', async () => {
    const before = await counts();
    const r = ok(await run(feed(weekly(), single)));
    expect([r.created, r.updated, r.unchanged, r.cancelled, r.sessions]).toEqual([0, 0, 2, 0, 0]);
    expect(await counts()).toEqual(before);
  });

  it('follows a changed event, and cancels one gone from the feed while keeping its registrant', async () => {
    const manual = await createAtelier(
      db,
      users.editor,
      placeId,
      {
        title: 'Atelier saisi à la main',
        summary: 'Jamais touché par un import.',
        themes: ['LoisirsEtCreationsNumeriques'],
        date: '2027-10-12',
        start: '10:00',
        end: '11:00',
      },
      now,
    );
    expect(manual.ok).toBe(true);
    const caf = await db.atelierSession.findFirstOrThrow({ where: { atelier: { placeId, importUid: 'unique@agenda.example' } } });
    await db.atelier.updateMany({ where: { importUid: 'unique@agenda.example' }, data: { registrationMode: 'REPERES', capacity: 5 } });
    await db.atelierSession.update({ where: { id: caf.id }, data: { capacity: 5 } });
    const person = await register(db, { sessionId: caf.id, firstName: 'Lucie', email: 'lucie@example.org', phone: '', clientKey: 'import' }, 'http://x', now);
    expect(person.status).toBe('registered');

    const r = ok(await run(feed(weekly('Smartphone : les bases', '150000', '170000'))));
    expect([r.created, r.updated, r.unchanged, r.cancelled]).toEqual([0, 1, 0, 1]);
    const series = await db.atelier.findFirstOrThrow({ where: { placeId, importUid: 'hebdo@agenda.example' } });
    expect(series.title).toBe('Smartphone : les bases');
    expect((await starts('hebdo@agenda.example')).map(([at]) => at)).toEqual([
      '2027-10-20T13:00:00.000Z',
      '2027-10-27T13:00:00.000Z',
      '2027-11-03T14:00:00.000Z',
      '2027-11-10T14:00:00.000Z',
    ]);
    expect(await starts('unique@agenda.example')).toEqual([['2027-11-05T09:00:00.000Z', true]]);
    expect((await db.atelierRegistration.findFirstOrThrow({ where: { sessionId: caf.id } })).firstName).toBe('Lucie');
    expect((await db.atelier.findFirstOrThrow({ where: { title: 'Atelier saisi à la main' } })).cancelledAt).toBeNull();
  });

  it('keeps an imported atelier as it is when its event is refused this time', async () => {
    const broken = vevent('hebdo@agenda.example', [
      'DTSTART;TZID=Europe/Paris:20271020T160000',
      'DTEND;TZID=Europe/Paris:20271020T150000',
      'SUMMARY:À l’envers',
    ]);
    const r = ok(await run(feed(broken)));
    expect(r.refused).toEqual([
      { uid: 'hebdo@agenda.example', title: 'À l’envers', message: 'La fin de l’évènement est avant son début (ou au même moment).' },
    ]);
    expect(r.cancelled).toBe(0);
    expect((await db.atelier.findFirstOrThrow({ where: { placeId, importUid: 'hebdo@agenda.example' } })).cancelledAt).toBeNull();
  });
});

describe('bad files and other zones', () => {
  it('refuses 10,000 events and broken lines as a whole, writing nothing', async () => {
    const before = await counts();
    const many = Array.from({ length: 10_000 }, (_, i) =>
      vevent(`n${i}@x`, ['DTSTART;TZID=Europe/Paris:20271105T140000', 'DTEND;TZID=Europe/Paris:20271105T150000', `SUMMARY:Atelier ${i}`]),
    );
    const big = await run(feed(...many));
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error).toContain('Rien n’a été importé');
    const broken = await run(feed(weekly().replace('SUMMARY:', 'SUMMARY ')));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/ligne illisible \(ligne \d+ : « SUMMARY Smartphone/);
    expect(await counts()).toEqual(before);
  });

  it('reads floating times in the place’s overseas zone, and TZIDs in their own', async () => {
    await db.place.update({ where: { id: otherPlaceId }, data: { timeZone: 'America/Cayenne' } });
    const r = ok(
      await importFeed(
        db,
        users.admin,
        otherPlaceId,
        feed(
          vevent('cay@x', ['DTSTART:20271105T090000', 'DTEND:20271105T110000', 'SUMMARY:Cayenne, heure locale']),
          vevent('run@x', ['DTSTART;TZID=Indian/Reunion:20271105T090000', 'DTEND;TZID=Indian/Reunion:20271105T110000', 'SUMMARY:Saint-Denis']),
        ),
        { defaultTheme: 'AideAuxDemarchesAdministratives', now },
      ),
    );
    expect(r.created).toBe(2);
    const sessions = await db.atelierSession.findMany({ where: { atelier: { placeId: otherPlaceId, importUid: { not: null } } }, include: { atelier: true } });
    expect(Object.fromEntries(sessions.map((s) => [s.atelier.importUid, [s.startsAt.toISOString(), s.atelier.timeZone]]))).toEqual({
      'cay@x': ['2027-11-05T12:00:00.000Z', 'America/Cayenne'],
      'run@x': ['2027-11-05T05:00:00.000Z', 'Indian/Reunion'],
    });
  });
});

describe('npm run ateliers:import', () => {
  it('imports a file for a place given by its slug, and says what it did in French', () => {
    const place = { slug: '' };
    return db.place.findUniqueOrThrow({ where: { id: placeId } }).then((p) => {
      place.slug = p.slug;
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ics-')), 'agenda.ics');
      fs.writeFileSync(
        file,
        calendar(
          vevent('cli@x', [
            'DTSTART;TZID=Europe/Paris:20300105T100000',
            'DTEND;TZID=Europe/Paris:20300105T120000',
            'SUMMARY:En ligne de commande',
            'CATEGORIES:Loisirs et créations numériques',
          ]),
        ),
      );
      const cli = (args: string[]) =>
        spawnSync('npx', ['tsx', 'scripts/ateliers-import.ts', ...args], { encoding: 'utf8', env: { ...process.env }, timeout: 60_000 });
      const done = cli(['--lieu', place.slug, file]);
      expect(done.stderr).toBe('');
      expect(done.stdout).toContain('1 atelier(s) créé(s)');
      expect(cli(['--lieu', 'lieu-inconnu', file]).stderr).toContain('Aucun lieu n’a l’identifiant « lieu-inconnu »');
    });
  }, 120_000);
});
