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
