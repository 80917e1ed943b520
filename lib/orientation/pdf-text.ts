// Text on the fiche's PDF in any of the site's languages (issue #20). French, English, Spanish and
// Portuguese keep the standard Helvetica (Windows-1252, nothing embedded); Ukrainian, Arabic and
// Dari need glyphs it lacks, so the PDF embeds DejaVu Sans (data/fonts, only the glyphs used).
// pdfkit lays text out with fontkit, which shapes Arabic (joining forms, ligatures) and reverses a
// run written in a right-to-left script, but knows no bidirectional algorithm: "الهاتف: 02 41"
// would come out with its digits reversed. So a right-to-left paragraph is wrapped here, each line
// cut into runs of one direction (`bidiRuns`, enough of Unicode's algorithm for these texts: strong
// Arabic, strong Latin/digits, neutrals taking their neighbours' direction or the paragraph's),
// and the runs drawn from the right edge leftwards. Text without Arabic goes through pdfkit as is.
import { readDataFile } from '@/lib/data/files';
import type { Locale } from '@/lib/i18n';

export const MARGIN = 48;
export const TEXT = '#161616';

export type Style = {
  size?: number;
  bold?: boolean;
  color?: string;
  /** The structure tag (P, H1…); `artifact`: decoration, skipped by screen readers. */
  tag?: string;
  artifact?: boolean;
  /** The language of this text when it is not the document's (the places' own words: "fr-FR"). */
  lang?: string;
  width?: number;
  x?: number;
  y?: number;
  align?: 'start' | 'center';
  gap?: number;
  link?: string;
};
export type Write = (value: string, options?: Style) => void;

const ARABIC = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const STRONG_LTR = /[\p{L}\p{N}]/u;
const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '«': '»',
  '»': '«',
  '<': '>',
  '>': '<',
  '‹': '›',
  '›': '‹',
};

/** The languages whose PDF needs the embedded font. */
const EMBEDDED: ReadonlySet<Locale> = new Set<Locale>(['uk', 'ar', 'fa']);
const RTL: ReadonlySet<Locale> = new Set<Locale>(['ar', 'fa']);

