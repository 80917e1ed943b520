// The fiche d'orientation in the beneficiary's language (issue #20): the places' details and the
// PDF in Arabic, Dari and Ukrainian (the embedded font, right to left where it is read so), the
// places' own words unchanged; French as before. On the demo fixture, a real PostgreSQL.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFiche, ficheRequestSchema, loadFichePlaces } from '../../lib/orientation/fiche';
import { renderFichePdf } from '../../lib/orientation/pdf';
import { bidiRuns, rtlGlyphText } from '../../lib/orientation/pdf-text';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';
import { pdfText } from '../helpers/pdf-text';

const db = testDb();
const BASE = 'http://localhost:3000';
const GENETS = 'Centre social des Genêts (fictif)';
const BOCAGE = 'Médiathèque du Bocage (fictif)';
const TUESDAY = new Date('2026-11-24T09:00:00Z');

describe('the fiche in other languages', () => {
  let genets: string, bocage: string;
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    genets = (await db.place.findFirstOrThrow({ where: { name: GENETS } })).id;
    bocage = (await db.place.findFirstOrThrow({ where: { name: BOCAGE } })).id;
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  const request = () =>
    ficheRequestSchema.parse({
      places: [
        { id: genets, note: 'Demander Julie' },
        { id: bocage, note: '' },
      ],
      firstName: 'Amina',
      need: '',
      professional: { structure: 'CCAS de Cholet', contact: '' },
    });

  it('explores', async () => {
    for (const locale of ['ar', 'uk', 'fa'] as const) {
      const pdf = await renderFichePdf(await buildFiche(db, request(), BASE, TUESDAY, locale));
      fs.writeFileSync(`/tmp/i18norient/fiche-${locale}.pdf`, pdf);
      const { pages, title } = await pdfText(pdf);
      console.log(locale, title, pdf.length, '\n', pages.join('\n---\n'));
    }
  });
});
