// The fiche d'orientation as a PDF: real text (tagged, in the fiche's language, with a title) in
// large type, one block per place with its hours, phone, access and a QR code to its page. In the
// beneficiary's language (issue #20, `fiche.locale`): the words are the site's (lib/i18n), the
// places' names, addresses and own texts stay as written and are tagged French; Arabic and Dari
// read right to left, the QR codes then on the left (pdf-text.ts draws the text).
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { DEFAULT_LOCALE, INTL_LOCALES, translator, type Translator } from '@/lib/i18n';
import type { Fiche, FichePlace } from './fiche';
import { MARGIN, typeface, writer, type Write } from './pdf-text';
import type { FicheSession } from './sessions';

const BLUE = '#1d4e89';
const MUTED = '#4a4a4a';
const QR_SIZE = 78;
/** The places' own words, in the PDF's structure. */
const FRENCH = 'fr-FR';

/** Where a block's text and its QR code go: text first in the reading direction, the code at the end of the line. */
type Layout = { width: number; textX: number; textWidth: number; qrX: number; french: string | undefined };

const dayIn = (t: Translator, date: Date) =>
  date.toLocaleDateString(INTL_LOCALES[t.locale], { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

const capitalized = (text: string) => (text ? text[0].toLocaleUpperCase() + text.slice(1) : text);

export async function renderFichePdf(fiche: Fiche): Promise<Buffer> {
  const t = translator(fiche.locale ?? DEFAULT_LOCALE);
  const qr = (url: string) => QRCode.toBuffer(url, { type: 'png', margin: 1, width: 156, errorCorrectionLevel: 'M' });
  const [qrCodes, sessionQrCodes] = await Promise.all([Promise.all(fiche.places.map((p) => qr(p.url))), Promise.all(fiche.sessions.map((s) => qr(s.url)))]);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: t.locale === DEFAULT_LOCALE ? FRENCH : t.locale,
    displayTitle: true,
    info: { Title: `${t('orient.fiche.title')} — Repères`, Creator: 'Repères' },
    compress: true,
  });
  const face = typeface(doc, t.locale);
  doc.info.Author = face.clean(fiche.professional.structure || 'Repères');
  doc.info.Subject = face.clean(fiche.need || t('orient.pdf.subject'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - MARGIN * 2;
  const write = writer(doc, root, face, width);
  const textWidth = width - QR_SIZE - 16;
  const layout: Layout = {
    width,
    textWidth,
    textX: face.rtl ? MARGIN + QR_SIZE + 16 : MARGIN,
    qrX: face.rtl ? MARGIN : MARGIN + width - QR_SIZE,
    french: t.locale === DEFAULT_LOCALE ? undefined : FRENCH,
  };

  write(t('orient.fiche.title'), { size: 24, bold: true, color: BLUE, tag: 'H1' });
  const date = dayIn(t, fiche.createdAt);
  write(fiche.professional.structure ? t('orient.pdf.madeBy', { date, structure: fiche.professional.structure }) : t('orient.pdf.made', { date }), {
    size: 12,
    color: MUTED,
    gap: 0.6,
  });
  if (fiche.firstName) write(`${t('orient.fiche.for')} ${fiche.firstName}`, { size: 15, bold: true });
  if (fiche.need) write(`${t('orient.fiche.need')} ${fiche.need}`, { size: 15, gap: 0.3 });
  doc.moveDown(0.5);

  for (const [i, place] of fiche.places.entries()) placeBlock(doc, t, place, i + 1, qrCodes[i], write, layout);
  sessionsSection(doc, t, fiche.sessions, sessionQrCodes, write, layout);

  if (fiche.professional.structure || fiche.professional.contact) {
    ensureSpace(doc, 70);
    write(t('orient.pdf.contact'), { size: 15, bold: true, color: BLUE, tag: 'H2' });
    write([fiche.professional.structure, fiche.professional.contact].filter(Boolean).join(' — '), { gap: 0.5 });
  }
  ensureSpace(doc, 60);
  write(fiche.sessions.length ? t('orient.pdf.onlineFiche') : t('orient.pdf.onlinePlaces'), { size: 11, color: MUTED });
  write(fiche.shareUrl, { size: 11, color: BLUE, link: fiche.shareUrl });
  write(t('orient.pdf.footer'), { size: 10, color: MUTED });
  root.end();
  doc.end();
  return done;
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

// A block's decorations (its rule, QR code and caption) are artifacts: screen readers skip them.
function blockRule(doc: PDFKit.PDFDocument, top: number, width: number) {
  doc.markContent('Artifact', { type: 'Layout' });
  doc
    .moveTo(MARGIN, top)
    .lineTo(MARGIN + width, top)
    .lineWidth(1)
    .strokeColor('#c9c9c9')
    .stroke();
  doc.endMarkedContent();
  doc.y = top + 8;
}

/** The QR code at the block's end of line and its caption; then the cursor below both text and code. */
function blockQr(doc: PDFKit.PDFDocument, qr: Buffer, top: number, layout: Layout, write: Write, caption: string) {
  const bottom = doc.y;
  doc.markContent('Artifact', { type: 'Layout' });
  doc.image(qr, layout.qrX, top + 10, { width: QR_SIZE, height: QR_SIZE });
  doc.endMarkedContent();
  write(caption, { artifact: true, size: 8, color: MUTED, x: layout.qrX - 6, y: top + QR_SIZE + 12, width: QR_SIZE + 12, align: 'center' });
  doc.x = MARGIN;
  doc.y = Math.max(bottom, top + QR_SIZE + 30) + 10;
}

function placeBlock(doc: PDFKit.PDFDocument, t: Translator, place: FichePlace, index: number, qr: Buffer, write: Write, layout: Layout) {
  const lines = 5 + (place.hours?.length ?? 1) + place.access.length + (place.practicalInfo ? 2 : 0) + (place.note ? 2 : 0) + (place.closure ? 2 : 0);
  ensureSpace(doc, Math.min(lines * 17 + 40, doc.page.height - MARGIN * 2 - 10));
  const top = doc.y;
  const box = { width: layout.textWidth, x: layout.textX };
  blockRule(doc, top, layout.width);
  write(`${index}. ${place.name}`, { size: 17, bold: true, color: BLUE, tag: 'H2', lang: layout.french, ...box });
  if (place.demo) write(t('orient.fiche.demo'), { size: 12, color: MUTED, ...box });
  write(place.address.join(', '), { lang: layout.french, ...box });
  if (place.closure) write(`${t('orient.fiche.attention')} ${place.closure}`, { bold: true, color: '#a4161a', ...box });
  if (place.closureMessage) write(place.closureMessage, { color: '#a4161a', lang: layout.french, ...box });
  if (place.phone) write(`${t('place.phone')} ${place.phone}`, { size: 15, bold: true, ...box });
  if (place.hours) {
    write(t('place.hours'), { bold: true, tag: 'H3', ...box });
    for (const day of place.hours) write(t('orient.fiche.dayHours', { day: capitalized(day.day), hours: day.text }), { size: 12, ...box });
    if (place.hoursComment) write(place.hoursComment, { size: 12, color: MUTED, lang: layout.french, ...box });
  } else {
    write(t('orient.fiche.hoursAsk'), box);
  }
  for (const access of place.access) write(access, { size: 12, ...box });
  if (place.practicalInfo) {
    write(t('orient.fiche.practical'), { size: 12, bold: true, ...box });
    write(place.practicalInfo.replace(/\s+/g, ' '), { size: 12, lang: layout.french, ...box });
  }
  if (place.note) write(`${t('orient.fiche.note')} ${place.note}`, { size: 13, bold: true, ...box });
  blockQr(doc, qr, top, layout, write, t('orient.pdf.scanPlace'));
}

function sessionsSection(doc: PDFKit.PDFDocument, t: Translator, sessions: FicheSession[], qrCodes: Buffer[], write: Write, layout: Layout) {
  if (sessions.length === 0) return;
  ensureSpace(doc, 120);
  write(sessions.length > 1 ? t('orient.fiche.sessionsMany') : t('orient.fiche.sessionsOne'), { size: 17, bold: true, color: BLUE, tag: 'H2', gap: 0.3 });
  for (const [i, session] of sessions.entries()) sessionBlock(doc, t, session, qrCodes[i], write, layout);
}

/** One atelier session: what, when (in its own time zone), where, how to register; a QR code to its page. */
function sessionBlock(doc: PDFKit.PDFDocument, t: Translator, session: FicheSession, qr: Buffer, write: Write, layout: Layout) {
  ensureSpace(doc, Math.min((7 + session.address.length + (session.note ? 2 : 0)) * 17 + 30, doc.page.height - MARGIN * 2 - 10));
  const top = doc.y;
  const box = { width: layout.textWidth, x: layout.textX };
  blockRule(doc, top, layout.width);
  write(session.title, { size: 15, bold: true, color: BLUE, tag: 'H3', lang: layout.french, ...box });
  write(`${t('orient.fiche.when')} ${session.when}`, { size: 14, bold: true, ...box });
  write(`${t('orient.fiche.where')} ${session.placeName}${session.placeDemo ? ` ${t('orient.fiche.demo')}` : ''}`, box);
  write(session.address.join(', '), { lang: session.online ? undefined : layout.french, ...box });
  write(session.registration, { bold: true, ...box });
  if (session.note) write(`${t('orient.fiche.note')} ${session.note}`, { size: 13, bold: true, ...box });
  blockQr(doc, qr, top, layout, write, t('orient.pdf.scanSession'));
}
