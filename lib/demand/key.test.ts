import { describe, expect, it } from 'vitest';
import { parseSearchParams } from '@/lib/search/filters';
import { createDemandBuffer, MAX_KEYS } from './buffer';
import { buckets, demandKey, departementOf, filterSet, radiusBand, reachOf, weekOf } from './key';

const filters = (query: string) => parseSearchParams(new URLSearchParams(query)).filters;
const AT = new Date('2026-12-03T18:45:12Z'); // a Thursday

describe('the aggregate key of a search', () => {
  it('keeps the week’s Monday, the commune, the sorted closed-list choices and the radius band — nothing else', () => {
    const key = demandKey(
      filters(
        'ou=12 rue des Lilas Saumur&besoin=MaitriseDesOutilsNumeriquesDuQuotidien&besoin=AideAuxDemarchesAdministratives&frais=Gratuit&type=epn&rayon=15&ouvert=2026-12-05T10:00',
      ),
      '49328',
      AT,
    );
    expect(key).toEqual({
      week: '2026-11-30',
      inseeCode: '49328',
      departement: '49',
      needs: 'AideAuxDemarchesAdministratives|MaitriseDesOutilsNumeriquesDuQuotidien',
      filters: 'frais:Gratuit|ouvert:moment|type:epn',
      radiusBand: 10,
    });
    expect(Object.keys(key!).sort()).toEqual(['departement', 'filters', 'inseeCode', 'needs', 'radiusBand', 'week']);
    expect(JSON.stringify(key)).not.toMatch(/Lilas|10:00|2026-12-05/);
  });

  it('does not count a name search, a network’s scope, a later page, or a search without a commune', () => {
    expect(demandKey(filters('ou=Saumur&q=mediatheque'), '49328', AT)).toBeNull();
    expect(demandKey(filters('ou=Saumur&reseau=cybanjou'), '49328', AT)).toBeNull();
    expect(demandKey(filters('ou=Saumur&page=2'), '49328', AT)).toBeNull();
    expect(demandKey(filters('ou=Saumur'), null, AT)).toBeNull();
    expect(demandKey(filters('ou=Saumur'), 'x<script>', AT)).toBeNull();
  });

  it('orders choices so that the same search written two ways is one key', () => {
    expect(filterSet(filters('frais=Gratuit&public=Seniors&creneau=lundi-matin'))).toBe(filterSet(filters('creneau=lundi-matin&public=Seniors&frais=Gratuit')));
  });

  it('weeks, bands and départements', () => {
    expect(weekOf(new Date('2026-11-30T00:00:00Z'))).toBe('2026-11-30');
    expect(weekOf(new Date('2026-12-06T23:59:59Z'))).toBe('2026-11-30');
    expect(weekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-12-28');
    expect([2, 4, 5, 9, 10, 19, 20, 100].map(radiusBand)).toEqual([2, 2, 5, 5, 10, 10, 20, 20]);
    expect(['49328', '2A004', '97411', '75056'].map(departementOf)).toEqual(['49', '2A', '974', '75']);
  });
});

describe('answers bucketed by distance', () => {
  it('is exact up to the radius, and beyond it decides only “3 or more”', () => {
    expect(buckets(reachOf({ 5: 0, 10: 2, 20: 5 }, 20))).toEqual({ 5: 'none', 10: 'few', 20: 'many' });
    // A 10 km search: nothing within 10 km says nothing of 20 km.
    expect(buckets(reachOf({ 5: 0, 10: 0, 20: 0 }, 10))).toEqual({ 5: 'none', 10: 'none', 20: null });
    // Three places within 3 km: three within 5, 10 and 20 km too.
    expect(buckets(reachOf({ 5: 3, 10: 3, 20: 3 }, 3))).toEqual({ 5: 'many', 10: 'many', 20: 'many' });
    expect(buckets(reachOf({ 5: 1, 10: 1, 20: 1 }, 3))).toEqual({ 5: null, 10: null, 20: null });
  });
});

describe('the in-memory buffer', () => {
  const key = demandKey(filters('ou=Saumur'), '49328', AT)!;
  const reach = reachOf({ 5: 0, 10: 1, 20: 4 }, 20);

  it('turns a flood of one search into one key whose counters grow', () => {
    const buffer = createDemandBuffer();
    for (let i = 0; i < 50_000; i++) buffer.record(key, reach);
    const [entry, ...rest] = buffer.take();
    expect(rest).toEqual([]);
    expect(entry.counters).toMatchObject({ searches: 50_000, none5: 50_000, few10: 50_000, many20: 50_000, few5: 0 });
    expect(buffer.size()).toBe(0);
  });

  it('stays bounded under a flood of distinct searches: new keys go to the commune-week’s merged key', () => {
    let full = 0;
    const buffer = createDemandBuffer({ maxKeys: 100, onFull: () => full++ });
    const communes = ['49328', '49007'];
    for (let i = 0; i < 10_000; i++) buffer.record({ ...key, inseeCode: communes[i % 2], filters: `label:${i}` }, reach);
    expect(buffer.size()).toBe(102);
    expect(full).toBe(9_900);
    const entries = buffer.take();
    expect(entries.reduce((n, e) => n + e.counters.searches, 0)).toBe(10_000);
    expect(entries.filter((e) => e.key.needs === '*' && e.key.filters === '*')).toHaveLength(2);
    expect(MAX_KEYS).toBeGreaterThan(1000);
  });
});

describe('which answers count', () => {
  const request = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });
  it('a GET; not a HEAD, a prefetch, or the service worker fetching a page again to keep it', async () => {
    const { counted, KEEP_HEADER } = await import('@/lib/render/public-page');
    expect(counted(request('GET', { 'sec-fetch-dest': 'document' }))).toBe(true);
    expect(counted(request('GET', { 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'navigate' }))).toBe(true);
    expect(counted(request('GET', {}))).toBe(true);
    expect(counted(request('HEAD', {}))).toBe(false);
    expect(counted(request('GET', { [KEEP_HEADER]: '1' }))).toBe(false);
    expect(counted(request('GET', { 'sec-fetch-dest': 'document', 'sec-purpose': 'prefetch;prerender' }))).toBe(false);
  });
});
