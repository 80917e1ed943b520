// Reading an upload's body with a byte limit. The Content-Length header cannot be trusted (a
// chunked upload has none, a client may lie): the bytes are counted as they arrive and reading
// stops, the stream cancelled, as soon as the limit is passed, before the form is parsed.

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Corps de requête au-delà de ${limit} octets.`);
    this.name = 'BodyTooLargeError';
  }
}

/** The whole body, or a BodyTooLargeError once more than `limit` bytes have arrived. */
export async function readBodyLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The multipart form of an upload, read within the limit. */
export async function formDataLimited(request: Request, limit: number): Promise<FormData> {
  const body = await readBodyLimited(request, limit);
  return new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
}
