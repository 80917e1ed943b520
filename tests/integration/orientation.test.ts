import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildFiche, ficheRequestSchema, ficheText, type FicheRequest } from '../../lib/orientation/fiche';
import { renderFichePdf } from '../../lib/orientation/pdf';
import type { SessionUser } from '../../lib/auth/permissions';
import { translator } from '../../lib/i18n';
import { ficheMailto } from '../../lib/orientation/mailto';
import { sendFiche, SEND_RATE_PER_ACCOUNT, SEND_RATE_PER_RECIPIENT } from '../../lib/orientation/send';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';
import { pdfText } from '../helpers/pdf-text';
import { startSmtpSink } from '../helpers/smtp-sink';

const db = testDb();
const BASE = 'http://localhost:3000';

describe('the fiche d’orientation', () => {
  let genets: string, bocage: string, five: string[];
  let editor: SessionUser, coordinator: SessionUser;

  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    genets = (await db.place.findFirstOrThrow({ where: { name: 'Centre social des Genêts (fictif)' } })).id;
    bocage = (await db.place.findFirstOrThrow({ where: { name: 'Médiathèque du Bocage (fictif)' } })).id;
    ({ editor, coordinator } = await demoUsers(db));
    five = (
      await db.place.findMany({ where: { status: 'PUBLISHED', commune: { in: ['Cholet', 'Saumur', 'Angers'] } }, orderBy: { name: 'asc' }, take: 5 })
    ).map((p) => p.id);
  });
  beforeEach(() => resetMemoryLimits());
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await resetDatabase(db);
  });

  const request = (ids: string[], extra: Partial<FicheRequest> = {}): FicheRequest =>
    ficheRequestSchema.parse({
      places: ids.map((id, i) => ({ id, note: i === 0 ? 'Demander Julie, le mardi' : '' })),
      firstName: 'Amina',
      need: 'Faire sa demande de prime d’activité en ligne',
      professional: { structure: 'CCAS de Cholet', contact: 'Mme Durand, 02 41 00 00 00' },
      ...extra,
    });

  it('is a real PDF with the names, hours, phones and notes as text, in French, tagged, under 300 kB for 5 places', async () => {
    const fiche = await buildFiche(db, request([genets, bocage]), BASE, new Date('2026-11-24T09:00:00Z'));
    const pdf = await renderFichePdf(fiche);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, title } = await pdfText(pdf);
    const all = pages.join('\n');
    expect(title).toBe('Fiche d’orientation — Repères');
    for (const expected of [
      'Centre social des Genêts (fictif)',
      'Médiathèque du Bocage (fictif)',
      'Téléphone : 02 61 91 03 01',
      'Mardi : 9 h – 12 h, 14 h – 18 h',
      'Note : Demander Julie, le mardi',
      'Pour : Amina',
      'CCAS de Cholet',
    ]) {
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
    expect(ficheRequestSchema.safeParse({ places: [] }).error?.issues[0].message).toBe('La sélection est vide : ajoutez au moins un lieu ou un atelier.');
    expect(ficheRequestSchema.safeParse({ places: Array.from({ length: 9 }, () => ({ id: genets })) }).error?.issues[0].message).toContain('8 lieux au plus');
    expect(ficheRequestSchema.safeParse({ places: [{ id: 'x' }] }).error?.issues[0].message).toBe('Lieu inconnu.');
  });

  it('skips unpublished places and keeps the chosen order', async () => {
    const draft = await db.place.create({
      data: { slug: 'brouillon-fiche', name: 'Brouillon', street: '1 rue A', postcode: '49300', commune: 'Cholet', dateMaj: new Date() },
    });
    const fiche = await buildFiche(db, request([bocage, draft.id, genets]), BASE);
    expect(fiche.places.map((p) => p.name)).toEqual(['Médiathèque du Bocage (fictif)', 'Centre social des Genêts (fictif)']);
    expect(fiche.shareUrl).toMatch(/\/orienter\/fiche\?lieux=mediatheque-du-bocage/);
    expect(ficheText(fiche)).toContain('Note : Demander Julie, le mardi');
  });

  it('sends nothing for an anonymous visitor, whatever they ask (no open mail relay)', async () => {
    const sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    const outboxBefore = await db.outboxMessage.count();
    try {
      const spam = request([genets], { need: 'Gagnez 1000 € : https://arnaque.example/x', firstName: 'x'.repeat(60) });
      for (let i = 0; i < 5; i++) {
        expect(await sendFiche(db, { sender: null, request: spam, email: `victime${i}@exemple.fr`, baseUrl: BASE })).toEqual({ status: 'forbidden' });
        expect(await sendFiche(db, { sender: null, request: request([genets]), email: 'amina@exemple.fr', baseUrl: BASE })).toEqual({ status: 'forbidden' });
      }
      expect(sink.received).toEqual([]);
      delete process.env.SMTP_URL;
      expect(await sendFiche(db, { sender: null, request: request([genets]), email: 'amina@exemple.fr', baseUrl: BASE })).toEqual({ status: 'forbidden' });
      expect(await db.outboxMessage.count()).toBe(outboxBefore);
    } finally {
      delete process.env.SMTP_URL;
      await sink.close();
    }
  });

  it('gives anonymous visitors a mailto: link with the share link, opened in their own mail app', () => {
    const shareUrl = `${BASE}/orienter/fiche?lieux=mediatheque-du-bocage-fictif,centre-social`;
    const link = ficheMailto({ shareUrl, firstName: 'Amina', structure: 'CCAS de Cholet' }, translator('fr'));
    expect(link.startsWith('mailto:?subject=')).toBe(true);
    const body = decodeURIComponent(new URL(link).searchParams.get('body') ?? '');
    expect(body).toContain(shareUrl);
    expect(body).toContain('Bonjour Amina,');
    expect(body).toContain('CCAS de Cholet');
    // In the page's language: the person reads it in theirs.
    const arabic = new URL(ficheMailto({ shareUrl, firstName: 'Amina' }, translator('ar')));
    expect(arabic.searchParams.get('body')).toContain('مرحبًا Amina،');
    expect(arabic.searchParams.get('subject')).toBe(translator('ar')('orient.mail.subject'));
  });

  it('lets a signed-in professional send it, refuses links in the free text, and never keeps the address', async () => {
    delete process.env.SMTP_URL;
    expect(await sendFiche(db, { sender: editor, request: request([genets]), email: 'pas une adresse', baseUrl: BASE })).toMatchObject({
      status: 'invalid',
      field: 'email',
    });
    for (const extra of [
      { need: 'voir https://arnaque.example/x' },
      { firstName: 'www.arnaque.fr' },
      { professional: { structure: 'CCAS', contact: 'bit.ly/abc' } },
    ]) {
      const refused = await sendFiche(db, { sender: editor, request: request([genets], extra), email: 'amina@exemple.fr', baseUrl: BASE });
      expect(refused).toMatchObject({ status: 'invalid', field: 'text' });
      expect((refused as { message: string }).message).toContain('Les adresses web ne sont pas acceptées');
    }
    const noted = request([genets]);
    noted.places[0].note = 'Suite sur arnaque.fr/gain';
    expect(await sendFiche(db, { sender: editor, request: noted, email: 'amina@exemple.fr', baseUrl: BASE })).toMatchObject({
      status: 'invalid',
      message: expect.stringContaining('la note du lieu n° 1'),
    });
    expect(await db.outboxMessage.count({ where: { to: 'amina@exemple.fr' } })).toBe(0);

    // An e-mail address in the contact is the professional's own, not a link.
    const fine = request([genets], { professional: { structure: 'CCAS de Cholet', contact: 'Julie, julie.martin@ccas-cholet.fr' } });
    expect(await sendFiche(db, { sender: editor, request: fine, email: 'amina@exemple.fr', baseUrl: BASE })).toEqual({ status: 'sent' });
    const message = await db.outboxMessage.findFirstOrThrow({ where: { to: 'amina@exemple.fr' } });
    expect(message.text).toContain('Centre social des Genêts (fictif)');
    expect(message.text).toContain(`${BASE}/orienter/fiche?lieux=`);
    expect(message.text).toContain(`Fiche envoyée par`);
    expect(message.text).toContain(editor.email);
  });

  it('limits what one address receives, whoever sends, and what one account sends', async () => {
    delete process.env.SMTP_URL;
    const to = 'beneficiaire.limite@exemple.fr';
    const results = [];
    for (let i = 0; i < SEND_RATE_PER_RECIPIENT.limit + 2; i++) {
      results.push((await sendFiche(db, { sender: i % 2 ? editor : coordinator, request: request([genets]), email: to, baseUrl: BASE })).status);
    }
    expect(results).toEqual([...Array(SEND_RATE_PER_RECIPIENT.limit).fill('sent'), 'limited', 'limited']);
    expect(await db.outboxMessage.count({ where: { to } })).toBe(SEND_RATE_PER_RECIPIENT.limit);

    resetMemoryLimits();
    let last = '';
    for (let i = 0; i <= SEND_RATE_PER_ACCOUNT.limit; i++)
      last = (await sendFiche(db, { sender: editor, request: request([genets]), email: `personne${i}@exemple.fr`, baseUrl: BASE })).status;
    expect(last).toBe('limited');
  });

  it('attaches the PDF when sent through a real SMTP server', async () => {
    const sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    try {
      expect(await sendFiche(db, { sender: editor, request: request([genets, bocage]), email: 'beneficiaire@exemple.fr', baseUrl: BASE })).toEqual({
        status: 'sent',
      });
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0].raw).toContain('filename=fiche-orientation.pdf');
      expect(sink.received[0].raw).toContain('Content-Type: application/pdf');
      // Replies go to the professional, not to the no-reply address.
      expect(sink.received[0].raw).toMatch(new RegExp(`Reply-To: ${editor.email.replace('.', '\\.')}`, 'i'));
    } finally {
      delete process.env.SMTP_URL;
      await sink.close();
    }
  });
});
