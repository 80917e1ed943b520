// What happens to a place's ateliers is written in the place's history, by whom, on the real
// database: a series created, one session cancelled, the series cancelled; a refused attempt
// (another network's coordinator) writes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { approveProposedAtelier, cancelAtelier, cancelSession, createAtelier } from '../../lib/ateliers/store';
import { reviewRevision } from '../../lib/editing/update';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const now = new Date('2027-01-04T09:00:00Z');
let users: Awaited<ReturnType<typeof demoUsers>>;
let placeId: string;

const atelierLines = () =>
  db.placeRevision.findMany({ where: { placeId, kind: 'ATELIER' }, orderBy: { createdAt: 'asc' }, select: { authorId: true, changes: true, state: true } });

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  users = await demoUsers(db);
  placeId = users.editor.placeIds[0];
}, 60_000);

describe('the place’s history of its ateliers', () => {
  it('records the creation, a cancelled session and the cancelled series, with their author', async () => {
    const created = await createAtelier(
      db,
      users.editor,
      placeId,
      {
        title: 'Faire ses démarches CAF',
        summary: 'Créer son compte, déclarer ses ressources.',
        themes: ['AideAuxDemarchesAdministratives'],
        date: '2027-01-07',
        start: '09:30',
        end: '11:30',
        repetition: 'weekly',
        until: '2027-01-28',
      },
      now,
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    let lines = await atelierLines();
    expect(lines).toEqual([
      {
        authorId: users.editor.id,
        state: 'APPLIED',
        changes: { 'Atelier « Faire ses démarches CAF »': { before: null, after: 'créé : 4 séances à partir du jeudi 7 janvier 2027' } },
      },
    ]);

    const second = (await db.atelierSession.findMany({ where: { atelierId: created.id }, orderBy: { startsAt: 'asc' } }))[1];
    expect((await cancelSession(db, users.coordinator, second.id, now)).ok).toBe(true);
    expect((await cancelSession(db, users.coordinator, second.id, now)).ok).toBe(true); // twice: one line
    lines = await atelierLines();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({
      authorId: users.coordinator.id,
      state: 'APPLIED',
      changes: { 'Séance de « Faire ses démarches CAF », jeudi 14 janvier 2027, 09 h 30 – 11 h 30': { before: 'prévue', after: 'annulée' } },
    });

    expect((await cancelSession(db, users.hubCoordinator, second.id, now)).ok).toBe(false);
    expect((await cancelAtelier(db, users.hubCoordinator, created.id, now)).ok).toBe(false);
    expect(await atelierLines()).toHaveLength(2);

    expect((await cancelAtelier(db, users.editor, created.id, now)).ok).toBe(true);
    expect((await cancelAtelier(db, users.editor, created.id, now)).ok).toBe(true); // already cancelled: no second line
    lines = await atelierLines();
    expect(lines).toHaveLength(3);
    expect(lines[2].changes).toEqual({ 'Atelier « Faire ses démarches CAF »': { before: '3 séances à venir', after: 'annulé' } });
  });
});

describe('an editor’s atelier where the network reviews its editors’ ateliers', () => {
  const proposal = (title: string, date = '2027-02-02') => ({
    title,
    summary: 'Envoyer une photo, appeler en vidéo.',
    themes: ['MaitriseDesOutilsNumeriquesDuQuotidien'],
    date,
    start: '14:00',
    end: '16:00',
  });

  it('waits for the coordination: nothing public until approved, by the place’s coordinator only, once', async () => {
    const networkIds = (await db.networkMembership.findMany({ where: { placeId } })).map((m) => m.networkId);
    await db.network.updateMany({ where: { id: { in: networkIds } }, data: { reviewAteliers: true } });
    try {
      const proposed = await createAtelier(db, users.editor, placeId, proposal('Garder le contact en vidéo'), now);
      expect(proposed).toMatchObject({ ok: true, pending: true });
      expect(await db.atelier.count({ where: { title: 'Garder le contact en vidéo' } })).toBe(0);
      const pending = await db.placeRevision.findFirstOrThrow({ where: { placeId, kind: 'ATELIER', state: 'PENDING' } });
      expect(pending.authorId).toBe(users.editor.id);

      expect(await reviewRevision(db, users.hubCoordinator, { revisionId: pending.id, decision: 'apply' })).toEqual({ status: 'forbidden' });
      expect(await reviewRevision(db, users.editor, { revisionId: pending.id, decision: 'apply' })).toEqual({ status: 'forbidden' });
      expect(await db.atelier.count({ where: { title: 'Garder le contact en vidéo' } })).toBe(0);

      expect(await reviewRevision(db, users.coordinator, { revisionId: pending.id, decision: 'apply', note: 'Merci' })).toEqual({ status: 'applied' });
      const created = await db.atelier.findFirstOrThrow({ where: { title: 'Garder le contact en vidéo' }, include: { sessions: true } });
      expect(created.placeId).toBe(placeId);
      expect(created.sessions).toHaveLength(1);
      expect(await db.placeRevision.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ state: 'APPLIED', reviewerId: users.coordinator.id });
      expect(await reviewRevision(db, users.coordinator, { revisionId: pending.id, decision: 'apply' })).toEqual({ status: 'gone' });
      expect(await db.atelier.count({ where: { title: 'Garder le contact en vidéo' } })).toBe(1);

      // Refused: nothing created. Approved after its date has passed: refused, still pending.
      await createAtelier(db, users.editor, placeId, proposal('Atelier refusé'), now);
      const refused = await db.placeRevision.findFirstOrThrow({ where: { placeId, kind: 'ATELIER', state: 'PENDING' } });
      expect(await reviewRevision(db, users.coordinator, { revisionId: refused.id, decision: 'reject' })).toEqual({ status: 'rejected' });
      expect(await db.atelier.count({ where: { title: 'Atelier refusé' } })).toBe(0);
      await createAtelier(db, users.editor, placeId, proposal('Atelier trop tard', '2027-01-06'), now);
      const late = await db.placeRevision.findFirstOrThrow({ where: { placeId, kind: 'ATELIER', state: 'PENDING' } });
      const approvedLate = await approveProposedAtelier(db, users.coordinator, late, null, new Date('2027-01-07T09:00:00Z'));
      expect(approvedLate).toMatchObject({ ok: false, errors: { date: 'Cette date est passée : choisissez une date à venir.' } });
      expect((await db.placeRevision.findUniqueOrThrow({ where: { id: late.id } })).state).toBe('PENDING');

      // The coordinator's own atelier needs no review.
      expect(await createAtelier(db, users.coordinator, placeId, proposal('Atelier de la coordination'), now)).toMatchObject({ ok: true, pending: false });
    } finally {
      await db.network.updateMany({ where: { id: { in: networkIds } }, data: { reviewAteliers: false } });
    }
  });
});
