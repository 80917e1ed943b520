import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/permissions';
import { placeScopeWhere } from '../../lib/auth/permissions';
import { consumeToken, issueToken } from '../../lib/auth/tokens';
import { requestMagicLink } from '../../lib/auth/magic-link';
import { confirmToday, restoreRevision, reviewRevision, saveSection, setStatus } from '../../lib/editing/update';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, ownWeekSlots, resetDatabase, testDb } from '../helpers/db';
import { withSmtpSink } from '../helpers/smtp-sink';

const db = testDb();

describe('editing places in the back-office', () => {
  let admin: SessionUser, coordinator: SessionUser, editor: SessionUser, otherCoordinator: SessionUser;
  let cybanjouPlace: string, hubOnlyPlace: string, editorPlace: string;

  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    ({ admin, coordinator, editor, hubCoordinator: otherCoordinator } = await demoUsers(db));
    const cyb = await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } });
    cybanjouPlace = (
      await db.place.findFirstOrThrow({
        where: {
          status: 'PUBLISHED',
          AND: [{ networks: { some: { networkId: cyb.id } } }, { networks: { none: { network: { slug: 'hub-pdl' } } } }],
          id: { notIn: editor.placeIds },
        },
      })
    ).id;
    hubOnlyPlace = (await db.place.findFirstOrThrow({ where: { networks: { some: { network: { slug: 'hub-pdl' } }, none: { networkId: cyb.id } } } })).id;
    editorPlace = editor.placeIds[0];
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  const version = async (id: string) => (await db.place.findUniqueOrThrow({ where: { id } })).version;

  it('enforces the authorization matrix on every action, forged ids included', async () => {
    // Every cell names its exact outcome: a denial is the 'forbidden' result (never a thrown
    // error, which fails the test), an allowed action its own success status.
    type Action = (user: SessionUser, placeId: string) => Promise<{ status: string }>;
    let call = 0;
    const actions: Record<string, Action> = {
      // A new phone number each time, so that an allowed save is never 'unchanged'.
      'edit contact': async (user, id) =>
        saveSection(db, user, {
          placeId: id,
          section: 'contact',
          values: { phone: `02 41 11 22 ${String(10 + call++).padStart(2, '0')}`, emails: '', websites: '', appointmentUrl: '' },
          baseVersion: (await db.place.findUnique({ where: { id } }))?.version ?? 1,
        }),
      publish: (user, id) => setStatus(db, user, { placeId: id, status: 'DRAFT' }),
      confirm: (user, id) => confirmToday(db, user, id),
    };
    const denied = { 'edit contact': 'forbidden', publish: 'forbidden', confirm: 'forbidden' };
    const expectations: Array<[string, () => SessionUser, () => string, Record<string, string>]> = [
      ['admin on a Cyb@njou place', () => admin, () => cybanjouPlace, { 'edit contact': 'saved', publish: 'done', confirm: 'done' }],
      ['coordinator on their network', () => coordinator, () => cybanjouPlace, { 'edit contact': 'saved', publish: 'done', confirm: 'done' }],
      ['coordinator on another network', () => coordinator, () => hubOnlyPlace, denied],
      ['hub coordinator on Cyb@njou', () => otherCoordinator, () => cybanjouPlace, denied],
      // Cyb@njou reviews its editors' changes: the editor's save waits for a coordinator.
      ['editor on their place', () => editor, () => editorPlace, { 'edit contact': 'pending', publish: 'forbidden', confirm: 'done' }],
      ['editor on another place', () => editor, () => cybanjouPlace, denied],
      ['anyone on a forged id', () => admin, () => '00000000-0000-4000-8000-000000000000', denied],
    ];
    for (const [label, who, where, expected] of expectations) {
      for (const [name, action] of Object.entries(actions)) {
        const before = await db.place.findUnique({ where: { id: where() } });
        const result = await action(who(), where());
        expect(result.status, `${label} / ${name}`).toBe(expected[name]);
        const after = await db.place.findUnique({ where: { id: where() } });
        // A denial or a proposal leaves the place as it was; an applied action moves its version.
        if (expected[name] === 'forbidden' || expected[name] === 'pending') expect(after, `${label} / ${name}`).toEqual(before);
        else expect(after!.version, `${label} / ${name}`).toBe(before!.version + 1);
        if (name === 'publish' && result.status === 'done') expect((await setStatus(db, admin, { placeId: where(), status: 'PUBLISHED' })).status).toBe('done');
      }
    }
    const visible = await db.place.count({ where: placeScopeWhere(otherCoordinator) });
    expect(visible).toBe(await db.place.count({ where: { networks: { some: { network: { slug: 'hub-pdl' } } } } }));
  });

  it('of 20 simultaneous saves on one version, exactly one succeeds and no accepted change is lost', async () => {
    const base = await version(cybanjouPlace);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        saveSection(db, i % 2 ? admin : coordinator, {
          placeId: cybanjouPlace,
          section: 'presentation',
          values: { summary: `Résumé numéro ${i}`, presentation: '', practicalInfo: '' },
          baseVersion: base,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'saved')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'conflict')).toHaveLength(19);
    const winner = results.findIndex((r) => r.status === 'saved');
    const place = await db.place.findUniqueOrThrow({ where: { id: cybanjouPlace } });
    expect(place.summary).toBe(`Résumé numéro ${winner}`);
    expect(place.version).toBe(base + 1);
    const revision = await db.placeRevision.findFirstOrThrow({ where: { placeId: cybanjouPlace, baseVersion: base, kind: 'UPDATE' } });
    expect((revision.changes as Record<string, { after: unknown }>).summary.after).toBe(`Résumé numéro ${winner}`);
    const conflict = results.find((r) => r.status === 'conflict');
    expect(conflict).toMatchObject({ status: 'conflict', version: base + 1, current: { summary: `Résumé numéro ${winner}` } });
  });

  it('sends an editor’s change to review, applies it on approval, and keeps the hours slots in step', async () => {
    const before = await db.place.findUniqueOrThrow({ where: { id: editorPlace } });
    const pending = await saveSection(db, editor, {
      placeId: editorPlace,
      section: 'horaires',
      values: { openingHours: 'Mo-Sa 10:00-19:00' },
      baseVersion: before.version,
    });
    expect(pending.status).toBe('pending');
    expect((await db.place.findUniqueOrThrow({ where: { id: editorPlace } })).openingHours).toBe(before.openingHours);
    expect((await reviewRevision(db, editor, { revisionId: (pending as { revisionId: string }).revisionId, decision: 'apply' })).status).toBe('forbidden');
    expect((await reviewRevision(db, coordinator, { revisionId: (pending as { revisionId: string }).revisionId, decision: 'apply' })).status).toBe('applied');
    expect((await db.place.findUniqueOrThrow({ where: { id: editorPlace } })).openingHours).toBe('Mo-Sa 10:00-19:00');
    expect((await ownWeekSlots(db, editorPlace)).filter((s) => s.weekday === 6)).toEqual([{ weekday: 6, startMinute: 600, endMinute: 1140 }]);
  });

  it('refuses invalid input with French messages and restores an earlier value', async () => {
    const v = await version(cybanjouPlace);
    const invalid = await saveSection(db, coordinator, { placeId: cybanjouPlace, section: 'horaires', values: { openingHours: 'le matin' }, baseVersion: v });
    expect(invalid).toMatchObject({ status: 'invalid', errors: { openingHours: expect.stringContaining('pas lisibles') } });
    const saved = await saveSection(db, coordinator, {
      placeId: cybanjouPlace,
      section: 'contact',
      values: { phone: '02 41 99 88 77', emails: 'a@b.fr', websites: '', appointmentUrl: '' },
      baseVersion: v,
    });
    expect(saved.status).toBe('saved');
    const revision = await db.placeRevision.findFirstOrThrow({ where: { placeId: cybanjouPlace, kind: 'UPDATE' }, orderBy: { createdAt: 'desc' } });
    const previousPhone = (revision.changes as Record<string, { before: unknown }>).phone.before;
    expect((await restoreRevision(db, coordinator, revision.id)).status).toBe('restored');
    expect((await db.place.findUniqueOrThrow({ where: { id: cybanjouPlace } })).phone).toBe(previousPhone);
  });

  it('turns an editor’s restore into a proposal when the network reviews its editors (issue #16, hole 7)', async () => {
    // A coordinator changes the editor's published place: an applied revision the editor may restore.
    const v = await version(editorPlace);
    const before = await db.place.findUniqueOrThrow({ where: { id: editorPlace } });
    expect(before.status).toBe('PUBLISHED');
    expect(
      (
        await saveSection(db, coordinator, {
          placeId: editorPlace,
          section: 'presentation',
          values: { summary: 'Résumé de la coordination', presentation: before.presentation ?? '', practicalInfo: before.practicalInfo ?? '' },
          baseVersion: v,
        })
      ).status,
    ).toBe('saved');
    const applied = await db.placeRevision.findFirstOrThrow({
      where: { placeId: editorPlace, kind: 'UPDATE', state: 'APPLIED' },
      orderBy: { createdAt: 'desc' },
    });
    const published = await db.place.findUniqueOrThrow({ where: { id: editorPlace } });

    const result = await restoreRevision(db, editor, applied.id);
    expect(result.status).toBe('pending');
    // Nothing reaches the published place before a coordinator's approval.
    expect(await db.place.findUniqueOrThrow({ where: { id: editorPlace } })).toEqual(published);
    const proposal = await db.placeRevision.findUniqueOrThrow({ where: { id: (result as { revisionId: string }).revisionId } });
    expect(proposal).toMatchObject({
      placeId: editorPlace,
      kind: 'RESTORE',
      state: 'PENDING',
      authorId: editor.id,
      changes: { summary: { before: 'Résumé de la coordination', after: before.summary } },
    });
    expect((await reviewRevision(db, editor, { revisionId: proposal.id, decision: 'apply' })).status).toBe('forbidden');
    expect((await reviewRevision(db, coordinator, { revisionId: proposal.id, decision: 'apply' })).status).toBe('applied');
    expect((await db.place.findUniqueOrThrow({ where: { id: editorPlace } })).summary).toBe(before.summary);
  });

  it('issues single-use magic links that expire, without revealing accounts', async () => {
    resetMemoryLimits();
    const { result, messages } = await withSmtpSink(async () => [
      await requestMagicLink(db, { email: 'personne@example.org', clientKey: 'k', baseUrl: 'http://localhost:3000' }),
      await requestMagicLink(db, { email: 'coordination@cybanjou.example.org', clientKey: 'k', baseUrl: 'http://localhost:3000' }),
    ]);
    expect(result[0].message).toBe(result[1].message);
    const mail = messages.filter((m) => m.to === 'coordination@cybanjou.example.org').at(-1)!;
    const token = new URL(mail.text.match(/http\S+/)![0]).searchParams.get('jeton')!;
    expect(await consumeToken(db, 'MAGIC_LINK', token)).not.toBeNull();
    expect(await consumeToken(db, 'MAGIC_LINK', token)).toBeNull();
    const expired = await issueToken(db, 'MAGIC_LINK', 'admin@reperes.example');
    await db.authToken.updateMany({ where: { email: 'admin@reperes.example' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await consumeToken(db, 'MAGIC_LINK', expired)).toBeNull();
    expect(await consumeToken(db, 'PASSWORD_RESET', token)).toBeNull();
  });
});
