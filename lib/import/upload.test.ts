import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, formDataLimited, readBodyLimited } from './upload';

/** A request whose body arrives in chunks, without Content-Length (like a chunked upload). */
function chunked(chunks: number, size: number) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= chunks) return controller.close();
      sent++;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  const request = new Request('http://localhost/admin/import/envoi', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
  return { request, sent: () => sent };
}

describe('reading an upload within a limit', () => {
  it('refuses a chunked body past the limit without reading it all', async () => {
    const { request, sent } = chunked(1000, 1024);
    expect(request.headers.get('content-length')).toBeNull();
    await expect(readBodyLimited(request, 10 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(sent()).toBeLessThan(20);
  });

  it('refuses a declared Content-Length past the limit before reading', async () => {
    const request = new Request('http://localhost/', { method: 'POST', body: 'x'.repeat(100), headers: { 'content-length': '100' } });
    await expect(readBodyLimited(request, 50)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('reads a body within the limit, and its multipart form', async () => {
    const form = new FormData();
    form.set('format', 'standard');
    form.set('fichier', new File(['id,nom\n1,Lieu'], 'lieux.csv', { type: 'text/csv' }));
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const parsed = await formDataLimited(request, 10_000);
    expect(parsed.get('format')).toBe('standard');
    expect(await (parsed.get('fichier') as File).text()).toBe('id,nom\n1,Lieu');
  });
});
