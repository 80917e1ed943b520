// What a resident or a beneficiary receives after a translated page, in their language (issue #20):
// an atelier's registration made in Ukrainian and in Arabic (confirmation, waiting list, freed seat,
// reminder, cancelled session, in the language stored with the registration; the cancellation link
// with its prefix and its page in that language), French unchanged; the fiche sent by Repères in
// Spanish (subject, body and the attached PDF). Real PostgreSQL; mail through the outbox and a real
// SMTP server (the outbox copy masks the link's token, the SMTP message carries it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as cancelPage, POST as cancelPost } from '../../app/ateliers/annulation/[token]/route';
import { cancelRegistration, register } from '../../lib/ateliers/registration';
import { sendReminders } from '../../lib/ateliers/reminders';
import { cancelSession, createAtelier } from '../../lib/ateliers/store';
import { LOCALE_HEADER } from '../../lib/i18n';
import { OUTBOX_MARKER } from '../../lib/mail';
import { ficheRequestSchema } from '../../lib/orientation/fiche';
import { sendFiche } from '../../lib/orientation/send';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';
import { pdfText } from '../helpers/pdf-text';
import { mailSubject, mailText, startSmtpSink } from '../helpers/smtp-sink';

const db = testDb();
const BASE = 'https://reperes.test';
const now = new Date('2027-01-04T09:00:00Z');
const TITLE = 'Visio en famille';
const PHONE = '02 41 00 00 00';
const LRM = '\u200e';
const previousSmtp = process.env.SMTP_URL;
let users: Awaited<ReturnType<typeof demoUsers>>;
let placeName: string;

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  users = await demoUsers(db);
  const place = await db.place.update({ where: { id: users.editor.placeIds[0] }, data: { phone: PHONE } });
  placeName = place.name;
  delete process.env.SMTP_URL;
}, 60_000);

