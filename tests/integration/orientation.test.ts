import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildFiche, ficheRequestSchema, ficheText, type FicheRequest } from '../../lib/orientation/fiche';
import { renderFichePdf } from '../../lib/orientation/pdf';
import { sendFiche, SEND_RATE } from '../../lib/orientation/send';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';
import { pdfText } from '../helpers/pdf-text';
import { startSmtpSink } from '../helpers/smtp-sink';

const db = testDb();
const BASE = 'http://localhost:3000';

describe('the fiche d’orientation', () => {
  let genets: string, bocage: string, five: string[];

  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    genets = (await db.place.findFirstOrThrow({ where: { name: 'Centre social des Genêts (fictif)' } })).id;
    bocage = (await db.place.findFirstOrThrow({ where: { name: 'Médiathèque du Bocage (fictif)' } })).id;
    five = (await db.place.findMany({ where: { status: 'PUBLISHED', commune: { in: ['Cholet', 'Saumur', 'Angers'] } }, orderBy: { name: 'asc' }, take: 5 })).map((p) => p.id);
  });
  beforeEach(() => resetMemoryLimits());
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await resetDatabase(db);
  });

  const request = (ids: string[], extra: Partial<FicheRequest> = {}): FicheRequest =>
    ficheRequestSchema.parse({ places: ids.map((id, i) => ({ id, note: i === 0 ? 'Demander Julie, le mardi' : '' })), firstName: 'Amina', need: 'Faire sa demande de prime d’activité en ligne', professional: { structure: 'CCAS de Cholet', contact: 'Mme Durand, 02 41 00 00 00' }, ...extra });

  it('is a real PDF with the names, hours, phones and notes as text, in French, tagged, under 300 kB for 5 places', async () => {
    const fiche = await buildFiche(db, request([genets, bocage]), BASE, new Date('2026-11-24T09:00:00Z'));
    const pdf = await renderFichePdf(fiche);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, title } = await pdfText(pdf);
    const all = pages.join('\n');
    expect(title).toBe('Fiche d’orientation — Repères');
    for (const expected of ['Centre social des Genêts (fictif)', 'Médiathèque du Bocage (fictif)', 'Téléphone : 02 61 91 03 01', 'Mardi : 9 h – 12 h, 14 h – 18 h', 'Note : Demander Julie, le mardi', 'Pour : Amina', 'CCAS de Cholet']) {
      expect(all).toContain(expected);
    }
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (fr-FR)');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/Marked true/);

    const big = await renderFichePdf(await buildFiche(db, request(five), BASE));
    expect(big.length).toBeLessThan(300_000);
    expect((await pdfText(big)).pages.join('\n')).toContain(`5. `);
  });

  it('refuses bad requests with French messages', () => {
    expect(ficheRequestSchema.safeParse({ places: [] }).error?.issues[0].message).toBe('La sélection est vide : ajoutez au moins un lieu.');
    expect(ficheRequestSchema.safeParse({ places: Array.from({ length: 9 }, () => ({ id: genets })) }).error?.issues[0].message).toContain('8 lieux au plus');
    expect(ficheRequestSchema.safeParse({ places: [{ id: 'x' }] }).error?.issues[0].message).toBe('Lieu inconnu.');
  });

  it('skips unpublished places and keeps the chosen order', async () => {
    const draft = await db.place.create({ data: { slug: 'brouillon-fiche', name: 'Brouillon', street: '1 rue A', postcode: '49300', commune: 'Cholet', dateMaj: new Date() } });
    const fiche = await buildFiche(db, request([bocage, draft.id, genets]), BASE);
    expect(fiche.places.map((p) => p.name)).toEqual(['Médiathèque du Bocage (fictif)', 'Centre social des Genêts (fictif)']);
    expect(fiche.shareUrl).toMatch(/\/orienter\/fiche\?lieux=mediatheque-du-bocage/);
    expect(ficheText(fiche)).toContain('Note : Demander Julie, le mardi');
  });

  it('sends it to the outbox without keeping the address anywhere else, and rate-limits', async () => {
    delete process.env.SMTP_URL;
    expect(await sendFiche(db, { request: request([genets]), email: 'pas une adresse', clientKey: 'a', baseUrl: BASE })).toMatchObject({ status: 'invalid' });
    expect(await sendFiche(db, { request: request([genets]), email: 'amina@exemple.fr', clientKey: 'a', baseUrl: BASE })).toEqual({ status: 'sent' });
    const message = await db.outboxMessage.findFirstOrThrow({ where: { to: 'amina@exemple.fr' } });
    expect(message.text).toContain('Centre social des Genêts (fictif)');
    expect(message.text).toContain(`${BASE}/orienter/fiche?lieux=`);
    for (let i = 1; i < SEND_RATE.limit; i++) await sendFiche(db, { request: request([genets]), email: 'amina@exemple.fr', clientKey: 'a', baseUrl: BASE });
    expect((await sendFiche(db, { request: request([genets]), email: 'amina@exemple.fr', clientKey: 'a', baseUrl: BASE })).status).toBe('limited');
  });

  it('attaches the PDF when sent through a real SMTP server', async () => {
    const sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    try {
      expect(await sendFiche(db, { request: request([genets, bocage]), email: 'beneficiaire@exemple.fr', clientKey: 'smtp', baseUrl: BASE })).toEqual({ status: 'sent' });
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0].raw).toContain('filename=fiche-orientation.pdf');
      expect(sink.received[0].raw).toContain('Content-Type: application/pdf');
    } finally {
      delete process.env.SMTP_URL;
      await sink.close();
    }
  });
});
