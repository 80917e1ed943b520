// The app's one way to send mail. With SMTP_URL, through an SMTP server (nodemailer); without,
// into the outbox table, which admins read at /admin/outbox (the embedded default).
// The outbox is a stored copy, readable from backups and replicas: the tokens of sign-in, reset,
// invitation and campaign links are masked in it (only their hashes are kept anywhere), so a
// deployment that must deliver such links needs SMTP_URL.
import nodemailer, { type Transporter } from 'nodemailer';
import type { PrismaClient } from '@prisma/client';
import { redactTokens } from '@/lib/security/redact';

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Where replies go (the professional who sent a fiche), instead of the no-reply sender. */
  replyTo?: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
};

export type MailResult = { via: 'smtp' | 'outbox'; id: string };

let transporter: { url: string; transport: Transporter } | undefined;

function smtp(url: string): Transporter {
  if (transporter?.url !== url) transporter = { url, transport: nodemailer.createTransport(url) };
  return transporter.transport;
}

/** What replaces a link's token in the stored copy. */
export const OUTBOX_MARKER = '[masqué-dans-la-copie]';

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/**
 * Sends a message. The database client is passed in so that callers inside a transaction can
 * write the outbox row atomically with their own changes.
 */
export async function sendMail(db: Pick<PrismaClient, 'outboxMessage'>, mail: Mail): Promise<MailResult> {
  if (!isEmail(mail.to)) throw new Error('Adresse électronique invalide.');
  const from = process.env.MAIL_FROM ?? 'Repères <ne-pas-repondre@reperes.example>';
  const smtpUrl = process.env.SMTP_URL;
  if (smtpUrl) {
    const info = await smtp(smtpUrl).sendMail({ from, ...mail });
    return { via: 'smtp', id: String(info.messageId) };
  }
  const row = await db.outboxMessage.create({
    data: { to: mail.to, subject: mail.subject, text: redactTokens(mail.text, OUTBOX_MARKER), html: mail.html ? redactTokens(mail.html, OUTBOX_MARKER) : null },
  });
  return { via: 'outbox', id: row.id };
}