// The standard PDF fonts speak Windows-1252: map the few characters French typography adds
// beyond it, and drop anything else they cannot show (emoji…).
function windows1252(value: string): string {
  return value
    .replace(/[\u202f\u2007\u00a0]/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(
      /[^\t\n\r\u0020-\u007e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g,
      '',
    );
}

/** DejaVu Sans has no emoji: dropped, like the standard fonts do. */
const withoutEmoji = (value: string) => value.replace(/[\u{1f000}-\u{1faff}\u{2600}-\u{27bf}\ufe0f\u200d]/gu, '').replace(/[\u202f\u2007\u00a0]/g, ' ');

let fontFiles: { regular: Buffer; bold: Buffer } | null = null;

export type Typeface = { regular: string; bold: string; clean: (value: string) => string; rtl: boolean };

/** The fonts of a fiche in `locale`, registered on `doc`. */
export function typeface(doc: PDFKit.PDFDocument, locale: Locale): Typeface {
  if (!EMBEDDED.has(locale)) return { regular: 'Helvetica', bold: 'Helvetica-Bold', clean: windows1252, rtl: false };
  fontFiles ??= { regular: readDataFile('fontSans'), bold: readDataFile('fontSansBold') };
  doc.registerFont('Sans', fontFiles.regular);
  doc.registerFont('Sans-Bold', fontFiles.bold);
  return { regular: 'Sans', bold: 'Sans-Bold', clean: withoutEmoji, rtl: RTL.has(locale) };
}

/** Phone numbers ("02 41 00 00 00", "+33 2 41…"): kept left to right whole, as the web pages isolate them. */
const PHONE = /\+?\d[\d ]{7,}\d/g;
/** A single separator between two digits keeps a number whole ("12:00", "3,5"). */
const NUMBER_SEPARATOR = /[.,:/]/;

/**
 * A right-to-left paragraph's line cut into runs of one direction, in logical order (the first run
 * goes rightmost). A simplification of Unicode's bidirectional algorithm for one right-to-left
 * paragraph without embeddings: Arabic letters are right to left, other letters left to right;
 * digits are left to right, and count as left-to-right after a Latin word (rule W7), otherwise as
 * right-to-left for the neutrals around them — so "09:00 – 12:00" reads from the right, as a
 * browser shows it; a neutral between two left-to-right characters is left to right, otherwise
 * right to left. Phone numbers stay whole, left to right.
 */
export function bidiRuns(line: string): Array<{ text: string; rtl: boolean }> {
  const chars = [...line];
  const phone = new Array<boolean>(chars.length).fill(false);
  // Indexes of `chars` (code points) from the string's UTF-16 offsets.
  const offsets: number[] = [];
  chars.reduce((offset, c, i) => ((offsets[i] = offset), offset + c.length), 0);
  for (const match of line.matchAll(PHONE)) chars.forEach((_, i) => (phone[i] ||= offsets[i] >= match.index && offsets[i] < match.index + match[0].length));
  type Kind = 'R' | 'L' | 'EN' | 'N';
  const kinds: Kind[] = chars.map((c, i) => (phone[i] ? 'L' : ARABIC.test(c) ? 'R' : /\p{Nd}/u.test(c) ? 'EN' : STRONG_LTR.test(c) ? 'L' : 'N'));
  kinds.forEach((kind, i) => {
    if (kind === 'N' && NUMBER_SEPARATOR.test(chars[i]) && kinds[i - 1] === 'EN' && kinds[i + 1] === 'EN') kinds[i] = 'EN';
  });
  let lastStrong: Kind = 'R';
  kinds.forEach((kind, i) => {
    if (kind === 'L' || kind === 'R') lastStrong = kind;
    else if (kind === 'EN' && lastStrong === 'L') kinds[i] = 'L';
  });
  const ltr = kinds.map((kind, i) => {
    if (kind !== 'N') return kind !== 'R';
    // The nearest non-neutral on each side; the paragraph's edges count as right to left.
    const before = kinds.slice(0, i).findLast((k) => k !== 'N') ?? 'R';
    const after = kinds.slice(i + 1).find((k) => k !== 'N') ?? 'R';
    return before === 'L' && after === 'L';
  });
  const runs: Array<{ text: string; rtl: boolean }> = [];
  chars.forEach((c, i) => {
    const last = runs[runs.length - 1];
    if (last && last.rtl === !ltr[i]) last.text += c;
    else runs.push({ text: c, rtl: !ltr[i] });
  });
  return runs;
}

/** What fontkit is given for a right-to-left run: brackets mirrored; reversed here when fontkit will not (no Arabic letter in it). */
export function rtlGlyphText(run: string): string {
  const mirrored = [...run].map((c) => MIRRORED[c] ?? c);
  return (ARABIC.test(run) ? mirrored : mirrored.reverse()).join('');
}

// pdfkit lays text out word by word (a cache per word) unless given features: a right-to-left run
// laid out so keeps its words in left-to-right order. Given the default features, the run is one.
const WHOLE_RUN = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };

/** Greedy wrapping on spaces, each line at most `width` wide. */
function wrap(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && doc.widthOfString(candidate, WHOLE_RUN) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws a paragraph holding Arabic script, right-aligned (or centred), line by line, run by run. */
function rtlParagraph(doc: PDFKit.PDFDocument, text: string, x: number, width: number, align: 'start' | 'center') {
  const lineHeight = doc.currentLineHeight(true) + 2;
  for (const line of wrap(doc, text, width)) {
    if (doc.y + lineHeight > doc.page.height - MARGIN) doc.addPage();
    const runs = bidiRuns(line).map((run) => ({ glyphs: run.rtl ? rtlGlyphText(run.text) : run.text, width: doc.widthOfString(run.text, WHOLE_RUN) }));
    const total = runs.reduce((sum, run) => sum + run.width, 0);
    let right = align === 'center' ? x + (width + total) / 2 : x + width;
    const y = doc.y;
    for (const run of runs) {
      right -= run.width;
      doc.text(run.glyphs, right, y, { lineBreak: false, ...WHOLE_RUN });
    }
    doc.y = y + lineHeight;
  }
  doc.x = x;
}

/** The fiche's one way to write: font, size, colour, structure (tag, language), direction. */
export function writer(doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement, face: Typeface, width: number): Write {
  return (value, options = {}) => {
    doc
      .font(options.bold ? face.bold : face.regular)
      .fontSize(options.size ?? 13)
      .fillColor(options.color ?? TEXT);
    const text = face.clean(value);
    const x = options.x ?? MARGIN;
    const boxWidth = options.width ?? width;
    if (options.y !== undefined) doc.y = options.y;
    if (options.artifact) doc.markContent('Artifact', { type: 'Layout' });
    else {
      const tag = options.tag ?? 'P';
      root.add(doc.struct(tag, options.lang ? { lang: options.lang } : {}, [doc.markStructureContent(tag)]));
    }
    if (face.rtl && ARABIC.test(text)) rtlParagraph(doc, text, x, boxWidth, options.align ?? 'start');
    else {
      const align = options.align === 'center' ? 'center' : face.rtl ? 'right' : 'left';
      doc.text(text, x, doc.y, { width: boxWidth, align, link: options.link, underline: !!options.link, lineGap: 2 });
    }
    if (options.artifact) doc.endMarkedContent();
    doc.x = MARGIN;
    if (options.gap) doc.moveDown(options.gap);
  };
}
