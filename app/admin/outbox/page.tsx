import { notFound } from 'next/navigation';
import { canReadOutbox } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { latestOutboxMessages, smtpConfigured } from '@/lib/mail/outbox';

export const metadata = { title: 'Courriels envoyés' };

// Without an SMTP server, mail lands here: the embedded default for a local install and tests.
export default async function Outbox() {
  const user = await requireUser('/admin/outbox');
  if (!canReadOutbox(user)) notFound();
  const messages = await latestOutboxMessages();
  return (
    <>
      <h1>Courriels envoyés (boîte locale)</h1>
      <p>
        {smtpConfigured()
          ? 'Un serveur SMTP est configuré : les nouveaux messages partent par SMTP.'
          : 'Aucun serveur SMTP n’est configuré : les messages restent ici.'}
      </p>
      <ol className="outbox">
        {messages.map((m) => (
          <li key={m.id}>
            <p>
              <strong>{m.subject}</strong> — à {m.to} — {m.createdAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}
            </p>
            <pre className="outbox__text">{m.text}</pre>
          </li>
        ))}
      </ol>
    </>
  );
}
