// No OpenStreetMap syntax on a page a resident reads (issue #23): the place page, its easy-to-read
// version, the search, the embed, the shared fiche and the ateliers, rendered by their route
// handlers, with hours the library reads, hours it rejects (a broken OSM value must not be shown
// as "the place's own words") and a bus whose stops have broken hours. Scripts (JSON-LD) aside:
// what is checked is the text a person sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as ateliersPage } from '../../app/ateliers/route';
import { GET as embedPage } from '../../app/embed/route';
import { GET as facilePlacePage } from '../../app/facile/lieux/[slug]/route';
import { GET as placePage } from '../../app/lieux/[slug]/route';
import { GET as fichePage } from '../../app/orienter/fiche/route';
import { GET as searchPage } from '../../app/recherche/route';
import { OSM_SYNTAX } from '../../lib/hours/present';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();

/** The text a person sees: no scripts, styles or tags, entities decoded. */
function visibleText(html: string) {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

async function text(response: Response | Promise<Response>) {
  const page = await response;
  expect(page.status).toBe(200);
  return visibleText(await page.text());
}

const slugOf = async (name: string) => (await db.place.findFirstOrThrow({ where: { name } })).slug;
const place = async (slug: string) => text(placePage(new Request(`http://localhost/lieux/${slug}`), { params: Promise.resolve({ slug }) }));
const facile = async (slug: string) => text(facilePlacePage(new Request(`http://localhost/facile/lieux/${slug}`), { params: Promise.resolve({ slug }) }));

describe('no OSM syntax on the pages residents read', () => {
  let broken: string, seasonal: string, bus: string;
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    broken = await slugOf('Espace numérique des Tilleuls');
    seasonal = await slugOf('Médiathèque des Ponts (fictif)');
    bus = await slugOf('Bus numérique (fictif)');
    await db.place.update({ where: { slug: broken }, data: { openingHours: 'Mo-Fr 09:00-12:00 xx; PH off' } });
    await db.place.update({ where: { slug: seasonal }, data: { openingHours: 'Tu,Th,Fr 14:00-18:00; Jul-Aug Tu-Fr 10:00-12:00; PH off' } });
    const busPlace = await db.place.findUniqueOrThrow({ where: { slug: bus } });
    await db.placeStop.updateMany({ where: { placeId: busPlace.id }, data: { openingHours: 'Tu 09:00-12:00 oops' } });
  }, 120_000);
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('the test itself sees OSM syntax where there is some', () => {
    expect(visibleText('<p>Indication donnée par le lieu : « Tu-Fr 14:00-18:00 »</p>')).toMatch(OSM_SYNTAX);
    expect(visibleText('<p>Fermé les jours fériés</p><script>{"openingHours":"Mo-Fr 09:00-12:00"}</script>')).not.toMatch(OSM_SYNTAX);
  });

  it('on place pages, easy-to-read or not, with hours read, rejected or seasonal, and a bus’s stops', async () => {
    for (const slug of [broken, seasonal, bus]) {
      expect(await place(slug), slug).not.toMatch(OSM_SYNTAX);
      expect(await facile(slug), slug).not.toMatch(OSM_SYNTAX);
    }
    // Rejected hours: said unknown, with a call first, never the broken value.
    expect(await place(broken)).toContain('Horaires non communiqués');
  });

  it('on the search, the embed, the shared fiche and the ateliers', async () => {
    const pages = [
      searchPage(new Request('http://localhost/recherche?ou=Angers')),
      embedPage(new Request('http://localhost/embed?reseau=cybanjou')),
      fichePage(new Request(`http://localhost/orienter/fiche?lieux=${broken},${seasonal},${bus}`)),
      ateliersPage(new Request('http://localhost/ateliers')),
    ];
    for (const page of pages) expect(await text(page)).not.toMatch(OSM_SYNTAX);
  });
});
