// Invariants of the demo data, checked without a database.
import { describe, expect, it } from 'vitest';
import OpeningHours from 'opening_hours';
import type { Role } from '@prisma/client';
import { DEMO_ACCOUNTS, DEMO_NETWORKS, DEMO_PLACES, DEMO_SUGGESTIONS, MAINE_ET_LOIRE_BBOX, TEST_FIXTURE_PASSWORDS, demoSlug, kebabCase } from './seed-data';

const ROLES: Role[] = ['ADMIN', 'COORDINATOR', 'EDITOR'];

function parseHours(value: string, latitude: number, longitude: number): OpeningHours {
  return new OpeningHours(value, {
    lat: latitude,
    lon: longitude,
    address: { country_code: 'fr', state: 'Pays de la Loire' },
  });
}

function insideMaineEtLoire(latitude: number, longitude: number): boolean {
  const box = MAINE_ET_LOIRE_BBOX;
  return latitude >= box.minLat && latitude <= box.maxLat && longitude >= box.minLng && longitude <= box.maxLng;
}

describe('demo seed data', () => {
  it('has at least 50 places in at least 15 communes', () => {
    expect(DEMO_PLACES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(DEMO_PLACES.map((place) => place.commune)).size).toBeGreaterThanOrEqual(15);
  });

  it('places every place and stop inside Maine-et-Loire', () => {
    for (const place of DEMO_PLACES) {
      expect(insideMaineEtLoire(place.latitude, place.longitude), place.slug).toBe(true);
      expect(place.inseeCode, place.slug).toMatch(/^49\d{3}$/);
      expect(place.postcode, place.slug).toMatch(/^49\d{3}$/);
      for (const stop of place.stops ?? []) {
        expect(insideMaineEtLoire(stop.latitude, stop.longitude), `${place.slug} / ${stop.label}`).toBe(true);
        expect(stop.inseeCode).toMatch(/^49\d{3}$/);
      }
    }
  });

  it('gives every place a unique kebab-case slug made of its name and commune', () => {
    const slugs = DEMO_PLACES.map((place) => place.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const place of DEMO_PLACES) {
      expect(place.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(place.slug).toBe(demoSlug(place.name, place.commune));
    }
    expect(kebabCase("Fablab de la Gare (fictif) Saint-Barthélemy-d'Anjou")).toBe('fablab-de-la-gare-fictif-saint-barthelemy-d-anjou');
  });

  it('keeps every summary within 280 characters', () => {
    for (const place of DEMO_PLACES) {
      expect(place.summary.length, place.slug).toBeGreaterThan(0);
      expect(place.summary.length, place.slug).toBeLessThanOrEqual(280);
    }
  });

  it('writes every opening_hours value so that the opening_hours package parses it without warnings', () => {
    let checked = 0;
    for (const place of DEMO_PLACES) {
      const values = [
        ...(place.openingHours ? [[place.openingHours, place.latitude, place.longitude] as const] : []),
        ...(place.stops ?? []).map((stop) => [stop.openingHours, stop.latitude, stop.longitude] as const),
      ];
      for (const [value, latitude, longitude] of values) {
        let parsed: OpeningHours | undefined;
        expect(() => (parsed = parseHours(value, latitude, longitude)), `${place.slug}: ${value}`).not.toThrow();
        expect(parsed!.getWarnings(), `${place.slug}: ${value}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    // A few places have unknown hours, on purpose.
    expect(DEMO_PLACES.some((place) => !place.openingHours)).toBe(true);
  });

  it('has an itinerant place with at least 3 stops', () => {
    const itinerant = DEMO_PLACES.filter((place) => place.itinerance?.includes('Itinerant'));
    expect(itinerant.some((place) => (place.stops?.length ?? 0) >= 3)).toBe(true);
    for (const place of DEMO_PLACES) {
      if ((place.stops?.length ?? 0) > 0) expect(place.itinerance, place.slug).toContain('Itinerant');
    }
  });

  it('has an account for each role, each pointing at existing networks and places', () => {
    for (const role of ROLES)
      expect(
        DEMO_ACCOUNTS.some((account) => account.role === role),
        role,
      ).toBe(true);
    const emails = DEMO_ACCOUNTS.map((account) => account.email);
    expect(new Set(emails).size).toBe(emails.length);
    const networkSlugs = new Set(DEMO_NETWORKS.map((network) => network.slug));
    const placeSlugs = new Set(DEMO_PLACES.map((place) => place.slug));
    for (const account of DEMO_ACCOUNTS) {
      expect(TEST_FIXTURE_PASSWORDS[account.email]?.length, account.email).toBeGreaterThanOrEqual(12);
      for (const slug of account.networks) expect(networkSlugs.has(slug), slug).toBe(true);
      for (const slug of account.places) expect(placeSlugs.has(slug), slug).toBe(true);
    }
    const editor = DEMO_ACCOUNTS.find((account) => account.role === 'EDITOR')!;
    expect(editor.places.length).toBe(2);
    expect(DEMO_PLACES.filter((place) => editor.places.includes(place.slug)).every((p) => p.commune === 'Angers')).toBe(true);
  });

  it('mixes statuses and network memberships as the demo needs', () => {
    const count = (status: string) => DEMO_PLACES.filter((place) => place.status === status).length;
    expect(count('DRAFT')).toBe(2);
    expect(count('ARCHIVED')).toBe(2);
    expect(count('PUBLISHED')).toBe(DEMO_PLACES.length - 4);
    const members = (slug: string) => DEMO_PLACES.filter((place) => place.networks.includes(slug as never)).length;
    expect(members('cybanjou')).toBeGreaterThanOrEqual(35);
    expect(members('hub-pdl')).toBeGreaterThanOrEqual(5);
    expect(DEMO_PLACES.some((place) => place.networks.length === 2)).toBe(true);
    const stale = DEMO_PLACES.filter((place) => place.dateMajDaysAgo > 365).length;
    expect(stale).toBeGreaterThan(0);
    expect(Math.max(...DEMO_PLACES.map((place) => place.dateMajDaysAgo))).toBeLessThanOrEqual(3 * 366);
    expect(DEMO_PLACES.every((place) => place.dateMajDaysAgo >= 0)).toBe(true);
  });

  it('uses well-formed, fictional contact details', () => {
    for (const place of DEMO_PLACES) {
      if (place.phone) expect(place.phone, place.slug).toMatch(/^\+33[1-9]\d{8}$/);
      for (const email of place.emails ?? []) expect(email, place.slug).toMatch(/^[^@\s]+@([a-z0-9-]+\.)*example\.(org|net|com)$/);
      for (const url of [...(place.websites ?? []), ...(place.appointmentUrl ? [place.appointmentUrl] : [])]) {
        expect(new URL(url).hostname, place.slug).toMatch(/(^|\.)example\.(org|net|com)$/);
        expect(url.startsWith('https://'), place.slug).toBe(true);
      }
      if (place.accessModes.includes('PrendreRdvEnLigne')) expect(place.appointmentUrl, place.slug).toBeTruthy();
      if (place.typologies.includes('RFS')) expect(place.programmes ?? [], place.slug).toContain('FranceServices');
    }
  });

  it('offers English-language support in Cholet and pending suggestions on existing places', () => {
    const english = DEMO_PLACES.filter((place) => place.commune === 'Cholet' && place.specificSupport?.includes('LanguesEtrangeresAnglais'));
    expect(english.length).toBeGreaterThanOrEqual(2);
    const placeSlugs = new Set(DEMO_PLACES.map((place) => place.slug));
    expect(DEMO_SUGGESTIONS.length).toBe(2);
    for (const suggestion of DEMO_SUGGESTIONS) expect(placeSlugs.has(suggestion.placeSlug)).toBe(true);
  });
});
