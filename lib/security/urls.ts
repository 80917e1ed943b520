// Links built from stored data (a place's website, its booking page…) must only ever be web
// addresses: a `javascript:` or `data:` URL in an imported file would otherwise become a link
// that runs code when clicked.

/** The address when it is an absolute http(s) URL, else null (shown as text, not as a link). */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url.toString();
}

// A scheme ("https:", "mailto:"…), "www.", or a host name with a top-level domain followed by a
// path or the end of a word ("arnaque.fr/x", "bit.ly"). An e-mail address is not a link here.
const LINK =
  /(?:\b[a-z][a-z0-9+.-]{1,20}:\/\/|\bwww\.|\b(?:mailto|javascript|data|tel|sms):|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?=[/?#:]|\b)(?!@|\.\w))/i;

/** Whether free text holds something a mail reader would turn into a link. */
export function containsLink(text: string): boolean {
  const withoutEmails = text.replace(/[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[a-z]{2,}/gi, ' ');
  return LINK.test(withoutEmails.normalize('NFKC'));
}
