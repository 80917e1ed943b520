// The gzip of a cached page with each response's nonce spliced in must be what any client inflates
// to the page with that nonce: zlib's gunzip checks the CRC-32 and the length of the whole text.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipHolding, gzipWith, spliceGzip } from './gzip-splice';

const TOKEN = 'reperes-nonce-0123456789abcdef';

function roundTrip(template: string, value: string) {
  const gz = gzipWith(spliceGzip(template, TOKEN), value);
  return { gz, text: zlib.gunzipSync(gz).toString('utf8') };
}

describe('spliced gzip', () => {
  it('inflates to the page with the nonce in every place the token was', () => {
    const template = `<!DOCTYPE html><html><script nonce="${TOKEN}">x</script><p>${'Ouvert maintenant · café '.repeat(2000)}</p><style nonce="${TOKEN}"></style></html>`;
    for (const nonce of ['q8vI3bDpiXK8JNdUJjvNKw==', 'AAAAAAAAAAAAAAAAAAAAAA==', 'x']) {
      const { gz, text } = roundTrip(template, nonce);
      expect(text).toBe(template.replaceAll(TOKEN, nonce));
      expect(gz.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
      // Still compressed: the repeated text is a small part of its size.
      expect(gz.length).toBeLessThan(Buffer.byteLength(template) / 10);
    }
  });

  it('handles a token at either end, tokens side by side, none, and text beyond 64 kB and one byte', () => {
    const big = 'é€😀'.repeat(30_000);
    for (const template of [`${TOKEN}start`, `end${TOKEN}`, `${TOKEN}${TOKEN}`, TOKEN, '', 'no token', `${big}${TOKEN}${big}`, 'a']) {
      expect(roundTrip(template, 'N0nce==').text).toBe(template.replaceAll(TOKEN, 'N0nce=='));
    }
  });

  it('inflates in a streaming inflater fed byte by byte, as a browser may', async () => {
    const template = `<p>${'x'.repeat(5000)}${TOKEN}${'y'.repeat(5000)}</p>`;
    const gz = gzipWith(spliceGzip(template, TOKEN), 'abc');
    const gunzip = zlib.createGunzip();
    const chunks: Buffer[] = [];
    gunzip.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise((resolve, reject) => gunzip.on('end', resolve).on('error', reject));
    for (const byte of gz) gunzip.write(Buffer.from([byte]));
    gunzip.end();
    await done;
    expect(Buffer.concat(chunks).toString()).toBe(template.replace(TOKEN, 'abc'));
  });

  it('gzips a rendered page around its stylesheet, compressed once: the same text, nearly as small as a whole gzip', async () => {
    const css = `.result-card{margin:0 0 1rem;padding:1rem}.badge--open{color:#18753c}${'.c{color:red}'.repeat(500)}`;
    for (const page of [
      `<!DOCTYPE html><html><head><style nonce="abc">${css}</style></head><body>${'<li class="result-card">Médiathèque — café 😀</li>'.repeat(300)}</body></html>`,
      `<style>${css}</style>`,
      `${css}<p>after</p>`,
      '<p>no stylesheet here, gzipped whole</p>'.repeat(40),
    ]) {
      const gz = await gzipHolding(page, css);
      expect(zlib.gunzipSync(gz).toString('utf8')).toBe(page);
      expect(gz.length).toBeLessThan(zlib.gzipSync(page).length * 1.05 + 40);
    }
    // Another stylesheet (a new build): its own piece, not the former one.
    const other = `${css}.d{color:blue}`;
    expect(zlib.gunzipSync(await gzipHolding(`<style>${other}</style>x`, other)).toString()).toBe(`<style>${other}</style>x`);
  });
});
