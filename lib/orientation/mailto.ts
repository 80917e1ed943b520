// Handing a fiche over by e-mail without our server: a mailto: link that opens the
// professional's own mail app with the fiche's share link (the chosen places, nothing about the
// person) in the body. Nothing is sent from the project's domain, so nothing can be abused.
// In the page's language (issue #20): `say` is lib/i18n's `t` on the server, the page's words in
// the browser (components/orientation/words.tsx); this module imports no message file.
import type { MessageKey, MessageValues } from '@/lib/i18n';

export type MailtoParts = { shareUrl: string; firstName?: string; structure?: string; contact?: string };
type Say = (key: MessageKey, values?: MessageValues) => string;

/** A mailto: URI (RFC 6068) with no recipient: the professional types it in their mail app. */
export function ficheMailto({ shareUrl, firstName = '', structure = '', contact = '' }: MailtoParts, say: Say): string {
  const signature = [structure.trim(), contact.trim()].filter(Boolean).join(' — ');
  const body = [
    firstName.trim() ? say('orient.mail.hello', { name: firstName.trim() }) : say('orient.mail.helloAnyone'),
    '',
    say('orient.mail.body'),
    shareUrl,
    '',
    ...(signature ? [signature] : []),
  ].join('\r\n');
  return `mailto:?subject=${encodeURIComponent(say('orient.mail.subject'))}&body=${encodeURIComponent(body)}`;
}
