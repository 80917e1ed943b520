import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearbyPlaces, placeBySlug, redirectedSlug } from '../../lib/places/page';
import { submitSuggestion } from '../../lib/places/suggestions';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();

describe('place page data', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('follows an old slug to the current one', async () => {
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    await db.placeSlugRedirect.create({ data: { slug: 'ancien-nom-du-lieu', placeId: place.id } });
    expect(await redirectedSlug('ancien-nom-du-lieu')).toBe(place.slug);
    expect(await redirectedSlug('jamais-existe')).toBeNull();
    expect((await placeBySlug(place.slug))?.id).toBe(place.id);
  });

  it('proposes the three nearest published places with a common service', async () => {
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED', commune: 'Angers', services: { has: 'AideAuxDemarchesAdministratives' } } });
    const nearby = await nearbyPlaces(place);
    expect(nearby).toHaveLength(3);
    expect(nearby.map((n) => n.distance)).toEqual([...nearby.map((n) => n.distance)].sort((a, b) => a - b));
    expect(nearby.map((n) => n.slug)).not.toContain(place.slug);
    const slugs = nearby.map((n) => n.slug);
    const rows = await db.place.findMany({ where: { slug: { in: slugs } } });
    for (const row of rows) {
      expect(row.status).toBe('PUBLISHED');
      expect(row.services.some((s) => place.services.includes(s))).toBe(true);
    }
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
    expect(invalid.values?.message).toBe('Fermé le mercredi désormais');

    const sent = await submitSuggestion(db, base);
    expect(sent.status).toBe('sent');
    const stored = await db.suggestion.findFirstOrThrow({ where: { placeId: place.id }, orderBy: { createdAt: 'desc' } });
    expect(stored).toMatchObject({ part: 'HOURS', message: 'Fermé le mercredi désormais', email: null, state: 'PENDING' });

    await submitSuggestion(db, base);
    await submitSuggestion(db, base);
    const refused = await submitSuggestion(db, base);
    expect(refused.status).toBe('refused');
    expect(refused.message).toContain('Pour éviter les abus');
    expect((await submitSuggestion(db, { ...base, clientKey: 'client-b' })).status).toBe('sent');
  });

  it('refuses reports on unpublished places', async () => {
    const draft = await db.place.findFirstOrThrow({ where: { status: 'DRAFT' } });
    const result = await submitSuggestion(db, { placeId: draft.id, part: 'OTHER', message: 'Un message valable', email: '', honeypot: '', clientKey: 'client-c' });
    expect(result.status).toBe('invalid');
    expect(await db.suggestion.count({ where: { placeId: draft.id } })).toBe(0);
  });
});
