import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGonePlaceSlug, nearbyPlaces, placeRoute, resolvePlacePage } from '../../lib/places/page';
import { readPlaceRow } from '../../lib/places/page-read';
import { closeSuggestion, SUGGESTION_PLACE_RATE, SUGGESTION_RATE, submitSuggestion } from '../../lib/places/suggestions';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';
import { startSmtpSink } from '../helpers/smtp-sink';

const db = testDb();
const DAY = 24 * 3600 * 1000;

describe('place page data', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('shows a published place', async () => {
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    const page = await resolvePlacePage(place.slug, new Date());
    expect(page.kind).toBe('published');
    if (page.kind === 'published') expect(page.place.id).toBe(place.id);
  });

  it('follows an old slug to the current one (301), but never to a draft', async () => {
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    await db.placeSlugRedirect.create({ data: { slug: 'ancien-nom-du-lieu', placeId: place.id } });
    expect(await resolvePlacePage('ancien-nom-du-lieu', new Date())).toEqual({ kind: 'redirect', slug: place.slug });
    // The proxy answers it with a 301.
    expect(await placeRoute('ancien-nom-du-lieu')).toEqual({ redirect: place.slug });
    expect(await placeRoute(place.slug)).toBeNull();

    const draft = await db.place.findFirstOrThrow({ where: { status: 'DRAFT' } });
    await db.placeSlugRedirect.create({ data: { slug: 'ancien-nom-du-brouillon', placeId: draft.id } });
    expect(await resolvePlacePage('ancien-nom-du-brouillon', new Date())).toEqual({ kind: 'not-found', commune: draft.commune });
    expect(await placeRoute('ancien-nom-du-brouillon')).toBeNull();
    expect(await resolvePlacePage('jamais-existe', new Date())).toEqual({ kind: 'not-found', commune: null });
    expect(await resolvePlacePage('x'.repeat(500), new Date())).toEqual({ kind: 'not-found', commune: null });
  });

  it('answers 404 for drafts and archived duplicates, with their commune for a search', async () => {
    const draft = await db.place.findFirstOrThrow({ where: { status: 'DRAFT' } });
    expect(await resolvePlacePage(draft.slug, new Date())).toEqual({ kind: 'not-found', commune: draft.commune });
    const duplicate = await db.place.findFirstOrThrow({ where: { status: 'ARCHIVED', closedForGoodAt: null } });
    expect(await resolvePlacePage(duplicate.slug, new Date())).toEqual({ kind: 'not-found', commune: duplicate.commune });
    expect(await isGonePlaceSlug(duplicate.slug)).toBe(false);
  });

  it('shows a place closed for good for a year with alternatives, then answers 410', async () => {
    const closed = await db.place.findFirstOrThrow({ where: { status: 'ARCHIVED', closedForGoodAt: { not: null } } });
    const closedAt = closed.closedForGoodAt!.getTime();
    const soon = new Date(closedAt + 30 * DAY);
    const later = new Date(closedAt + 366 * DAY);
    expect((await resolvePlacePage(closed.slug, soon)).kind).toBe('closed');
    expect(await isGonePlaceSlug(closed.slug, soon)).toBe(false);
    expect(await resolvePlacePage(closed.slug, later)).toEqual({ kind: 'gone', name: closed.name, commune: closed.commune });
    expect(await isGonePlaceSlug(closed.slug, later)).toBe(true);
    // An old slug of a gone place still leads to its address (which answers 410).
    await db.placeSlugRedirect.create({ data: { slug: 'ancien-club', placeId: closed.id } });
    expect(await resolvePlacePage('ancien-club', later)).toEqual({ kind: 'redirect', slug: closed.slug });
    expect(await placeRoute('ancien-club', later)).toEqual({ redirect: closed.slug });
    expect(await placeRoute(closed.slug, later)).toEqual({ gone: true });

    const alternatives = await nearbyPlaces(closed);
    expect(alternatives.length).toBeGreaterThan(0);
    const rows = await db.place.findMany({ where: { slug: { in: alternatives.map((a) => a.slug) } } });
    for (const row of rows) expect(row.status).toBe('PUBLISHED');
  });

  it('proposes the three nearest published places with a common service', async () => {
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED', commune: 'Angers', services: { has: 'AideAuxDemarchesAdministratives' } } });
    const nearby = await nearbyPlaces(place);
    expect(nearby).toHaveLength(3);
    expect(nearby.map((n) => n.distance)).toEqual([...nearby.map((n) => n.distance)].sort((a, b) => a - b));
    expect(nearby.map((n) => n.slug)).not.toContain(place.slug);
    const rows = await db.place.findMany({ where: { slug: { in: nearby.map((n) => n.slug) } } });
    for (const row of rows) {
      expect(row.status).toBe('PUBLISHED');
      expect(row.services.some((s) => place.services.includes(s))).toBe(true);
    }
    // They are the nearest: no other published place with a common service is closer than the third.
    const candidates = await db.place.findMany({ where: { status: 'PUBLISHED', id: { not: place.id }, services: { hasSome: place.services } } });
    const metres = (p: { latitude: number | null; longitude: number | null }) => {
      const rad = Math.PI / 180;
      const a =
        Math.sin(((p.latitude! - place.latitude!) * rad) / 2) ** 2 +
        Math.cos(place.latitude! * rad) * Math.cos(p.latitude! * rad) * Math.sin(((p.longitude! - place.longitude!) * rad) / 2) ** 2;
      return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    };
    const closer = candidates.filter((c) => c.latitude !== null && metres(c) < nearby[2].distance - 50);
    expect(closer.every((c) => nearby.some((n) => n.slug === c.slug))).toBe(true);
  });

  it('reads every place in one statement exactly as Prisma reads it, with the same nearby places', async () => {
    // A place written with only the required fields: its list columns hold NULL, which Prisma reads as [].
    await db.$executeRaw`INSERT INTO "Place" (id, slug, status, name, street, postcode, commune, latitude, longitude, "dateMaj", "updatedAt")
      VALUES (gen_random_uuid(), 'lieu-sans-listes', 'published', 'Lieu sans listes', '1 rue Nue', '49000', 'Angers', 47.47, -0.55, current_date, now())`;
    const places = await db.place.findMany({
      include: { stops: { orderBy: { position: 'asc' } }, networks: { include: { network: { select: { slug: true, name: true } } } } },
    });
    expect(places.length).toBeGreaterThan(10);
    let compared = 0;
    for (const expected of places) {
      const read = await readPlaceRow(expected.slug);
      expect(read).not.toBeNull();
      const { place, nearby } = read!;
      for (const [field, value] of Object.entries(place)) {
        if (field === 'stops')
          expect(value).toEqual(
            expected.stops.map(({ id, label, street, commune, latitude, longitude, openingHours }) => ({
              id,
              label,
              street,
              commune,
              latitude,
              longitude,
              openingHours,
            })),
          );
        else if (field === 'networks') expect(value).toEqual(expected.networks.map((m) => ({ network: m.network })));
        else expect([field, value]).toEqual([field, expected[field as keyof typeof expected]]);
      }
      // The first scan of the statement is nearbyPlaces()'s; a short list is completed by the caller.
      const shown = expected.status === 'PUBLISHED' || expected.closedForGoodAt !== null;
      const wanted = shown ? await nearbyPlaces(expected) : [];
      if (nearby.length === 3 || !shown) expect(nearby).toEqual(wanted.map((n) => ({ ...n, distance: expect.closeTo(n.distance, 3) })));
      if (shown && expected.latitude !== null) compared++;
    }
    expect(compared).toBeGreaterThan(5);
    // The page completes a short list with every place within 50 km.
    const page = await resolvePlacePage(places.find((p) => p.status === 'PUBLISHED' && p.latitude !== null)!.slug, new Date());
    if (page.kind === 'published')
      expect(page.nearby).toEqual((await nearbyPlaces(page.place)).map((n) => ({ ...n, distance: expect.closeTo(n.distance, 3) })));
  });

  it('has no nearby places without a position', async () => {
    expect(await nearbyPlaces({ id: '00000000-0000-0000-0000-000000000000', latitude: null, longitude: null, services: [] })).toEqual([]);
  });

  it('records a valid report, ignores bots, keeps values on error and limits bursts', async () => {
    resetMemoryLimits();
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    const before = await db.suggestion.count({ where: { placeId: place.id } });
    const base = { placeId: place.id, part: 'HOURS', message: 'Fermé le mercredi désormais', email: '', honeypot: '', clientKey: 'client-a' };

    const bot = await submitSuggestion(db, { ...base, honeypot: 'http://spam.example' });
    expect(bot.status).toBe('sent');
    expect(await db.suggestion.count({ where: { placeId: place.id } })).toBe(before);

    const invalid = await submitSuggestion(db, { ...base, part: 'NOPE', email: 'pas-une-adresse' });
    expect(invalid.status).toBe('invalid');
    expect(invalid.errors).toMatchObject({ part: 'Indiquez ce qui est inexact.', email: expect.stringContaining('Adresse électronique invalide') });
    expect(invalid.values).toEqual({ part: 'NOPE', message: 'Fermé le mercredi désormais', email: 'pas-une-adresse' });

    const tooLong = await submitSuggestion(db, { ...base, message: 'x'.repeat(2001) });
    expect(tooLong).toMatchObject({ status: 'invalid', errors: { message: 'Votre message est trop long (2 000 caractères au plus).' } });
    expect(await db.suggestion.count({ where: { placeId: place.id } })).toBe(before);

    const sent = await submitSuggestion(db, { ...base, email: ' Marie@Exemple.fr ' });
    expect(sent.status).toBe('sent');
    const stored = await db.suggestion.findFirstOrThrow({ where: { placeId: place.id }, orderBy: { createdAt: 'desc' } });
    expect(stored).toMatchObject({ part: 'HOURS', message: 'Fermé le mercredi désormais', email: 'Marie@Exemple.fr', state: 'PENDING' });

    // Invalid forms do not count; the limit is SUGGESTION_RATE.limit reports per window.
    for (let i = 1; i < SUGGESTION_RATE.limit; i++) expect((await submitSuggestion(db, base)).status).toBe('sent');
    const refused = await submitSuggestion(db, base);
    expect(refused.status).toBe('refused');
    expect(refused.message).toContain('Pour éviter les abus');
    expect(refused.values?.message).toBe('Fermé le mercredi désormais');
    expect(await db.suggestion.count({ where: { placeId: place.id } })).toBe(before + SUGGESTION_RATE.limit);
    // Another client is not affected.
    expect((await submitSuggestion(db, { ...base, clientKey: 'client-b' })).status).toBe('sent');
  });

  it('limits reports per place, whatever addresses they come from', async () => {
    resetMemoryLimits();
    const [place, other] = await db.place.findMany({ where: { status: 'PUBLISHED' }, orderBy: { name: 'desc' }, take: 2 });
    const before = await db.suggestion.count({ where: { placeId: place.id } });
    const statuses: string[] = [];
    for (let i = 0; i < SUGGESTION_PLACE_RATE.limit + 5; i++) {
      statuses.push(
        (
          await submitSuggestion(db, {
            placeId: place.id,
            part: 'OTHER',
            message: `Signalement numéro ${i}`,
            email: '',
            honeypot: '',
            clientKey: `rotating-${i}`,
          })
        ).status,
      );
    }
    expect(statuses.filter((s) => s === 'sent')).toHaveLength(SUGGESTION_PLACE_RATE.limit);
    expect(statuses.slice(-5)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
    expect(await db.suggestion.count({ where: { placeId: place.id } })).toBe(before + SUGGESTION_PLACE_RATE.limit);
    // Another place is not affected.
    expect(
      (await submitSuggestion(db, { placeId: other.id, part: 'OTHER', message: 'Un message valable', email: '', honeypot: '', clientKey: 'rotating-x' }))
        .status,
    ).toBe('sent');
  });

  it('closes a report without mailing the unverified address it came with, then forgets it', async () => {
    resetMemoryLimits();
    const { admin, editor } = await demoUsers(db);
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED', id: { notIn: editor.placeIds } } });
    await submitSuggestion(db, {
      placeId: place.id,
      part: 'HOURS',
      message: 'Fermé le jeudi maintenant',
      email: 'victime@exemple.fr',
      honeypot: '',
      clientKey: 'closing',
    });
    const report = await db.suggestion.findFirstOrThrow({ where: { email: 'victime@exemple.fr' } });
    const sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    const outboxBefore = await db.outboxMessage.count();
    try {
      // Outside their places, an editor may not close it.
      expect(await closeSuggestion(db, editor, { suggestionId: report.id, decision: 'REJECTED' })).toEqual({ status: 'forbidden' });
      expect(await closeSuggestion(db, admin, { suggestionId: report.id, decision: 'APPLIED', note: 'Horaires corrigés' })).toEqual({ status: 'done' });
      expect(sink.received).toEqual([]);
      delete process.env.SMTP_URL;
      expect(await db.outboxMessage.count()).toBe(outboxBefore);
      expect(await db.suggestion.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
        state: 'APPLIED',
        email: null,
        reviewNote: 'Horaires corrigés',
        reviewerId: admin.id,
      });
    } finally {
      delete process.env.SMTP_URL;
      await sink.close();
    }
  });

  it('refuses reports on unpublished places', async () => {
    const draft = await db.place.findFirstOrThrow({ where: { status: 'DRAFT' } });
    const result = await submitSuggestion(db, {
      placeId: draft.id,
      part: 'OTHER',
      message: 'Un message valable',
      email: '',
      honeypot: '',
      clientKey: 'client-c',
    });
    expect(result.status).toBe('invalid');
    expect(await db.suggestion.count({ where: { placeId: draft.id } })).toBe(0);
    const unknown = await submitSuggestion(db, {
      placeId: 'pas-un-uuid',
      part: 'OTHER',
      message: 'Un message valable',
      email: '',
      honeypot: '',
      clientKey: 'client-c',
    });
    expect(unknown.status).toBe('invalid');
  });
});
