import { z } from 'zod';
import { parseAllowList } from '../harvesters/allow-list';

// Messages in French for the people who run the app.
z.config(z.locales.fr());

/**
 * V8's young generation (semi-space) of the production server, in MiB, beside APP_HEAP_MB. A page
 * allocates a few hundred kB that die with the request: with V8's default the scavenger ran every
 * few requests; at 32 MiB the place page under load spent about a tenth less CPU (issue #17).
 */
export const APP_SEMI_SPACE_MB = 32;

// Every environment variable the app reads, validated once at start-up so that a bad value
// stops the app with one clear sentence instead of a stack trace later.
const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'doit être une URL PostgreSQL de la forme postgresql://utilisateur:motdepasse@hôte:5432/base');

const optionalUrl = z
  .string()
  .trim()
  .url('doit être une URL complète (https://…)')
  .optional()
  .or(z.literal('').transform(() => undefined));

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_REPLICA_URL: postgresUrl.optional().or(z.literal('').transform(() => undefined)),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: optionalUrl,
  NEXTAUTH_SECRET: z.string().min(16, 'doit faire au moins 16 caractères').optional(),
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\//.test(v), 'doit commencer par smtp:// ou smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().default('Repères <ne-pas-repondre@reperes.example>'),
  REDIS_URL: z
    .string()
    .trim()
    .refine((v) => /^rediss?:\/\//.test(v), 'doit commencer par redis:// ou rediss://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  GEOCODER_URL: optionalUrl,
  TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  TILE_ATTRIBUTION: z.string().default('&copy; <a href="https://www.openstreetmap.org/copyright">les contributeurs d’OpenStreetMap</a>'),
  /** Sign-in attempts allowed per client address in 15 minutes (offices behind one address may need more). */
  SIGNIN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  /**
   * How many proxies in front of the app append to X-Forwarded-For and are trusted to (lib/security/client-address.ts).
   * 0 (the default): the header is ignored and the TCP peer is the client. 1: one load balancer that appends the
   * address it sees; 2: a CDN then a load balancer; the client is the right-most address they did not add.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Most counters the in-memory rate limiter keeps per process (least recently used go first). */
  RATE_LIMIT_MEMORY_KEYS: z.coerce.number().int().min(1_000).max(10_000_000).default(100_000),
  /**
   * Private addresses the webhook worker may post to anyway (lib/harvesters/destination.ts): IPs or CIDR ranges, comma-separated,
   * e.g. "127.0.0.1" for the tests' receivers or "10.0.4.0/24" for a harvester on the operator's own network. None by default.
   */
  HARVESTER_ALLOW_PRIVATE_ADDRESSES: z
    .string()
    .trim()
    .refine((v) => parseAllowList(v) !== null, 'doit être une liste d’adresses IP ou de plages CIDR séparées par des virgules (127.0.0.1, 10.0.0.0/8, ::1)')
    .optional(),
  /** In-process cache of rendered public pages (lib/cache/page-cache.ts); only in production. */
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  /** Longest life of a cached page, in seconds (a page never outlives the minute it was rendered in). */
  PAGE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Memory bound of the page cache per process, in MiB (least recently used pages go first). */
  PAGE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(16_384).default(64),
  /**
   * V8's old-space limit of the production server started by `npm start`, in MiB. Without one, V8
   * sizes the heap from the machine's memory and lets it grow to about 1.2 GiB under load before
   * collecting in earnest (bench/README.md, soak); the app's live data is far smaller.
   */
  APP_HEAP_MB: z.coerce.number().int().min(128).max(16_384).default(512),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The département whose places the home page lists by commune (the instance's home territory). */
  HOME_DEPARTEMENT: z
    .string()
    .trim()
    .regex(/^(\d{2}|2[AB]|97\d)$/, 'doit être un code de département (49, 2A, 974…)')
    .default('49'),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Validates an environment; throws a ConfigError whose message is French, one line per problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}.`);
  throw new ConfigError(`Configuration invalide : ${lines.join(' ')}`);
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The site's public address, without a trailing slash: for links in emails, PDFs, sitemaps. */
export function publicUrl(): string {
  return (env().PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
}
