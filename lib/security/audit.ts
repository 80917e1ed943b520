// The dependency audit's verdict, from `npm audit --omit=dev --json` and the allow-list of
// accepted exceptions (audit-allowlist.json: each entry names an advisory, says why it is
// accepted, and may expire). High and critical advisories fail the audit unless allowed.

export type AllowEntry = { id: string | number; package?: string; reason: string; expires?: string };
export type Allowlist = { advisories: AllowEntry[] };

export type Advisory = { id: string; source: number | null; package: string; title: string; severity: string; url: string };

export type AuditVerdict =
  | { kind: 'unreachable'; message: string }
  | {
      kind: 'done';
      failing: Advisory[];
      allowed: Array<Advisory & { reason: string }>;
      lowerSeverity: number;
      unusedAllowEntries: AllowEntry[];
      expiredAllowEntries: AllowEntry[];
    };

const BLOCKING = new Set(['high', 'critical']);

type Via = string | { source?: number; name?: string; title?: string; url?: string; severity?: string };
type Report = { vulnerabilities?: Record<string, { name?: string; severity?: string; via?: Via[] }>; message?: string; error?: unknown };

/** Checks the allow-list's shape; throws a French sentence naming the faulty entry. */
export function parseAllowlist(value: unknown): Allowlist {
  const list = (value as Allowlist | null)?.advisories;
  if (!Array.isArray(list)) throw new Error('audit-allowlist.json doit contenir { "advisories": [ … ] }.');
  list.forEach((entry, i) => {
    if (!entry || (typeof entry.id !== 'string' && typeof entry.id !== 'number') || String(entry.id).trim() === '')
      throw new Error(`audit-allowlist.json, entrée ${i + 1} : « id » (identifiant GHSA ou numéro de l’avis) manquant.`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 10)
      throw new Error(`audit-allowlist.json, entrée ${i + 1} (${entry.id}) : « reason » doit expliquer pourquoi l’avis est accepté.`);
    if (entry.expires !== undefined && Number.isNaN(Date.parse(entry.expires)))
      throw new Error(`audit-allowlist.json, entrée ${i + 1} (${entry.id}) : « expires » doit être une date (AAAA-MM-JJ).`);
  });
  return { advisories: list };
}

function advisoryId(via: Exclude<Via, string>): string {
  const ghsa = via.url ? /GHSA-[\w-]+/i.exec(via.url)?.[0] : undefined;
  return ghsa ?? String(via.source ?? via.title ?? 'inconnu');
}

/** The verdict for one `npm audit --json` output (its raw text). */
export function evaluateAudit(rawOutput: string, allowlist: Allowlist, today = new Date()): AuditVerdict {
  let report: Report;
  try {
    report = JSON.parse(rawOutput) as Report;
  } catch {
    return { kind: 'unreachable', message: 'npm audit n’a pas rendu de rapport lisible.' };
  }
  if (!report.vulnerabilities) {
    return { kind: 'unreachable', message: `le service d’audit du registre n’a pas répondu (${String(report.message ?? 'raison inconnue').slice(0, 200)}).` };
  }
  const advisories = new Map<string, Advisory>();
  let lowerSeverity = 0;
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      if (typeof via === 'string') continue; // an effect of another package's advisory, listed there
      const advisory: Advisory = {
        id: advisoryId(via),
        source: via.source ?? null,
        package: via.name ?? name,
        title: via.title ?? '',
        severity: via.severity ?? vulnerability.severity ?? 'unknown',
        url: via.url ?? '',
      };
      if (!BLOCKING.has(advisory.severity)) {
        lowerSeverity++;
        continue;
      }
      advisories.set(advisory.id, advisory);
    }
  }
  const live = (entry: AllowEntry) => !entry.expires || Date.parse(entry.expires) >= today.getTime() - 24 * 3600 * 1000;
  const matches = (entry: AllowEntry, advisory: Advisory) =>
    (String(entry.id).toUpperCase() === advisory.id.toUpperCase() || (advisory.source !== null && String(entry.id) === String(advisory.source))) &&
    (!entry.package || entry.package === advisory.package);
  const failing: Advisory[] = [];
  const allowed: Array<Advisory & { reason: string }> = [];
  const used = new Set<AllowEntry>();
  for (const advisory of advisories.values()) {
    const entry = allowlist.advisories.find((e) => live(e) && matches(e, advisory));
    if (entry) {
      used.add(entry);
      allowed.push({ ...advisory, reason: entry.reason });
    } else failing.push(advisory);
  }
  return {
    kind: 'done',
    failing,
    allowed,
    lowerSeverity,
    unusedAllowEntries: allowlist.advisories.filter((e) => live(e) && !used.has(e)),
    expiredAllowEntries: allowlist.advisories.filter((e) => !live(e)),
  };
}
