// `npx tsx scripts/audit.ts` (run by .ci/run, not by npm test, which must pass offline): the
// production dependencies' known vulnerabilities. High and critical advisories fail unless listed
// in audit-allowlist.json with a reason. When the registry's audit service cannot be reached,
// says so and does not fail.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { evaluateAudit, parseAllowlist } from '../lib/security/audit';

const root = path.resolve(__dirname, '..');
const allowlist = parseAllowlist(JSON.parse(fs.readFileSync(path.join(root, 'audit-allowlist.json'), 'utf8')));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['audit', '--omit=dev', '--audit-level=high', '--json'], {
  cwd: root,
  encoding: 'utf8',
  timeout: 120_000,
  maxBuffer: 64 * 1024 * 1024,
});
const verdict = evaluateAudit(result.stdout ?? '', allowlist);

if (verdict.kind === 'unreachable') {
  console.log(`⚠ Audit des dépendances non effectué : ${verdict.message} Relancez-le quand le registre répond.`);
  process.exit(0);
}
for (const a of verdict.allowed) console.log(`  accepté  ${a.severity.padEnd(8)} ${a.package} ${a.id} — ${a.reason}`);
for (const e of verdict.expiredAllowEntries) console.log(`  expiré   ${e.id} (${e.expires}) : l’exception ne s’applique plus.`);
for (const e of verdict.unusedAllowEntries) console.log(`  inutile  ${e.id} : plus aucun paquet concerné, l’entrée peut être retirée.`);
if (verdict.failing.length) {
  console.error(`✖ ${verdict.failing.length} avis de sécurité élevé(s) ou critique(s) dans les dépendances de production :`);
  for (const a of verdict.failing) console.error(`  ${a.severity.padEnd(8)} ${a.package} ${a.id} ${a.title} ${a.url}`);
  console.error('Mettez à jour le paquet, ou ajoutez l’avis à audit-allowlist.json avec la raison qui le rend acceptable.');
  process.exit(1);
}
console.log(`✔ Audit des dépendances : aucun avis élevé ou critique non accepté (${verdict.lowerSeverity} de gravité moindre).`);
