import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../tests/helpers/db';
import { mailText, startSmtpSink, type SmtpSink } from '../../tests/helpers/smtp-sink';
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

  it('masks the tokens of links in the stored outbox copy, while the SMTP message carries them', async () => {
    const token = 'Zq8_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7';
    const text = `Bonjour,\n\nPour vous connecter, ouvrez ce lien :\n\nhttps://reperes.example/connexion/lien?jeton=${token}&retour=%2Fadmin\n\nOu mettez la fiche à jour : https://reperes.example/mise-a-jour/${token}\n`;
    delete process.env.SMTP_URL;
    const stored = await sendMail(db, {
      to: 'agent@example.org',
      subject: 'Lien',
      text,
      html: `<a href="https://reperes.example/mise-a-jour/${token}">lien</a>`,
    });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: stored.id } });
    expect(row.text).not.toContain(token);
    expect(row.html).not.toContain(token);
    expect(row.text).toContain('/connexion/lien?jeton=[masqué-dans-la-copie]&retour=%2Fadmin');
    expect(row.text).toContain('/mise-a-jour/[masqué-dans-la-copie]');

    process.env.SMTP_URL = sink.url;
    const count = sink.received.length;
    await sendMail(db, { to: 'agent@example.org', subject: 'Lien', text });
    expect(mailText(sink.received[count].raw)).toContain(`jeton=${token}`);
    expect(mailText(sink.received[count].raw)).toContain(`/mise-a-jour/${token}`);
    delete process.env.SMTP_URL;
  });

  it('refuses a malformed address', async () => {
    await expect(sendMail(db, { to: 'pas-une-adresse', subject: 'x', text: 'x' })).rejects.toThrow('Adresse électronique invalide');
  });
});
