/**
 * Time limits of the distributed executor, each with a default and an environment variable
 * (seconds; docs/distributed.md, "Timeouts and back-off"). Pure: the environment is passed in.
 *
 * | variable                        | default | what it bounds                                                        |
 * | ------------------------------- | ------- | --------------------------------------------------------------------- |
 * | `ENTENTE_REDIS_CONNECT_TIMEOUT` | 5       | one connection attempt (TCP, TLS, AUTH, SELECT), and the start check  |
 * | `ENTENTE_REDIS_COMMAND_TIMEOUT` | 10      | one command of Entente's own (BullMQ's blocking waits are not bound)  |
 * | `ENTENTE_REDIS_RETRY_MAX`       | 10      | the longest wait between two reconnection attempts (back-off cap)     |
 * | `ENTENTE_REDIS_GIVE_UP`         | 300     | how long a worker goes on without Redis before it exits (exit 1)      |
 * | `ENTENTE_REDIS_STALL`           | 10      | a coordinator says so when no worker has taken a chunk for this long  |
 */
import { InputError } from '../../core/errors.ts';

export interface RedisSettings {
  readonly connectTimeoutMs: number;
  readonly commandTimeoutMs: number;
  readonly retryMaxMs: number;
  readonly giveUpMs: number;
  readonly stallMs: number;
}

export const REDIS_SETTING_VARS = {
  connectTimeoutMs: ['ENTENTE_REDIS_CONNECT_TIMEOUT', 5],
  commandTimeoutMs: ['ENTENTE_REDIS_COMMAND_TIMEOUT', 10],
  retryMaxMs: ['ENTENTE_REDIS_RETRY_MAX', 10],
  giveUpMs: ['ENTENTE_REDIS_GIVE_UP', 300],
  stallMs: ['ENTENTE_REDIS_STALL', 10],
} as const satisfies Record<keyof RedisSettings, readonly [string, number]>;

export const DEFAULT_REDIS_SETTINGS: RedisSettings = Object.fromEntries(
  Object.entries(REDIS_SETTING_VARS).map(([k, [, seconds]]) => [k, seconds * 1000]),
) as unknown as RedisSettings;

/** The first reconnection waits this long; each next one twice as long, up to `retryMaxMs`. */
export const RETRY_FIRST_MS = 250;

/**
 * The settings in force: each variable of `env` that is set (a positive number of seconds, at
 * most a day), else its default. A bad value is an InputError naming the variable.
 */
export function redisSettings(env: NodeJS.ProcessEnv = process.env): RedisSettings {
  const out: Record<string, number> = {};
  for (const [key, [name, seconds]] of Object.entries(REDIS_SETTING_VARS)) {
    const text = env[name]?.trim();
    if (text === undefined || text === '') {
      out[key] = seconds * 1000;
      continue;
    }
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0 || n > 86_400) {
      throw new InputError({
        path: name,
        message: `expected a number of seconds above 0 and at most 86400, got "${text}"`,
      });
    }
    out[key] = Math.round(n * 1000);
  }
  return out as unknown as RedisSettings;
}

/** Exponential back-off: attempt 1 waits RETRY_FIRST_MS, then twice as long each time, capped. */
export function retryDelay(attempt: number, retryMaxMs: number): number {
  const exponent = Math.min(30, Math.max(0, attempt - 1));
  return Math.min(retryMaxMs, RETRY_FIRST_MS * 2 ** exponent);
}

/** `12 s`, `1.5 s`, `5 min`: a duration for messages. */
export function seconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
