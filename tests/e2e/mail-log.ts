// Where the end-to-end server (scripts/e2e-server.ts) writes each message its SMTP sink receives,
// one JSON line { to, subject, text } each.
import path from 'node:path';

export function e2eMailLog(port = process.env.E2E_PORT ?? '3100'): string {
  return path.resolve(__dirname, '..', '..', '.data', `e2e-mail-${port}.jsonl`);
}
