import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../tests/helpers/db';
import { startSmtpSink, type SmtpSink } from '../../tests/helpers/smtp-sink';
import { sendMail } from './index';

const db = testDb();

describe('the mail layer', () => {
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
  });

  afterAll(async () => {
    delete process.env.SMTP_URL;
    await sink.close();
  });

  it('writes to the outbox when no SMTP server is configured', async () => {
    delete process.env.SMTP_URL;
    const result = await sendMail(db, { to: 'agent@example.org', subject: 'Essai outbox', text: 'Bonjour Élodie' });
    expect(result.via).toBe('outbox');
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ to: 'agent@example.org', subject: 'Essai outbox', text: 'Bonjour Élodie' });
  });

  it('sends through a real SMTP conversation when SMTP_URL is set', async () => {
    process.env.SMTP_URL = sink.url;
    const before = await db.outboxMessage.count();
    const result = await sendMail(db, { to: 'benevole@example.org', subject: 'Essai SMTP', text: 'Ligne accentuée : à bientôt' });
    expect(result.via).toBe('smtp');
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0].to).toBe('benevole@example.org');
    expect(sink.received[0].raw).toContain('Subject: Essai SMTP');
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it('refuses a malformed address', async () => {
    await expect(sendMail(db, { to: 'pas-une-adresse', subject: 'x', text: 'x' })).rejects.toThrow('Adresse électronique invalide');
  });
});
