// A rendered page kept ready to send, compressed or not, with a fresh CSP nonce in each response.
//
// Compressing a 45 kB page costs about half a millisecond of CPU, which is most of what a cache hit
// costs (Next.js compresses every response it sends). So the page is compressed once: its HTML is
// cut where the nonce goes, each part is deflated on its own, ending on a byte boundary (a sync
// flush), and a response is the gzip header, the parts with the nonce between them as stored
// (uncompressed) deflate blocks, an empty final block, and the trailer: the CRC-32 and length of
// the HTML as sent. All of this is plain DEFLATE and gzip (RFC 1951 §3.2.4, RFC 1952), which every
// browser decodes; zlib does the compression and the checksum.
import zlib from 'node:zlib';

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
// BFINAL = 1, BTYPE = 00 (stored), LEN = 0, NLEN = 0xffff: the end of the deflate stream.
const FINAL_EMPTY_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
const MAX_STORED = 0xffff;

export class NoncedPage {
  /** Memory held, for the page cache's budget. */
  readonly byteLength: number;

  private constructor(
    private readonly parts: Buffer[],
    private readonly deflated: Buffer[],
  ) {
    this.byteLength = [...parts, ...deflated].reduce((sum, b) => sum + b.length, 0) + 64 * parts.length;
  }

  /** `html` holds `token` wherever the nonce goes (any number of times, or none). */
  static from(html: string, token: string): NoncedPage {
    const parts = html.split(token).map((part) => Buffer.from(part, 'utf8'));
    const deflated = parts.map((part) => zlib.deflateRawSync(part, { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    return new NoncedPage(parts, deflated);
  }

  /** The HTML with this nonce, as UTF-8. */
  plain(nonce: string): Buffer<ArrayBuffer> {
    const value = Buffer.from(nonce, 'utf8');
    return Buffer.concat(this.parts.flatMap((part, i) => (i === 0 ? [part] : [value, part])));
  }

  /** The same bytes as `plain(nonce)`, gzip-compressed. */
  gzip(nonce: string): Buffer<ArrayBuffer> {
    const value = Buffer.from(nonce, 'utf8');
    if (value.length > MAX_STORED) throw new Error('nonce too long for one stored block');
    const stored = Buffer.alloc(5);
    stored.writeUInt16LE(value.length, 1);
    stored.writeUInt16LE(~value.length & 0xffff, 3);
    // Empty buffers are skipped: zlib.crc32() of one whose memory was never allocated returns 0
    // (zlib's crc32(crc, NULL, 0) gives the initial value), which would reset the running sum.
    const sum = (crc: number, bytes: Buffer) => (bytes.length ? zlib.crc32(bytes, crc) : crc);
    let crc = 0;
    let length = 0;
    const chunks: Buffer[] = [GZIP_HEADER];
    this.parts.forEach((part, i) => {
      if (i > 0) {
        chunks.push(stored, value);
        crc = sum(crc, value);
        length += value.length;
      }
      chunks.push(this.deflated[i]);
      crc = sum(crc, part);
      length += part.length;
    });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(length >>> 0, 4);
    chunks.push(FINAL_EMPTY_BLOCK, trailer);
    return Buffer.concat(chunks);
  }
}

/** Whether an Accept-Encoding header accepts gzip (`gzip`, `x-gzip` or `*`, with a q above 0). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let gzip: number | null = null;
  let any: number | null = null;
  for (const item of header.split(',')) {
    const [coding, ...params] = item.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (coding === 'gzip' || coding === 'x-gzip') gzip = Number.isFinite(weight) ? weight : 0;
    else if (coding === '*') any = Number.isFinite(weight) ? weight : 0;
  }
  return (gzip ?? any ?? 0) > 0;
}
