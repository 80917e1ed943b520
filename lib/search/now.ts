// "Now", for pages. End-to-end tests freeze it with ?maintenant=<ISO date> — only when the server
// runs with E2E=1, never in production.
export function requestNow(params: Record<string, string | string[] | undefined>): Date {
  const frozen = params.maintenant;
  if (process.env.E2E === '1' && typeof frozen === 'string' && !Number.isNaN(Date.parse(frozen))) return new Date(frozen);
  return new Date();
}
