// Creating a place in the back-office: scope, duplicates, validation (split from accounts.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/permissions';
import { createPlace, findPossibleDuplicates } from '../../lib/places/create';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';

const db = testDb();

describe('creating a place', () => {
  let admin: SessionUser, coordinator: SessionUser, editor: SessionUser, hubCoordinator: SessionUser, cybanjouId: string, hubId: string;
  const values = {
    name: 'Espace numérique des Rives',
    street: '3 quai des Carmes',
    addressComplement: '',
    postcode: '49100',
    commune: 'Angers',
    latitude: '47.4739',
    longitude: '-0.5588',
  };

  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    ({ admin, coordinator, editor, hubCoordinator } = await demoUsers(db));
    cybanjouId = (await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } })).id;
    hubId = (await db.network.findUniqueOrThrow({ where: { slug: 'hub-pdl' } })).id;
  });

  it('creates a draft in the coordinator’s network with a revision, and refuses outside it', async () => {
    expect((await createPlace(db, editor, { values, networkIds: [cybanjouId], confirmDuplicate: false })).status).toBe('forbidden');
    expect((await createPlace(db, coordinator, { values, networkIds: [hubId], confirmDuplicate: false })).status).toBe('forbidden');
    expect((await createPlace(db, coordinator, { values, networkIds: [], confirmDuplicate: false })).status).toBe('forbidden');
    const result = await createPlace(db, coordinator, { values, networkIds: [cybanjouId], confirmDuplicate: false });
    expect(result.status).toBe('created');
    const place = await db.place.findUniqueOrThrow({ where: { id: (result as { id: string }).id }, include: { networks: true, revisions: true } });
    expect(place).toMatchObject({ status: 'DRAFT', name: values.name, inseeCode: '49007', latitude: 47.4739, slug: 'espace-numerique-des-rives-angers' });
    expect(place.networks.map((n) => n.networkId)).toEqual([cybanjouId]);
    expect(place.revisions.map((r) => r.kind)).toEqual(['CREATE']);
  });

  it('warns about a probable duplicate (similar name nearby), and creates only when confirmed', async () => {
    const again = { ...values, name: 'Espace numerique des rives', street: '3 quai des Carmes' };
    const warned = await createPlace(db, admin, { values: again, networkIds: [], confirmDuplicate: false });
    expect(warned.status).toBe('duplicates');
    if (warned.status === 'duplicates') {
      expect(warned.matches[0]).toMatchObject({ name: 'Espace numérique des Rives', commune: 'Angers' });
      expect(warned.matches[0].distanceMeters).toBeLessThan(10);
    }
    const count = await db.place.count();
    expect((await createPlace(db, admin, { values: again, networkIds: [], confirmDuplicate: true })).status).toBe('created');
    expect(await db.place.count()).toBe(count + 1);
    // Same name, same commune, another postcode and no point: still found.
    const sameCommune = await findPossibleDuplicates(db, admin, {
      name: 'Espace numérique des Tilleuls',
      postcode: '49100',
      commune: 'ANGERS',
      latitude: null,
      longitude: null,
    });
    expect(sameCommune.map((m) => m.name)).toContain('Espace numérique des Tilleuls');
    // A different name in the same street is not a duplicate.
    expect(
      await findPossibleDuplicates(db, admin, { name: 'Médiathèque Toussaint', postcode: '49100', commune: 'Angers', latitude: 47.4739, longitude: -0.5588 }),
    ).toEqual([]);
  });

  it('warns about published places of every network, but about drafts and archives of the person’s own scope only', async () => {
    const inHub = { networks: { some: { networkId: hubId }, none: { networkId: cybanjouId } } };
    const inCybanjou = { networks: { some: { networkId: cybanjouId }, none: { networkId: hubId } } };
    const [hubDraft, cybanjouArchived, orphanArchived, hubPublished, cybanjouDraft] = await Promise.all([
      db.place.findFirstOrThrow({ where: { status: 'DRAFT', ...inHub } }),
      db.place.findFirstOrThrow({ where: { status: 'ARCHIVED', ...inCybanjou } }),
      db.place.findFirstOrThrow({ where: { status: 'ARCHIVED', networks: { none: {} } } }),
      db.place.findFirstOrThrow({ where: { status: 'PUBLISHED', ...inHub } }),
      db.place.findFirstOrThrow({ where: { status: 'DRAFT', ...inCybanjou } }),
    ]);
    const warned = async (who: SessionUser, place: typeof hubDraft) =>
      (
        await findPossibleDuplicates(db, who, {
          name: place.name,
          postcode: place.postcode,
          commune: place.commune,
          latitude: place.latitude,
          longitude: place.longitude,
        })
      ).map((m) => m.id);
    // Another network's unpublished places do not leak through the warning...
    expect(await warned(coordinator, hubDraft)).not.toContain(hubDraft.id);
    expect(await warned(editor, hubDraft)).not.toContain(hubDraft.id);
    expect(await warned(hubCoordinator, cybanjouDraft)).not.toContain(cybanjouDraft.id);
    expect(await warned(hubCoordinator, cybanjouArchived)).not.toContain(cybanjouArchived.id);
    expect(await warned(coordinator, orphanArchived)).not.toContain(orphanArchived.id);
    // ...through createPlace either: the coordinator's new place is created, not warned about.
    const created = await createPlace(db, coordinator, {
      values: {
        name: hubDraft.name,
        street: hubDraft.street,
        addressComplement: '',
        postcode: hubDraft.postcode,
        commune: hubDraft.commune,
        latitude: String(hubDraft.latitude),
        longitude: String(hubDraft.longitude),
      },
      networkIds: [cybanjouId],
      confirmDuplicate: false,
    });
    expect(created.status).toBe('created');
    // Their own, and every published place, do show.
    expect(await warned(hubCoordinator, hubDraft)).toContain(hubDraft.id);
    expect(await warned(coordinator, cybanjouDraft)).toContain(cybanjouDraft.id);
    expect(await warned(coordinator, cybanjouArchived)).toContain(cybanjouArchived.id);
    expect(await warned(admin, hubDraft)).toContain(hubDraft.id);
    expect(await warned(admin, orphanArchived)).toContain(orphanArchived.id);
    // The status comes as Prisma names it, so the form can offer to restore an archived place.
    const archivedMatch = (await findPossibleDuplicates(db, admin, { ...orphanArchived })).find((m) => m.id === orphanArchived.id);
    expect(archivedMatch?.status).toBe('ARCHIVED');
    expect(await warned(coordinator, hubPublished)).toContain(hubPublished.id);
    expect(await warned(editor, hubPublished)).toContain(hubPublished.id);
  });

  it('keeps invalid input out with French messages, and geocodes an address without a point', async () => {
    const invalid = await createPlace(db, admin, { values: { ...values, name: '', postcode: '4910' }, networkIds: [], confirmDuplicate: false });
    expect(invalid).toMatchObject({ status: 'invalid', errors: { name: 'Le nom est obligatoire.', postcode: expect.stringContaining('5 chiffres') } });
    const geocoded = await createPlace(db, admin, {
      values: {
        ...values,
        name: 'Atelier numérique de Trélazé',
        street: '1 rue Jean Jaurès',
        postcode: '49800',
        commune: 'Trélazé',
        latitude: null,
        longitude: null,
      },
      networkIds: [],
      confirmDuplicate: false,
    });
    expect(geocoded.status).toBe('created');
    const place = await db.place.findUniqueOrThrow({ where: { id: (geocoded as { id: string }).id } });
    // Offline (no GEOCODER_URL): placed in Trélazé, near Angers.
    expect(place.latitude).toBeGreaterThan(47.3);
    expect(place.latitude).toBeLessThan(47.6);
    expect(place.inseeCode).toBe('49353');
  });
});
