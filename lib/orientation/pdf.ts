// The fiche d'orientation as a PDF: real text (tagged, in French, with a title) in large type,
// one block per place with its hours, phone, access and a QR code to its page.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Fiche, FichePlace } from './fiche';
import type { FicheSession } from './sessions';

const MARGIN = 48;
const BLUE = '#1d4e89';
const TEXT = '#161616';
const MUTED = '#4a4a4a';
const QR_SIZE = 78;

// The standard PDF fonts speak Windows-1252: map the few characters French typography adds
// beyond it, and drop anything else they cannot show (emoji…).
function safe(value: string): string {
  return value
    .replace(/[\u202f\u2007\u00a0]/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(
      /[^\t\n\r\u0020-\u007e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g,
      '',
    );
}

const frenchDay = (date: Date) => date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

export async function renderFichePdf(fiche: Fiche): Promise<Buffer> {
  const qr = (url: string) => QRCode.toBuffer(url, { type: 'png', margin: 1, width: 156, errorCorrectionLevel: 'M' });
  const [qrCodes, sessionQrCodes] = await Promise.all([Promise.all(fiche.places.map((p) => qr(p.url))), Promise.all(fiche.sessions.map((s) => qr(s.url)))]);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: 'Fiche d’orientation — Repères',
      Author: safe(fiche.professional.structure || 'Repères'),
      Subject: safe(fiche.need || 'Lieux d’aide au numérique'),
      Creator: 'Repères',
    },
    compress: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - MARGIN * 2;
  const write = (
    value: string,
    options: { size?: number; bold?: boolean; color?: string; tag?: string; width?: number; x?: number; gap?: number; link?: string } = {},
  ) => {
    doc
      .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(options.size ?? 13)
      .fillColor(options.color ?? TEXT);
    const text = safe(value);
    const box = {
      width: options.width ?? width,
      structParent: root,
      structType: options.tag ?? 'P',
      link: options.link,
      underline: !!options.link,
      lineGap: 2,
    };
    if (options.x !== undefined) doc.text(text, options.x, doc.y, box);
    else doc.text(text, box);
    if (options.gap) doc.moveDown(options.gap);
  };

  write('Fiche d’orientation', { size: 24, bold: true, color: BLUE, tag: 'H1' });
  write(`Établie le ${frenchDay(fiche.createdAt)}${fiche.professional.structure ? ` par ${fiche.professional.structure}` : ''}`, {
    size: 12,
    color: MUTED,
    gap: 0.6,
  });
  if (fiche.firstName) write(`Pour : ${fiche.firstName}`, { size: 15, bold: true });
  if (fiche.need) write(`Votre besoin : ${fiche.need}`, { size: 15, gap: 0.3 });
  doc.moveDown(0.5);

  for (const [i, place] of fiche.places.entries()) {
    placeBlock(doc, place, i + 1, qrCodes[i], write, width);
  }
  sessionsSection(doc, fiche.sessions, sessionQrCodes, write, width);

  if (fiche.professional.structure || fiche.professional.contact) {
    ensureSpace(doc, 70);
    write('Votre contact', { size: 15, bold: true, color: BLUE, tag: 'H2' });
    write([fiche.professional.structure, fiche.professional.contact].filter(Boolean).join(' — '), { gap: 0.5 });
  }
  ensureSpace(doc, 60);
  write(fiche.sessions.length ? 'Cette fiche en ligne, à jour :' : 'Ces lieux en ligne, à jour :', { size: 11, color: MUTED });
  write(fiche.shareUrl, { size: 11, color: BLUE, link: fiche.shareUrl });
  write('Repères, l’annuaire des lieux de médiation numérique. Aucune donnée vous concernant n’est conservée.', { size: 10, color: MUTED });
  root.end();
  doc.end();
  return done;
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

type Write = (
  value: string,
  options?: { size?: number; bold?: boolean; color?: string; tag?: string; width?: number; x?: number; gap?: number; link?: string },
) => void;

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

/** The QR code on the block's right and its caption; then the cursor below both text and code. */
function blockQr(doc: PDFKit.PDFDocument, qr: Buffer, top: number, width: number, caption: string) {
  const bottom = doc.y;
  doc.markContent('Artifact', { type: 'Layout' });
  doc.image(qr, MARGIN + width - QR_SIZE, top + 10, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(MUTED)
    .text(caption, MARGIN + width - QR_SIZE - 6, top + QR_SIZE + 12, { width: QR_SIZE + 12, align: 'center' });
  doc.endMarkedContent();
  doc.x = MARGIN;
  doc.y = Math.max(bottom, top + QR_SIZE + 30) + 10;
}

function placeBlock(doc: PDFKit.PDFDocument, place: FichePlace, index: number, qr: Buffer, write: Write, width: number) {
  const lines = 5 + (place.hours?.length ?? 1) + place.access.length + (place.practicalInfo ? 2 : 0) + (place.note ? 2 : 0) + (place.closure ? 2 : 0);
  ensureSpace(doc, Math.min(lines * 17 + 40, doc.page.height - MARGIN * 2 - 10));
  const top = doc.y;
  const textWidth = width - QR_SIZE - 16;
  blockRule(doc, top, width);
  write(`${index}. ${place.name}`, { size: 17, bold: true, color: BLUE, tag: 'H2', width: textWidth });
  write(place.address.join(', '), { width: textWidth });
  if (place.closure) write(`Attention : ${place.closure}`, { bold: true, color: '#a4161a', width: textWidth });
  if (place.phone) write(`Téléphone : ${place.phone}`, { size: 15, bold: true, width: textWidth });
  if (place.hours) {
    write('Horaires', { bold: true, width: textWidth, tag: 'H3' });
    for (const day of place.hours) write(`${day.day[0].toUpperCase()}${day.day.slice(1)} : ${day.text}`, { size: 12, width: textWidth });
    if (place.hoursComment) write(place.hoursComment, { size: 12, color: MUTED, width: textWidth });
  } else {
    write('Horaires : à demander par téléphone', { width: textWidth });
  }
  for (const access of place.access) write(access, { size: 12, width: textWidth });
  if (place.practicalInfo) write(`À savoir : ${place.practicalInfo.replace(/\s+/g, ' ')}`, { size: 12, width: textWidth });
  if (place.note) write(`Note : ${place.note}`, { size: 13, bold: true, width: textWidth });
  blockQr(doc, qr, top, width, 'Scanner pour la fiche en ligne');
}

function sessionsSection(doc: PDFKit.PDFDocument, sessions: FicheSession[], qrCodes: Buffer[], write: Write, width: number) {
  if (sessions.length === 0) return;
  ensureSpace(doc, 120);
  write(sessions.length > 1 ? 'Les ateliers choisis pour vous' : 'L’atelier choisi pour vous', { size: 17, bold: true, color: BLUE, tag: 'H2', gap: 0.3 });
  for (const [i, session] of sessions.entries()) sessionBlock(doc, session, qrCodes[i], write, width);
}

/** One atelier session: what, when (in its own time zone), where, how to register; a QR code to its page. */
function sessionBlock(doc: PDFKit.PDFDocument, session: FicheSession, qr: Buffer, write: Write, width: number) {
  ensureSpace(doc, Math.min((7 + session.address.length + (session.note ? 2 : 0)) * 17 + 30, doc.page.height - MARGIN * 2 - 10));
  const top = doc.y;
  const textWidth = width - QR_SIZE - 16;
  blockRule(doc, top, width);
  write(session.title, { size: 15, bold: true, color: BLUE, tag: 'H3', width: textWidth });
  write(`Quand : ${session.when}`, { size: 14, bold: true, width: textWidth });
  write(`Où : ${session.placeName}`, { width: textWidth });
  write(session.address.join(', '), { width: textWidth });
  write(session.registration, { bold: true, width: textWidth });
  if (session.note) write(`Note : ${session.note}`, { size: 13, bold: true, width: textWidth });
  blockQr(doc, qr, top, width, 'Scanner pour l’atelier en ligne');
}
