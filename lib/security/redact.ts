// Secrets carried in URLs: an update campaign's link (/mise-a-jour/<token>) lets whoever holds it
// change a place; sign-in, reset and invitation links carry ?jeton=. Any long random-looking
// path segment in mixed case (base64url tokens; slugs are lower case) is treated the same way.
// Used for logs (lib/observability/logger.ts) and for the stored copy of mail (lib/mail).
const TOKEN_IN_PATH = /(\/mise-a-jour\/)[^/?#\s"'<>]+/g;
const TOKEN_IN_QUERY = /([?&](?:jeton|token)=)[^&#\s"'<>]+/gi;
const LONG_SEGMENT = /(\/)(?=[\w-]*[A-Z])(?=[\w-]*[a-z])[A-Za-z0-9_-]{32,}(?=[/?#\s"'<>]|$)/g;

/** Replaces the secret part of links (campaign tokens, ?jeton=…) with `marker`. */
export function redactTokens(text: string, marker = '[jeton]'): string {
  return text.replace(TOKEN_IN_PATH, `$1${marker}`).replace(TOKEN_IN_QUERY, `$1${marker}`).replace(LONG_SEGMENT, `$1${marker}`);
}
