// The app's signing secret when NEXTAUTH_SECRET is not set: one generated at the first `npm start`
// and kept in .data/auth-secret. `npm run digests:send` signs its unsubscribe links with the same.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function localSecret(root: string): string {
  const file = path.join(root, '.data', 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
