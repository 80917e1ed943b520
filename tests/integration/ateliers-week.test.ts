// The back-office week of ateliers on the real database: each user sees the sessions of the
// places they may manage and no other — another network's coordinator, an editor of another place,
// a filter naming a place or network out of scope — grouped by day in Paris time.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAtelier } from '../../lib/ateliers/store';
import { ateliersWeek, mondayOf, readWeekFilter } from '../../lib/ateliers/week';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const now = new Date('2027-03-01T09:00:00Z'); // a Monday
let users: Awaited<ReturnType<typeof demoUsers>>;
let editedPlace: string; // edited by the editor, in the coordinator's network
let otherPlace: string; // same network, not the editor's
let hubPlace: string; // a place of the other network only
const titles = (week: Awaited<ReturnType<typeof ateliersWeek>>) =>
  week.days.flatMap((d) => d.sessions.map((s) => s.atelier.title)).sort((a, b) => a.localeCompare(b, 'fr'));

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  users = await demoUsers(db);
  editedPlace = users.editor.placeIds[0];
  // A place of the coordinator's network only (a place in both networks is rightly the other coordinator's too).
  otherPlace = (
    await db.place.findFirstOrThrow({
      where: {
        id: { notIn: users.editor.placeIds },
        AND: [
          { networks: { some: { networkId: { in: users.coordinator.networkIds } } } },
          { networks: { none: { networkId: { in: users.hubCoordinator.networkIds } } } },
        ],
      },
    })
  ).id;
  hubPlace = (
    await db.place.findFirstOrThrow({
      where: { networks: { some: { networkId: { in: users.hubCoordinator.networkIds } }, none: { networkId: { in: users.coordinator.networkIds } } } },
    })
  ).id;
  const base = { summary: 'Pour commencer.', themes: ['MaitriseDesOutilsNumeriquesDuQuotidien'], start: '14:00', end: '16:00' };
  for (const [user, place, title, date] of [
    [users.editor, editedPlace, 'Atelier du lieu édité', '2027-03-02'],
    [users.coordinator, otherPlace, 'Atelier d’un autre lieu du réseau', '2027-03-07'],
    [users.hubCoordinator, hubPlace, 'Atelier de l’autre réseau', '2027-03-03'],
    [users.editor, editedPlace, 'Atelier de la semaine suivante', '2027-03-09'],
  ] as const) {
    const r = await createAtelier(db, user, place, { ...base, title, date }, now);
    expect(r.ok, title).toBe(true);
  }
}, 60_000);

describe('the week of ateliers', () => {
  it('reads the Monday of the week in Paris, a given date or today, and ignores what is not a date', () => {
    expect(mondayOf('2027-03-07', now).toISOString().slice(0, 10)).toBe('2027-03-01');
    expect(mondayOf(null, new Date('2027-03-07T23:30:00Z')).toISOString().slice(0, 10)).toBe('2027-03-08'); // already Monday in Paris
    expect(mondayOf('2027-13-45', now).toISOString().slice(0, 10)).toBe('2027-03-01');
    expect(readWeekFilter({ lieu: "x' OR 1=1", reseau: 'abc' })).toEqual({ placeId: null, networkId: null });
  });

  it('shows the editor only the sessions of their places, on their day', async () => {
    const week = await ateliersWeek(users.editor, readWeekFilter({}), '2027-03-01', now, db);
    expect(titles(week).filter((t) => t.startsWith('Atelier '))).toEqual(['Atelier du lieu édité']);
    expect(week.days[1].date).toBe('2027-03-02');
    expect(week.days[1].sessions).toHaveLength(1);
    expect(week.next).toBe('2027-03-08');
  });

  it('shows a coordinator their network’s places, never the other network’s', async () => {
    const week = await ateliersWeek(users.coordinator, readWeekFilter({}), '2027-03-01', now, db);
    expect(titles(week).filter((t) => t.startsWith('Atelier '))).toEqual(['Atelier d’un autre lieu du réseau', 'Atelier du lieu édité']);
    expect(week.days[6].sessions.map((s) => s.atelier.title)).toEqual(['Atelier d’un autre lieu du réseau']);
    expect(week.networks.map((n) => n.id)).toEqual(users.coordinator.networkIds);
  });

  it('gives nothing when another network’s coordinator names a place or a network that is not theirs', async () => {
    const byPlace = await ateliersWeek(users.hubCoordinator, { placeId: editedPlace, networkId: null }, '2027-03-01', now, db);
    expect(titles(byPlace)).toEqual([]);
    const byNetwork = await ateliersWeek(users.hubCoordinator, { placeId: null, networkId: users.coordinator.networkIds[0] }, '2027-03-01', now, db);
    expect(titles(byNetwork)).toEqual([]);
    expect(byNetwork.places.map((p) => p.id)).not.toContain(editedPlace);
  });

  it('narrows the admin’s week to one place or one network', async () => {
    const byPlace = await ateliersWeek(users.admin, { placeId: hubPlace, networkId: null }, '2027-03-01', now, db);
    expect(titles(byPlace)).toEqual(['Atelier de l’autre réseau']);
    const byNetwork = await ateliersWeek(users.admin, { placeId: null, networkId: users.coordinator.networkIds[0] }, '2027-03-01', now, db);
    expect(titles(byNetwork).filter((t) => t.startsWith('Atelier '))).toEqual(['Atelier d’un autre lieu du réseau', 'Atelier du lieu édité']);
    const next = await ateliersWeek(users.admin, { placeId: editedPlace, networkId: null }, '2027-03-08', now, db);
    expect(titles(next).filter((t) => t.startsWith('Atelier '))).toEqual(['Atelier de la semaine suivante']);
  });
});
