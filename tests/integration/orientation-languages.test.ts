// The fiche d'orientation in the beneficiary's language (issue #20): the places' details and the
// PDF in Arabic, Dari and Ukrainian (the embedded font, right to left where it is read so), the
// places' own words unchanged; French as before. On the demo fixture, a real PostgreSQL.
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

  it('gives the places’ details in the asked language, the places’ own words unchanged', async () => {
    const [place] = await loadFichePlaces(db, [{ id: genets }], BASE, TUESDAY, 'ar');
    expect(place.name).toBe(GENETS);
    expect(place.address).toEqual(['4 allée des Aigles', '49300 Cholet']);
    expect(place.hours?.[1]).toEqual({ day: 'الثلاثاء', text: '09:00 – 12:00, 14:00 – 18:00' });
    expect(place.access).toContain('دون موعد: احضر في أوقات العمل');
    expect(place.url).toBe(`${BASE}/ar/lieux/${(await db.place.findUniqueOrThrow({ where: { id: genets } })).slug}`);
    const [french] = await loadFichePlaces(db, [{ id: genets }], BASE, TUESDAY);
    expect(french.hours?.[1]).toEqual({ day: 'mardi', text: '9 h – 12 h, 14 h – 18 h' });
    expect(french.access).toContain('Sans rendez-vous : se présenter aux heures d’ouverture');
    expect(french.url).not.toContain('/fr/');
  });

  it('writes the PDF in Arabic: its words in Arabic script with the embedded font, right to left, the places’ names and phones unchanged', async () => {
    const fiche = await buildFiche(db, request(), BASE, TUESDAY, 'ar');
    expect(fiche.shareUrl).toMatch(/^http:\/\/localhost:3000\/ar\/orienter\/fiche\?lieux=/);
    const pdf = await renderFichePdf(fiche);
    const { pages, title } = await pdfText(pdf);
    const all = pages.join('\n');
    expect(title).toBe('ورقة التوجيه — Repères');
    for (const expected of [
      GENETS,
      BOCAGE,
      '02 61 91 03 01',
      '4 allée des Aigles, 49300 Cholet',
      'ورقة التوجيه',
      'أوقات العمل',
      'Demander Julie',
      'CCAS de Cholet',
    ])
      expect(all).toContain(expected);
    // The hours are drawn run by run (the extraction joins them without their spaces).
    expect(all.replace(/ /g, '')).toContain('الخميس:09:00–12:00,14:00–18:00');
    // No French word of the interface is left.
    for (const french of ['Téléphone', 'Horaires', 'Fiche d’orientation', 'Note :']) expect(all).not.toContain(french);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (ar)');
    // The places' own words are tagged French inside the Arabic document.
    expect(raw).toContain('/Lang (fr-FR)');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(pdf.length).toBeLessThan(300_000);
  });

  it('writes the PDF in Ukrainian with Cyrillic letters, and in Dari in the Gregorian calendar', async () => {
    const ukrainian = (await pdfText(await renderFichePdf(await buildFiche(db, request(), BASE, TUESDAY, 'uk')))).pages.join('\n');
    for (const expected of [
      'Картка направлення',
      'Телефон: 02 61 91 03 01',
      'Вівторок: 09:00 – 12:00, 14:00 – 18:00',
      'Примітка: Demander Julie',
      GENETS,
      BOCAGE,
    ])
      expect(ukrainian).toContain(expected);
    const dari = (await pdfText(await renderFichePdf(await buildFiche(db, request(), BASE, TUESDAY, 'fa')))).pages.join('\n');
    expect(dari).toContain('2026');
    expect(dari).not.toContain('1405');
  });

  it('keeps the French PDF as it was: Helvetica, French words', async () => {
    const pdf = await renderFichePdf(await buildFiche(db, request(), BASE, TUESDAY));
    const all = (await pdfText(pdf)).pages.join('\n');
    for (const expected of ['Fiche d’orientation', 'Téléphone : 02 61 91 03 01', 'Mardi : 9 h – 12 h, 14 h – 18 h', 'Note : Demander Julie'])
      expect(all).toContain(expected);
    expect(pdf.toString('latin1')).not.toContain('DejaVu');
  });
});

describe('right-to-left lines in the PDF', () => {
  it('cuts a line into runs of one direction: digits and Latin names stay left to right, neutrals follow their neighbours', () => {
    expect(bidiRuns('الهاتف: 02 41 00 00 00')).toEqual([
      { text: 'الهاتف: ', rtl: true },
      { text: '02 41 00 00 00', rtl: false },
    ]);
    expect(bidiRuns('Repères، دليل')).toEqual([
      { text: 'Repères', rtl: false },
      { text: '، دليل', rtl: true },
    ]);
    expect(bidiRuns('أعدّها CCAS de Cholet في 24 نوفمبر 2026')).toEqual([
      { text: 'أعدّها ', rtl: true },
      { text: 'CCAS de Cholet', rtl: false },
      { text: ' في ', rtl: true },
      { text: '24', rtl: false },
      { text: ' نوفمبر ', rtl: true },
      { text: '2026', rtl: false },
    ]);
    // Hours read from the right, as a browser shows them: the first time rightmost.
    expect(bidiRuns('الاثنين: 09:00 – 12:00, 14:00 – 18:00')).toEqual([
      { text: 'الاثنين: ', rtl: true },
      { text: '09:00', rtl: false },
      { text: ' – ', rtl: true },
      { text: '12:00', rtl: false },
      { text: ', ', rtl: true },
      { text: '14:00', rtl: false },
      { text: ' – ', rtl: true },
      { text: '18:00', rtl: false },
    ]);
    // After a Latin word, digits are part of it (a web address, a name).
    expect(bidiRuns('التسجيل: http://localhost:3000/ateliers/x')).toEqual([
      { text: 'التسجيل: ', rtl: true },
      { text: 'http://localhost:3000/ateliers/x', rtl: false },
    ]);
    expect(bidiRuns('')).toEqual([]);
  });

  it('mirrors brackets in a right-to-left run, and reverses a run fontkit would not', () => {
    // fontkit reverses a run with Arabic letters itself: only the brackets change.
    expect(rtlGlyphText('(مرحبا)')).toBe(')مرحبا(');
    // Neutrals alone between two runs: reversed here.
    expect(rtlGlyphText(' : (')).toBe(') : ');
  });
});
