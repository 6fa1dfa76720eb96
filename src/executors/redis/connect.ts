/**
 * Opening a connection to Redis the same way on the coordinator and on the workers: with the
 * timeouts and the back-off of `settings.ts`, and checked at start. A start that cannot work is
 * refused at once with what to fix (the URL shown with its password hidden), never left to
 * ioredis, which would otherwise
 * - run on database 0 when the URL names a database the server does not have (`/99` on a server
 *   with 16): it only emits an error event for the failed SELECT;
 * - retry a refused or missing password, or a refused connection, forever.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { InputError } from '../../core/errors.ts';
import { type RedisSettings, retryDelay, seconds } from './settings.ts';
import type { RedisTarget } from './target.ts';
import { withTimeout } from './with-timeout.ts';

/** The ioredis options of Entente's own clients (not BullMQ's: its waits block for seconds). */
export function clientOptions(settings: RedisSettings): RedisOptions {
  return {
    lazyConnect: true,
    connectTimeout: settings.connectTimeoutMs,
    commandTimeout: settings.commandTimeoutMs,
    retryStrategy: (times: number) => retryDelay(times, settings.retryMaxMs),
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
  };
}

/**
 * How long a closed client waits for its socket to close before destroying it (ioredis: 2 s).
 * With Redis gone the socket never closes, and that timer alone kept a worker that had given up
 * alive for 2 s more.
 */
export const DISCONNECT_TIMEOUT_MS = 200;

/** BullMQ's connection: the URL, the connect timeout and the same back-off (no command timeout). */
export function bullConnection(target: RedisTarget, settings: RedisSettings) {
  return {
    url: target.url,
    connectTimeout: settings.connectTimeoutMs,
    retryStrategy: (times: number) => retryDelay(times, settings.retryMaxMs),
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
  };
}

/** The database number a URL names (0 when none). */
export function databaseOf(target: RedisTarget): number {
  const path = new URL(target.url).pathname;
  return /^\/\d+$/.test(path) ? Number(path.slice(1)) : 0;
}

/** Why a start failed, in words a user can act on. */
export function explainRedisError(message: string, settings: RedisSettings): string {
  const m = message.replace(/\.$/, '');
  if (/NOAUTH/i.test(m)) {
    return `it requires a password (${m.split(' ')[0]}); give it in the URL: redis://:PASSWORD@host:port, or redis://USER:PASSWORD@host:port with an ACL user`;
  }
  if (/WRONGPASS|invalid password|invalid username-password/i.test(m)) {
    return `it refused the user name or password in the URL (${m}); check them`;
  }
  if (/ECONNREFUSED/.test(m)) return `nothing answers there (${m}); is redis-server running?`;
  if (/ENOTFOUND|EAI_AGAIN/.test(m)) return `no such host (${m})`;
  if (/timed out/i.test(m)) {
    return `${m}: no answer within ${seconds(settings.connectTimeoutMs)} (ENTENTE_REDIS_CONNECT_TIMEOUT); is the host reachable and the port right?`;
  }
  return m;
}

/**
 * A client connected to the target's database and answering, or an InputError on `path` that
 * names the URL (password hidden) and says what to fix. The client reconnects by itself later,
 * with the back-off of `settings`.
 */
export async function openRedis(
  target: RedisTarget,
  settings: RedisSettings,
  path: string,
): Promise<Redis> {
  const redis = new Redis(target.url, clientOptions(settings));
  let lastError = '';
  redis.on('error', (err: Error) => (lastError ||= err.message));
  const refuse = (reason: string) => {
    redis.disconnect();
    return new InputError({ path, message: `cannot use Redis at ${target.display}: ${reason}` });
  };
  try {
    await withTimeout(
      redis.connect().then(() => redis.ping()),
      settings.connectTimeoutMs,
      () => 'timed out',
    );
  } catch (err) {
    throw refuse(explainRedisError(lastError || (err as Error).message, settings));
  }
  const db = databaseOf(target);
  if (db !== 0) {
    // ioredis sends SELECT on connect but, when it fails, goes on with database 0.
    try {
      await redis.select(db);
    } catch (err) {
      const reason = (err as Error).message;
      if (!/out of range|invalid DB index/i.test(reason)) throw refuse(reason);
      let count = '';
      try {
        const reply = await redis.config('GET', 'databases');
        if (reply[1]) count = reply[1];
      } catch {
        // CONFIG may be disabled or not allowed to this user; the message does without it.
      }
      throw refuse(
        `it has no database ${db} (${reason})${count ? `: it has ${count} (0–${Number(count) - 1})` : ''}; name one that exists, e.g. ${target.display.replace(/\/\d+(?=$|\?| )/, '/0')}, or raise \`databases\` in redis.conf`,
      );
    }
  }
  return redis;
}
