import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, NoncedPage } from './nonced-page';

const TOKEN = 'reperes-nonce-0123456789abcdef';

describe('a page kept compressed with a nonce per response', () => {
  it('gives, compressed or not, the HTML with each response’s nonce wherever the token was', () => {
    const html = `<!DOCTYPE html><html lang="fr"><head><script type="module" src="/assets/site.js" nonce="${TOKEN}"></script></head><body><h1>Médiathèque l’Atelier — à 1,2 km</h1>${'<li>Aide aux démarches</li>'.repeat(500)}<script nonce="${TOKEN}"></script></body></html>`;
    const page = NoncedPage.from(html, TOKEN);
    for (const nonce of ['dd827HDt7IXovrLiIee8kw==', 'zKpUUDpLSF9GM1lp6GImFQ==']) {
      const expected = html.replaceAll(TOKEN, nonce);
      expect(page.plain(nonce).toString('utf8')).toBe(expected);
      const gzip = page.gzip(nonce);
      // zlib checks the CRC-32 and the length of the trailer: a wrong one throws.
      expect(zlib.gunzipSync(gzip).toString('utf8')).toBe(expected);
      expect(gzip.length).toBeLessThan(Buffer.byteLength(expected) / 10);
    }
    expect(page.byteLength).toBeLessThan(2 * Buffer.byteLength(html));
  });

  it('decodes for any text and any number of tokens, at either end or none', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 2000 }), { minLength: 1, maxLength: 5 }), fc.string({ minLength: 1, maxLength: 40 }), (parts, nonce) => {
        const html = parts.join(TOKEN);
        const page = NoncedPage.from(html, TOKEN);
        expect(zlib.gunzipSync(page.gzip(nonce)).toString('utf8')).toBe(html.split(TOKEN).join(nonce));
      }),
      { numRuns: 200 },
    );
  });

  it('reads Accept-Encoding as the HTTP rules say', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*;q=0.5, gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });
});
