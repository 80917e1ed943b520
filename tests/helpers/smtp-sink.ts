// A real SMTP server on a free local port that keeps what it receives: the far end of the
// mail layer's SMTP path in tests.
import { SMTPServer } from 'smtp-server';

export type SmtpSink = { url: string; received: Array<{ to: string; raw: string }>; close: () => Promise<void> };

/** `delayMs`: how long the server takes to accept each message (a slow mail server). */
export async function startSmtpSink(options: { delayMs?: number; onMessage?: (message: { to: string; raw: string }) => void } = {}): Promise<SmtpSink> {
  const received: SmtpSink['received'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const message = { to: session.envelope.rcptTo.map((r) => r.address).join(','), raw };
        received.push(message);
        options.onMessage?.(message);
        if (options.delayMs) setTimeout(() => callback(), options.delayMs);
        else callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The plain-text body of a raw message as a person reads it (nodemailer writes UTF-8 text as
 * quoted-printable: soft line breaks and =XX bytes are decoded; base64 parts too). */
export function mailText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  let body = rest.join('\n\n');
  // A multipart message (attachments): its first text/plain part.
  const boundary = head.match(/boundary="?([^";\r\n]+)"?/i)?.[1];
  let encoding = head.match(/Content-Transfer-Encoding:\s*([\w-]+)/i)?.[1] ?? '7bit';
  if (boundary) {
    const part = body.split(`--${boundary}`).find((p) => /Content-Type:\s*text\/plain/i.test(p)) ?? '';
    const [partHead, ...partBody] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    encoding = partHead.match(/Content-Transfer-Encoding:\s*([\w-]+)/i)?.[1] ?? '7bit';
    body = partBody.join('\n\n');
  }
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'))
      .replace(/\r\n/g, '\n')
      .trim();
  }
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n').trim();
  return body.replace(/\r\n/g, '\n').trim();
}

/** Runs `action` with SMTP_URL pointing at a fresh sink (then restores it) and returns what the
 * sink received, as people read it: links with their tokens, which the outbox copy masks. */
export async function withSmtpSink<T>(action: () => Promise<T>): Promise<{ result: T; messages: Array<{ to: string; text: string }> }> {
  const sink = await startSmtpSink();
  const previous = process.env.SMTP_URL;
  process.env.SMTP_URL = sink.url;
  try {
    const result = await action();
    return { result, messages: sink.received.map((m) => ({ to: m.to, text: mailText(m.raw) })) };
  } finally {
    if (previous === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previous;
    await sink.close();
  }
}

/** The decoded Subject header of a raw message (RFC 2047 encoded words, folded lines). */
export function mailSubject(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const value = head.match(/^Subject: (.*)$/im)?.[1] ?? '';
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeURIComponent(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, '%$1')
            .replace(/%(?![0-9A-F]{2})/gi, '%25'),
        ),
  );
}
