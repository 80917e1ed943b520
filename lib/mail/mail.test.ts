import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../tests/helpers/db';
import { sendMail } from './index';

const db = testDb();

describe('the mail layer', () => {
  const received: Array<{ to: string; raw: string }> = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.server.address() as { port: number }).port;
  });

  afterAll(async () => {
    delete process.env.SMTP_URL;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('writes to the outbox when no SMTP server is configured', async () => {
    delete process.env.SMTP_URL;
    const result = await sendMail(db, { to: 'agent@example.org', subject: 'Essai outbox', text: 'Bonjour Élodie' });
    expect(result.via).toBe('outbox');
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ to: 'agent@example.org', subject: 'Essai outbox', text: 'Bonjour Élodie' });
  });

  it('sends through a real SMTP conversation when SMTP_URL is set', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const before = await db.outboxMessage.count();
    const result = await sendMail(db, { to: 'benevole@example.org', subject: 'Essai SMTP', text: 'Ligne accentuée : à bientôt' });
    expect(result.via).toBe('smtp');
    expect(received).toHaveLength(1);
    expect(received[0].to).toBe('benevole@example.org');
    expect(received[0].raw).toContain('Subject: Essai SMTP');
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it('refuses a malformed address', async () => {
    await expect(sendMail(db, { to: 'pas-une-adresse', subject: 'x', text: 'x' })).rejects.toThrow('Adresse électronique invalide');
  });
});
