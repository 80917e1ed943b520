// The security headers every response carries, computed in one place (the proxy applies them):
// a strict Content-Security-Policy with a per-request nonce for Next's inline scripts, the
// configured map tiles allowed as images, framing refused except for the embeddable widgets.

export type SecurityHeaderOptions = {
  pathname: string;
  nonce: string;
  /** The map tiles template, e.g. https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png */
  tileUrl: string;
  production: boolean;
  https: boolean;
};

/** Routes meant to be shown inside other sites' pages (the embeddable widgets). */
export function isEmbedPath(pathname: string): boolean {
  return pathname === '/embed' || pathname.startsWith('/embed/');
}

/** A random nonce, fresh for each request (base64 of 16 random bytes). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The CSP source for the tiles template: its scheme and host, with a `{s}`-like placeholder in
 * the host turned into a `*.` wildcard (CSP allows one only as the leftmost label). Null when the
 * template is not an http(s) URL.
 */
export function tileSource(tileUrl: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!match) return null;
  const scheme = match[1].toLowerCase();
  const labels = match[2].toLowerCase().split('.');
  const templated = labels.findIndex((label) => label.includes('{'));
  let host: string;
  if (templated === -1) host = labels.join('.');
  else {
    // Every label up to the last templated one becomes the wildcard.
    const last = labels.length - 1 - [...labels].reverse().findIndex((label) => label.includes('{'));
    const rest = labels.slice(last + 1);
    if (rest.length < 2) return null;
    host = ['*', ...rest].join('.');
  }
  if (!/^(\*\.)?[a-z0-9.-]+(:\d+)?$/.test(host)) return null;
  return `${scheme}://${host}`;
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const tiles = tileSource(options.tileUrl);
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    // 'strict-dynamic': scripts loaded by a trusted (nonced) script are trusted — Next's chunks.
    ['script-src', ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.production ? [] : ["'unsafe-eval'"])]],
    // In development Next.js injects styles from scripts (hot reload) without a nonce.
    ['style-src', options.production ? ["'self'", `'nonce-${options.nonce}'`] : ["'self'", "'unsafe-inline'"]],
    // Style attributes (a network's colour, Leaflet's positioning) cannot run code.
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['media-src', ["'self'"]],
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    // The embed code generator previews our own widget.
    ['frame-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', isEmbedPath(options.pathname) ? ['*'] : ["'none'"]],
  ];
  const policy = directives.map(([name, values]) => `${name} ${values.join(' ')}`);
  if (options.production && options.https) policy.push('upgrade-insecure-requests');
  return policy.join('; ');
}

/** The map tiles when TILE_URL is not set. */
export const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/**
 * The security headers of the response to a request (the proxy's, and the page cache's fast path's:
 * lib/render/fast-hit.ts): `pathname` without the language prefix, `protocol` the request's own
 * ("http" or "https") when no X-Forwarded-Proto says otherwise.
 */
export function requestSecurityHeaders(pathname: string, nonce: string, forwardedProto: string | null | undefined, protocol: string): Record<string, string> {
  return securityHeaders({
    pathname,
    nonce,
    tileUrl: process.env.TILE_URL || DEFAULT_TILES,
    production: process.env.NODE_ENV === 'production',
    https: (forwardedProto?.split(',')[0].trim() ?? protocol) === 'https',
  });
}

/** Every security header for one response. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (!isEmbedPath(options.pathname)) headers['X-Frame-Options'] = 'DENY';
  if (options.production && options.https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
