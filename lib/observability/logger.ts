// Structured JSON logs (pino), one line per event, on standard output. No personal data: known
// sensitive keys are redacted, e-mail addresses in messages are masked, and client addresses are
// only ever logged as a keyed hash (`hashIp`), which lets one follow a single abuser without
// storing who they are.
import { createHash } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { redactTokens } from '../security/redact';

export { redactTokens };

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;

/** Masks e-mail addresses, IPv4 addresses and link tokens in free text (error messages may quote them). */
export function scrub(text: string): string {
  return redactTokens(text).replace(EMAIL, '[courriel]').replace(IPV4, '[ip]');
}

/** A short keyed hash of a client address: stable within a deployment, not reversible. */
export function hashIp(ip: string): string {
  const salt = process.env.LOG_SALT ?? process.env.NEXTAUTH_SECRET ?? 'reperes';
  return createHash('sha256').update(`${salt}:${ip}`).digest('hex').slice(0, 16);
}

/** The path of a URL without its query string (queries may hold addresses, tokens, names) and
 * with the tokens of paths like /mise-a-jour/<token> masked. */
export function pathOnly(url: string): string {
  const at = url.search(/[?#]/);
  return redactTokens(at === -1 ? url : url.slice(0, at));
}

const REDACT = [
  'email',
  '*.email',
  'password',
  '*.password',
  'token',
  '*.token',
  'ip',
  '*.ip',
  'phone',
  '*.phone',
  'headers.cookie',
  'headers.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
  'headers["x-forwarded-for"]',
  'headers["x-real-ip"]',
];

type Destination = { write(line: string): void };

/** A logger writing JSON lines to `destination` (standard output by default). */
export function createLogger(options: { level?: string; destination?: Destination } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'reperes' },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      redact: { paths: REDACT, censor: '[masqué]' },
      formatters: {
        level: (label) => ({ level: label }),
        // Top-level string fields (path, url, route…) lose their link tokens too.
        log: (object) => {
          const clean: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(object)) clean[key] = typeof value === 'string' ? redactTokens(value) : value;
          return clean;
        },
      },
      serializers: {
        err: (error: unknown) => {
          const serialized = pino.stdSerializers.err(error as Error);
          return {
            ...serialized,
            message: scrub(String(serialized.message ?? '')),
            stack: serialized.stack ? scrub(serialized.stack) : undefined,
          };
        },
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as typeof args;
          return method.apply(this, scrubbed);
        },
      },
    },
    options.destination ?? pino.destination({ sync: true }),
  );
}

const globalForLog = globalThis as unknown as { reperesLogger?: Logger };

/** The process's logger. */
export const logger: Logger = (globalForLog.reperesLogger ??= createLogger());

/** A child logger carrying the request id. */
export function forRequest(requestId: string | null | undefined, bindings: Record<string, unknown> = {}): Logger {
  return logger.child({ requestId: requestId ?? undefined, ...bindings });
}
