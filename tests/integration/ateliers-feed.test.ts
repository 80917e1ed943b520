// /ateliers.ics through its route handler on the demo data: the calendar, its validators (a weak
// ETag that survives a new render of the same data, Last-Modified) and the 304 answers to
// conditional requests, HEAD, a change to an atelier changing the tag, and hostile parameters.
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../../app/ateliers.ics/route';
import { atelierFeed, notModified } from '../../lib/ateliers/feed';
import { parseAtelierParams } from '../../lib/ateliers/filters';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();
let lieu: string;

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  lieu = (await db.atelier.findUniqueOrThrow({ where: { slug: 'prendre-en-main-son-smartphone-cholet' }, include: { place: true } })).place.slug;
}, 60_000);

const feed = (query: string, headers: Record<string, string> = {}, method = 'GET') =>
  GET(new Request(`http://localhost/ateliers.ics?${query}`, { method, headers }));
const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('/ateliers.ics', () => {
  it('answers a calendar ical.js reads, with a weak ETag and a Last-Modified', async () => {
    const response = await feed(`lieu=${lieu}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, s-maxage=300');
    expect(response.headers.get('etag')).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(Date.parse(response.headers.get('last-modified')!)).toBeLessThanOrEqual(Date.now());
    const list = events(await response.text());
    expect(list.map((e) => e.summary)).toContain('Prendre en main son smartphone');
    expect(list.filter((e) => e.component.getFirstPropertyValue('status') === 'CANCELLED').length).toBeGreaterThanOrEqual(1);
  });

  it('keeps the same ETag when the same sessions are written again later (only DTSTAMP differs)', async () => {
    const { filters, problems } = parseAtelierParams({ lieu });
    const now = new Date();
    const first = await atelierFeed(filters, problems, 'https://reperes.test', now);
    const later = await atelierFeed(filters, problems, 'https://reperes.test', new Date(now.getTime() + 2000));
    expect(later.body).not.toBe(first.body);
    expect(later.body.replace(/DTSTAMP:\d{8}T\d{6}Z/g, '')).toBe(first.body.replace(/DTSTAMP:\d{8}T\d{6}Z/g, ''));
    expect(later.headers.ETag).toBe(first.headers.ETag);
    expect(later.headers['Last-Modified']).not.toBe(first.headers['Last-Modified']);
  });

  it('answers 304 without a body to If-None-Match with the tag (weak comparison, in a list, or *), 200 to another tag', async () => {
    const etag = (await feed(`lieu=${lieu}`)).headers.get('etag')!;
    for (const value of [etag, etag.replace(/^W\//, ''), `"autre", ${etag}`, '*']) {
      const response = await feed(`lieu=${lieu}`, { 'If-None-Match': value });
      expect(response.status, value).toBe(304);
      expect(await response.text()).toBe('');
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('cache-control')).toBe('public, max-age=300, s-maxage=300');
    }
    expect((await feed(`lieu=${lieu}`, { 'If-None-Match': 'W/"autre"' })).status).toBe(200);
    // If-None-Match decides alone: a matching date does not make a stale tag match.
    expect((await feed(`lieu=${lieu}`, { 'If-None-Match': 'W/"autre"', 'If-Modified-Since': new Date(Date.now() + 1000).toUTCString() })).status).toBe(200);
  });

  it('answers If-Modified-Since against the render’s time, and ignores a date in the future or unreadable', () => {
    const now = new Date('2027-03-01T10:00:30Z');
    const validators = { etag: 'W/"x"', lastModified: 'Mon, 01 Mar 2027 10:00:00 GMT' };
    const asked = (value: string) => notModified(new Headers({ 'If-Modified-Since': value }), validators, now);
    expect(asked('Mon, 01 Mar 2027 10:00:00 GMT')).toBe(true);
    expect(asked('Mon, 01 Mar 2027 10:00:20 GMT')).toBe(true);
    expect(asked('Mon, 01 Mar 2027 09:59:59 GMT')).toBe(false);
    expect(asked('Mon, 01 Mar 2027 11:00:00 GMT')).toBe(false);
    expect(asked('hier')).toBe(false);
    expect(notModified(new Headers(), validators, now)).toBe(false);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await feed(`lieu=${lieu}`, {}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^W\//);
    expect(await response.text()).toBe('');
  });

  it('changes the ETag when an atelier shown changes', async () => {
    const before = await feed(`lieu=${lieu}`);
    const atelier = await db.atelier.findUniqueOrThrow({ where: { slug: 'prendre-en-main-son-smartphone-cholet' } });
    await db.atelier.update({ where: { id: atelier.id }, data: { title: 'Prendre en main son téléphone' } });
    try {
      const after = await feed(`lieu=${lieu}`, { 'If-None-Match': before.headers.get('etag')! });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
      expect(events(await after.text()).map((e) => e.summary)).toContain('Prendre en main son téléphone');
    } finally {
      await db.atelier.update({ where: { id: atelier.id }, data: { title: atelier.title } });
    }
  });

  it('does not let a typed « ou » add lines to the calendar (its name)', async () => {
    // A postcode followed by anything is found offline: the name « Ateliers — <ou> — Repères » held the line breaks as typed.
    const ou = encodeURIComponent('49300 Cholet\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:pirate\r\nSUMMARY:Faux\r\nEND:VEVENT\r\nX-EVIL:1');
    const response = await feed(`ou=${ou}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/^(UID:pirate|SUMMARY:Faux|X-EVIL)/m);
    expect(text.match(/^END:VCALENDAR/gm)).toHaveLength(1);
    expect(text).toContain('X-WR-CALNAME:Ateliers — 49300 Cholet\\nEND:VCALENDAR\\nBEGIN:VEVENT');
    const list = events(text);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((e) => e.uid.endsWith('@reperes'))).toBe(true);
  });

  it('answers a place nobody can find with 404 and a French message, and an unknown network with an empty calendar', async () => {
    const lost = await feed('ou=Zzyzxvillenulle');
    expect(lost.status).toBe(404);
    expect(await lost.text()).toContain('Nous n’avons pas trouvé « Zzyzxvillenulle »');
    const none = await feed('reseau=reseau-inconnu');
    expect(none.status).toBe(200);
    expect(events(await none.text())).toEqual([]);
  });
});