afterAll(async () => {
  if (previousSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = previousSmtp;
  await resetDatabase(db);
});

const outbox = (to: string) => db.outboxMessage.findMany({ where: { to }, orderBy: { createdAt: 'asc' } });
const person = (firstName: string, email: string, locale?: string) => ({ firstName, email, phone: '', clientKey: `k-${email}`, locale });

async function newSession() {
  const r = await createAtelier(
    db,
    users.editor,
    users.editor.placeIds[0],
    {
      title: TITLE,
      summary: 'Appeler ses proches en vidéo.',
      themes: ['MaitriseDesOutilsNumeriquesDuQuotidien'],
      date: '2027-01-08',
      start: '14:00',
      end: '16:00',
      capacity: '1',
      registrationMode: 'REPERES',
    },
    now,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return db.atelierSession.findFirstOrThrow({ where: { atelierId: r.id } });
}

describe('an atelier’s mails in the registrant’s language', () => {
  it('confirms in Ukrainian, puts on the waiting list in Arabic and French, then frees, reminds and cancels in each one’s language', async () => {
    resetMemoryLimits();
    const session = await newSession();
    const olena = await register(db, { sessionId: session.id, ...person('Олена', 'olena@example.org', 'uk') }, BASE, now);
    // The Arabic registration goes through a real SMTP server: the link's token, masked in the outbox, is in it.
    const sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    let amal;
    try {
      amal = await register(db, { sessionId: session.id, ...person('أمل', 'amal@example.org', 'ar') }, BASE, now);
    } finally {
      delete process.env.SMTP_URL;
      await sink.close();
    }
    const jeanne = await register(db, { sessionId: session.id, ...person('Jeanne', 'jeanne@example.org') }, BASE, now);
    // An unknown language is French; the column holds only the seven (a CHECK).
    const other = await register(db, { sessionId: session.id, ...person('Hans', 'hans@example.org', 'de') }, BASE, now);
    expect([olena, amal, jeanne, other].map((o) => o.status === 'registered' && o.state)).toEqual(['CONFIRMED', 'WAITING', 'WAITING', 'WAITING']);
    const stored = await db.atelierRegistration.findMany({ where: { sessionId: session.id }, orderBy: { createdAt: 'asc' }, select: { locale: true } });
    expect(stored.map((r) => r.locale)).toEqual(['uk', 'ar', 'fr', 'fr']);
    await expect(db.$executeRaw`UPDATE "AtelierRegistration" SET "locale" = 'de' WHERE "sessionId" = ${session.id}::uuid`).rejects.toThrow(
      /AtelierRegistration_locale_check/,
    );

    // Ukrainian: words and date in Ukrainian, the atelier's title and the place's name as written, the link prefixed.
    const [uk] = await outbox('olena@example.org');
    expect(uk.subject).toBe(`Запис підтверджено: ${TITLE}`);
    expect(uk.text).toContain('Добрий день, Олена!');
    expect(uk.text).toContain('Ваш запис підтверджено.');
    // Friday 8 January in Ukrainian (the weekday's apostrophe is the ICU data's), hours as 14:00.
    expect(uk.text).toMatch(/Коли: п.ятниця, 8 січня 2027 р\., 14:00 – 16:00/);
    expect(uk.text).toContain(`Де: ${placeName}, `);
    expect(uk.text).toContain(`Телефон місця: ${PHONE}`);
    expect(uk.text).toContain(`${BASE}/uk/ateliers/annulation/${OUTBOX_MARKER}`);
    expect(uk.text).not.toMatch(/Bonjour|inscription/);

    // Arabic, as the SMTP server received it: the phone kept left to right, the link prefixed and usable.
    const arabic = sink.received.find((m) => m.to === 'amal@example.org')!;
    const arText = mailText(arabic.raw);
    expect(mailSubject(arabic.raw)).toBe(`قائمة الانتظار: ${TITLE}`);
    expect(arText).toContain('مرحبًا أمل،');
    expect(arText).toContain('الجلسة مكتملة: أنت على قائمة الانتظار.');
    expect(arText).toContain(`المكان: ${placeName}, `);
    expect(arText).toContain(`هاتف المكان: ${LRM}${PHONE}${LRM}`);
    expect(arText).toContain('يناير 2027');
    const arLink = arText.match(/https:\/\/reperes\.test\/ar\/ateliers\/annulation\/([\w-]+)/)![1];
    expect(amal.status === 'registered' && amal.token).toBe(arLink);

    // French, as before.
    const [fr] = await outbox('jeanne@example.org');
    expect(fr.subject).toBe(`Liste d’attente : ${TITLE}`);
    expect(fr.text).toContain('Bonjour Jeanne,');
    expect(fr.text).toContain('Quand : vendredi 8 janvier 2027, 14 h 00 – 16 h 00');
    expect(fr.text).toContain(`Téléphone du lieu : ${PHONE}`);
    expect(fr.text).toContain(`${BASE}/ateliers/annulation/${OUTBOX_MARKER}`);
    expect((await outbox('hans@example.org'))[0].subject).toBe(`Liste d’attente : ${TITLE}`);

    // Olena cancels: the seat goes to Amal, told in Arabic.
    expect(await cancelRegistration(db, olena.status === 'registered' ? olena.token : '', BASE, now)).toBe(true);
    const freed = (await outbox('amal@example.org')).at(-1)!;
    expect(freed.subject).toBe(`أصبح هناك مقعد شاغر: ${TITLE}`);
    expect(freed.text).toContain('أصبح هناك مقعد شاغر: تم تأكيد تسجيلك.');

    // The day before: Amal's reminder in Arabic.
    expect(await sendReminders(db, new Date(session.startsAt.getTime() - 20 * 3600_000))).toBe(1);
    const reminder = (await outbox('amal@example.org')).at(-1)!;
    expect(reminder.subject).toBe(`تذكير: ${TITLE}`);
    expect(reminder.text).toContain('نذكّرك بأنك مسجّل في هذه الورشة:');
    expect(reminder.text).toContain(`الورشة: ${TITLE}`);

    // The place cancels the session: each registrant is told in their language, the place's name unchanged.
    expect(await cancelSession(db, users.editor, session.id, now)).toEqual({ ok: true });
    const arCancelled = (await outbox('amal@example.org')).at(-1)!;
    expect(arCancelled.subject).toBe(`أُلغيت الجلسة: ${TITLE}`);
    expect(arCancelled.text).toContain(`ألغى ${placeName} جلسة الورشة «${TITLE}»`);
    expect(arCancelled.text).toContain(`لأي سؤال: ${LRM}${PHONE}${LRM}`);
    const frCancelled = (await outbox('jeanne@example.org')).at(-1)!;
    expect(frCancelled.subject).toBe(`Séance annulée : ${TITLE}`);
    expect(frCancelled.text).toContain(`La séance de l’atelier « ${TITLE} » du vendredi 8 janvier 2027, 14 h 00 – 16 h 00 est annulée par ${placeName}.`);
    expect((await outbox('olena@example.org')).length).toBe(1); // cancelled before: not told
  });

  it('answers the cancellation link in its language, and cancels there', async () => {
    resetMemoryLimits();
    const session = await newSession();
    const r = await register(db, { sessionId: session.id, ...person('Mykola', 'mykola@example.org', 'uk') }, BASE, now);
    if (r.status !== 'registered') throw new Error('not registered');
    const params = { params: Promise.resolve({ token: r.token }) };
    const url = `http://localhost/ateliers/annulation/${r.token}`;
    // The proxy rewrites /uk/ateliers/annulation/<token> to this route with the language in its header.
    const asked = await cancelPage(new Request(url, { headers: { [LOCALE_HEADER]: 'uk' } }), params);
    expect(asked.status).toBe(200);
    const html = (await asked.text()).replaceAll('<!-- -->', '');
    expect(html).toContain('<html lang="uk"');
    expect(html).toContain('<h1>Скасувати мій запис</h1>');
    expect(html).toContain(`Mykola, ви записані на <strong lang="fr">${TITLE}</strong>`);
    expect(html).toContain(`action="/uk/ateliers/annulation/${r.token}"`);
    const done = await cancelPost(new Request(url, { method: 'POST', headers: { [LOCALE_HEADER]: 'uk' } }), params);
    expect(await done.text()).toContain('<h1>Запис скасовано</h1>');
    const again = await cancelPage(new Request(url, { headers: { [LOCALE_HEADER]: 'ar' } }), params);
    expect(again.status).toBe(404);
    const used = await again.text();
    expect(used).toContain('dir="rtl"');
    expect(used).toContain('<h1>رابط إلغاء غير معروف</h1>');
    // Without a prefix: French, as before.
    const french = await cancelPage(new Request(url), params);
    expect(await french.text()).toContain('<h1>Lien d’annulation inconnu</h1>');
  });
});

/** The attachment of a raw MIME message (base64), by file name. */
function attachment(raw: string, filename: string): Buffer {
  const part = raw.split(/\r?\n--/).find((p) => p.includes(`filename=${filename}`))!;
  const body = part
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('');
  return Buffer.from(body.replace(/\s+/g, ''), 'base64');
}

describe('the fiche sent by Repères in the fiche’s language', () => {
  it('writes the subject, the body and the PDF in Spanish; the places’ own words unchanged; answers in Spanish', async () => {
    resetMemoryLimits();
    const ids = await db.place.findMany({
      where: { name: { in: ['Centre social des Genêts (fictif)', 'Médiathèque du Bocage (fictif)'] } },
      orderBy: { name: 'asc' },
    });
    const request = ficheRequestSchema.parse({
      places: ids.map((p) => ({ id: p.id, note: '' })),
      firstName: 'Amina',
      need: '',
      professional: { structure: 'CCAS de Cholet', contact: '' },
    });
    const sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    try {
      expect(await sendFiche(db, { sender: users.editor, request, email: 'amina.es@example.org', baseUrl: BASE, locale: 'es' })).toEqual({ status: 'sent' });
    } finally {
      delete process.env.SMTP_URL;
      await sink.close();
    }
    const [mail] = sink.received;
    expect(mailSubject(mail.raw)).toBe('Sus 2 lugares de ayuda digital');
    const text = mailText(mail.raw);
    expect(text).toContain('Hola, Amina:');
    expect(text).toContain('Estos son los lugares donde puede recibir ayuda:');
    expect(text).toContain('1. Centre social des Genêts (fictif)\n   4 allée des Aigles\n   49300 Cholet\n   Teléfono: 02 61 91 03 01');
    expect(text).toContain(`${BASE}/es/lieux/`);
    expect(text).toContain(`Estos lugares en línea: ${BASE}/es/orienter/fiche?lieux=`);
    expect(text).toContain('La ficha para imprimir va adjunta a este mensaje (PDF).');
    expect(text).toContain(`Ficha enviada por ${users.editor.name ? `${users.editor.name} (${users.editor.email})` : users.editor.email} desde Repères`);
    expect(text).not.toMatch(/Bonjour|Téléphone|Voici/);
    const pdf = await pdfText(attachment(mail.raw, 'fiche-orientation.pdf'));
    expect(pdf.title).toBe('Ficha de orientación — Repères');
    expect(pdf.pages.join('\n')).toContain('Centre social des Genêts (fictif)');

    // Its refusals in Spanish too; French without a language, as before.
    const noted = ficheRequestSchema.parse({ ...request, need: 'ver https://estafa.example/x' });
    expect(await sendFiche(db, { sender: users.editor, request, email: 'no es una dirección', baseUrl: BASE, locale: 'es' })).toMatchObject({
      status: 'invalid',
      message: 'Dirección de correo no válida (ejemplo: nombre.apellido@ejemplo.es).',
    });
    expect(await sendFiche(db, { sender: users.editor, request: noted, email: 'amina.es@example.org', baseUrl: BASE, locale: 'es' })).toMatchObject({
      status: 'invalid',
      message: expect.stringContaining('quite la que aparece en la necesidad'),
    });
    expect(await sendFiche(db, { sender: users.editor, request: noted, email: 'amina.es@example.org', baseUrl: BASE })).toMatchObject({
      message: expect.stringContaining('retirez celle qui se trouve dans le besoin'),
    });
  });
});
