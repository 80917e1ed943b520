import 'server-only';

// A cached page compressed once, then sent gzipped to every client with its own CSP nonce in it.
//
// A cached page is the same text for everyone but the nonce (NONCE_TOKEN in the cache, a fresh
// one in each response: lib/cache/page-cache.ts), so it cannot be gzipped once as a whole. It is
// cut at each NONCE_TOKEN and each piece is compressed once, on its own: a raw DEFLATE stream
// ending with a full flush (byte-aligned, no reference to an earlier piece, not final). A response
// is then the gzip header, the pieces with the nonce between them as "stored" (uncompressed)
// DEFLATE blocks, an empty final block, and the CRC-32 and length of the whole text (RFC 1951,
// RFC 1952) — one ordinary gzip member that any client inflates, for the cost of a CRC combined
// from the pieces' (zlib's crc32_combine) instead of a compression of ~50 kB (~0.5 ms of CPU).
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** A page cut at its nonces: each piece deflated once, in order. */
export type SplicedGzip = DeflatedPiece[];

/** A piece of text deflated on its own: raw DEFLATE ending with a full flush, with the text's CRC-32, byte length and combine operator. */
export type DeflatedPiece = { deflated: Buffer; crc: number; length: number; op: number };

const POLY = 0xedb88320;

/** a × b modulo the CRC-32 polynomial (bit-reflected), zlib's multmodp. */
function multmodp(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^n) modulo the polynomial, n = 0…31 (zlib's x2n_table). */
const X2N: number[] = [];
for (let p = 0x40000000, n = 0; n < 32; n++, p = multmodp(p, p)) X2N.push(p);

/** x^(8·len) modulo the polynomial: the operator that appends `len` bytes' worth of zeros to a CRC (zlib's crc32_combine_gen). */
function combineOperator(len: number): number {
  let p = 0x80000000;
  for (let k = 3; len > 0; len = Math.floor(len / 2), k++) if (len % 2) p = multmodp(X2N[k & 31], p);
  return p;
}

/** CRC-32 of A followed by B, from crc(A), crc(B) and B's combine operator. */
const combine = (crcA: number, crcB: number, opB: number) => (multmodp(opB, crcA) ^ crcB) >>> 0;

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]);
/** An empty stored block marked final: the end of the DEFLATE stream. */
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

const PIECE = { level: 6, finishFlush: zlib.constants.Z_FULL_FLUSH };

/** A piece with its CRC-32, length and combine operator, once deflated. */
const pieceOf = (text: Buffer, deflated: Buffer): DeflatedPiece => ({ deflated, crc: zlib.crc32(text), length: text.length, op: combineOperator(text.length) });

/** Cuts `body` at each `token` and deflates each piece once (level 6, as Next.js's compression). */
export function spliceGzip(body: string, token: string): SplicedGzip {
  return body.split(token).map((text) => {
    const bytes = Buffer.from(text, 'utf8');
    return pieceOf(bytes, zlib.deflateRawSync(bytes, PIECE));
  });
}

/** A stored (uncompressed), non-final DEFLATE block holding `data` (at most 65,535 bytes). */
function storedBlock(data: Buffer): Buffer {
  const block = Buffer.allocUnsafe(5 + data.length);
  block[0] = 0x00;
  block.writeUInt16LE(data.length, 1);
  block.writeUInt16LE(~data.length & 0xffff, 3);
  data.copy(block, 5);
  return block;
}

/** The gzip of the page with `value` (the response's nonce) where the token was, as a stored block. */
export function gzipWith(spliced: SplicedGzip, value: string): Buffer {
  const inserted = Buffer.from(value, 'utf8');
  if (inserted.length > 0xffff) throw new RangeError('spliced value too long for one stored block');
  const nonce = pieceOf(inserted, storedBlock(inserted));
  return gzipPieces(spliced.flatMap((piece, i) => (i === 0 ? [piece] : [nonce, piece])));
}

const deflateRaw = promisify(zlib.deflateRaw);
const gzip = promisify(zlib.gzip);

/** Deflates a piece on libuv's threads. */
async function deflatePiece(text: Buffer): Promise<DeflatedPiece> {
  return pieceOf(text, await deflateRaw(text, PIECE));
}

/** One gzip member holding the pieces' texts in order. */
export function gzipPieces(pieces: DeflatedPiece[]): Buffer {
  let crc = pieces[0].crc;
  let length = pieces[0].length;
  for (const piece of pieces.slice(1)) {
    crc = combine(crc, piece.crc, piece.op);
    length += piece.length;
  }
  const trailer = Buffer.allocUnsafe(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  return Buffer.concat([GZIP_HEADER, ...pieces.map((piece) => piece.deflated), FINAL_BLOCK, trailer]);
}

let constantPiece: { text: string; piece: Promise<DeflatedPiece> } | null = null;

/**
 * The gzip of a freshly rendered page that holds `constant` (the inline stylesheet, a third of a
 * search page): that text is deflated once per process, only the rest for each page — 0.56 ms of
 * CPU instead of 0.94 for a 77 kB search page, for 1 % more bytes (no reference across the cuts).
 */
export async function gzipHolding(html: string, constant: string): Promise<Buffer> {
  const at = constant.length >= 1024 ? html.indexOf(constant) : -1;
  if (at < 0) return gzip(Buffer.from(html, 'utf8'));
  if (constantPiece?.text !== constant) constantPiece = { text: constant, piece: deflatePiece(Buffer.from(constant, 'utf8')) };
  const [before, kept, after] = await Promise.all([
    deflatePiece(Buffer.from(html.slice(0, at), 'utf8')),
    constantPiece.piece,
    deflatePiece(Buffer.from(html.slice(at + constant.length), 'utf8')),
  ]);
  return gzipPieces([before, kept, after]);
}
