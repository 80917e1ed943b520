// The invalidation listener of the page cache (lib/cache/page-cache.ts): one dedicated connection
// to the primary LISTENing on `reperes_public_data`, which the triggers of migration
// 20261201090000_public_data_notify notify on every change to a table shown on public pages. It
// checks at connection that every trigger is there, checks the connection with a query every few
// seconds, and reconnects with a doubling backoff when it is lost. It tells its owner when it
// starts or stops listening (the cache is bypassed meanwhile) and when the data changed.
import pg from 'pg';

/** The channel the triggers notify, with the changed table's name as payload. */
export const PUBLIC_DATA_CHANNEL = 'reperes_public_data';
/** The name of the trigger on each table (the listener checks they are all there). */
export const PUBLIC_DATA_TRIGGER = 'reperes_public_data_notify';
/** Tables whose content shows on public pages: each carries the trigger. */
export const PUBLIC_DATA_TABLES = [
  'Place',
  'PlaceStop',
  'PlaceOpeningSlot',
  'PlaceSlugRedirect',
  'Network',
  'NetworkMembership',
  'Commune',
  'Atelier',
  'AtelierSession',
] as const;

export type Log = {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type ListenerOptions = {
  databaseUrl: string;
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  applicationName?: string;
  logger: Log;
  /** Called with true once listening, with false when the connection is lost (or closed). */
  onListening(listening: boolean): void;
  /** A table shown on public pages changed. */
  onChange(table: string | undefined): void;
};

const errorCode = (error: unknown) => (error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : undefined);

class MissingTriggers extends Error {}

/**
 * Connects at once; `close()` stops it for good. One closure of about 140 lines: its short inner
 * functions (connect, drop, heartbeat, reconnect) share the one connection, its timers and the
 * backoff count.
 */
// eslint-disable-next-line max-lines-per-function -- one closure: its inner functions share the connection, its timers and the backoff count (see above)
export function startInvalidationListener(options: ListenerOptions): { close(): Promise<void> } {
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 5_000;
  const reconnectMinMs = options.reconnectMinMs ?? 500;
  const reconnectMaxMs = options.reconnectMaxMs ?? 30_000;
  const log = options.logger;

  let listening = false;
  let closed = false;
  let client: pg.Client | null = null;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;

  function setListening(value: boolean) {
    listening = value;
    options.onListening(value);
  }

  function scheduleReconnect() {
    if (closed || retryTimer) return;
    const base = Math.min(reconnectMaxMs, reconnectMinMs * 2 ** Math.min(attempt, 20));
    const delay = Math.round(base * (0.5 + Math.random() * 0.5));
    attempt++;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
    retryTimer.unref();
  }

  /** Gives up a connection (once): bypass the cache, log why, and try again later. */
  function dropper(connection: pg.Client) {
    let lost = false;
    const drop = (reason: string, error?: unknown) => {
      if (lost) return;
      lost = true;
      if (client === connection) client = null;
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      heartbeatTimer = null;
      const was = listening;
      setListening(false);
      connection.end().catch(() => undefined);
      // A connection that stopped answering may never end by itself.
      if (reason === 'heartbeat') (connection as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
      if (closed) return;
      const fields = { reason, code: errorCode(error), attempt, err: error instanceof MissingTriggers ? undefined : error };
      if (error instanceof MissingTriggers)
        log.error({ ...fields, detail: error.message }, 'page cache bypassed: the notification triggers are missing (migrations pending?)');
      else if (was) log.warn(fields, 'page cache listener lost: cache bypassed until it reconnects');
      else log.warn(fields, 'page cache listener cannot connect: cache bypassed');
      scheduleReconnect();
    };
    return { drop, isLost: () => lost };
  }

  /** LISTEN, then check that every public table carries the trigger (else changes would go unnoticed). */
  async function listenOn(connection: pg.Client) {
    await connection.connect();
    await connection.query(`LISTEN ${PUBLIC_DATA_CHANNEL}`);
    const { rows } = await connection.query<{ tables: string[] }>(
      `SELECT coalesce(array_agg(c.relname::text), '{}') AS tables FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE t.tgname = $1 AND NOT t.tgisinternal AND t.tgenabled <> 'D' AND n.nspname = current_schema()`,
      [PUBLIC_DATA_TRIGGER],
    );
    const missing = PUBLIC_DATA_TABLES.filter((table) => !rows[0].tables.includes(table));
    if (missing.length) throw new MissingTriggers(`no ${PUBLIC_DATA_TRIGGER} trigger on ${missing.join(', ')}`);
  }

  function startHeartbeat(connection: pg.Client, drop: (reason: string, error?: unknown) => void) {
    heartbeatTimer = setInterval(() => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${heartbeatTimeoutMs} ms`)), heartbeatTimeoutMs);
        timer.unref();
      });
      Promise.race([connection.query('SELECT 1'), timeout]).then(
        () => clearTimeout(timer),
        (error) => (clearTimeout(timer), drop('heartbeat', error)),
      );
    }, heartbeatMs);
    heartbeatTimer.unref();
  }

  async function connect() {
    if (closed) return;
    const connection = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: options.applicationName ?? 'reperes-page-cache',
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // The listener must not keep the process alive (pg's Client has unref(), missing from its types).
    (connection as unknown as { unref(): void }).unref();
    client = connection;
    const { drop, isLost } = dropper(connection);

    connection.on('error', (error) => drop('error', error));
    connection.on('end', () => drop('end'));
    connection.on('notification', (message) => {
      if (message.channel !== PUBLIC_DATA_CHANNEL) return;
      log.debug({ table: message.payload }, 'public data changed: page cache emptied');
      options.onChange(message.payload);
    });

    try {
      await listenOn(connection);
    } catch (error) {
      drop('connect', error);
      return;
    }
    if (isLost()) return;
    if (closed) {
      drop('closed');
      return;
    }
    attempt = 0;
    setListening(true);
    log.info({ channel: PUBLIC_DATA_CHANNEL }, 'page cache listening');
    startHeartbeat(connection, drop);
  }

  void connect();

  return {
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      heartbeatTimer = null;
      listening = false;
      const open = client;
      client = null;
      if (open) await open.end().catch(() => undefined);
    },
  };
}
