// Handing a fiche over by e-mail without our server: a mailto: link that opens the
// professional's own mail app with the fiche's share link (the chosen places, nothing about the
// person) in the body. Nothing is sent from the project's domain, so nothing can be abused.

export type MailtoParts = { shareUrl: string; firstName?: string; structure?: string; contact?: string };

export const MAILTO_SUBJECT = 'Les lieux où vous faire aider pour le numérique';

/** A mailto: URI (RFC 6068) with no recipient: the professional types it in their mail app. */
export function ficheMailto({ shareUrl, firstName = '', structure = '', contact = '' }: MailtoParts): string {
  const signature = [structure.trim(), contact.trim()].filter(Boolean).join(' — ');
  const body = [
    firstName.trim() ? `Bonjour ${firstName.trim()},` : 'Bonjour,',
    '',
    'Voici les lieux où vous pouvez être aidé·e pour le numérique, avec leurs adresses, horaires et téléphones :',
    shareUrl,
    '',
    ...(signature ? [signature] : []),
  ].join('\r\n');
  return `mailto:?subject=${encodeURIComponent(MAILTO_SUBJECT)}&body=${encodeURIComponent(body)}`;
}
