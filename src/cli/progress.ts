/**
 * Long jobs in the shell: a progress bar on stderr and a clean Ctrl-C.
 *
 * The bar never touches stdout (so `--json` output stays clean), shows the rate and the time left,
 * and appears only once a job has run for a second — short jobs print nothing. It is drawn when
 * stderr is a terminal; `ENTENTE_PROGRESS=always` draws it anyway (one line every two seconds
 * when stderr is not a terminal, e.g. in logs), `ENTENTE_PROGRESS=never` or `--no-progress`
 * hides it.
 *
 * The first Ctrl-C stops the job after the chunks in progress; the command then prints what was
 * done, marked partial, and exits with 130. A second Ctrl-C quits at once.
 */
import cliProgress from 'cli-progress';
import { io } from './io.ts';

/** Delay before a bar appears, ms. */
export const PROGRESS_DELAY_MS = 1000;

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

export function progressEnabled(flag: boolean | undefined): boolean {
  const env = process.env.ENTENTE_PROGRESS;
  if (flag === false || env === 'never') return false;
  return env === 'always' || process.stderr.isTTY === true;
}

const grouped = (x: number) => Math.round(x).toLocaleString('en-US');

function seconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** A bar for `total` units of work, shown after {@link PROGRESS_DELAY_MS} if enabled. */
export function createProgress(opts: {
  label: string;
  unit: string;
  total: number;
  enabled: boolean;
}): Progress {
  const start = Date.now();
  let total = opts.total;
  let bar: cliProgress.SingleBar | null = null;
  // The rate is measured from the first update on, so start-up (e.g. worker threads loading)
  // does not make the time left look longer than it is.
  let first: { at: number; done: number } | null = null;
  const payload = (done: number) => {
    const now = Date.now();
    const rate =
      first && now > first.at && done > first.done
        ? ((done - first.done) * 1000) / (now - first.at)
        : now > start
          ? (done * 1000) / (now - start)
          : 0;
    return {
      label: opts.label,
      unit: opts.unit,
      done: grouped(done),
      all: grouped(total),
      rate: rate >= 100 ? grouped(rate) : rate.toPrecision(3),
      left: rate > 0 ? seconds((total - done) / rate) : '?',
    };
  };
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) total = newTotal;
      first ??= { at: Date.now(), done };
      if (!opts.enabled) return;
      if (!bar) {
        if (Date.now() - start < PROGRESS_DELAY_MS) return;
        bar = new cliProgress.SingleBar({
          stream: process.stderr,
          format:
            '{label} {bar} {percentage}% | {done}/{all} {unit} | {rate} {unit}/s | {left} left',
          barsize: 24,
          barCompleteChar: '█',
          barIncompleteChar: '░',
          hideCursor: true,
          clearOnComplete: true,
          noTTYOutput: process.stderr.isTTY !== true,
          notTTYSchedule: 2000,
          fps: 5,
        });
        bar.start(total, done, payload(done));
        return;
      }
      bar.setTotal(total);
      bar.update(done, payload(done));
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

export interface Interruptible {
  /** Aborted on the first Ctrl-C. */
  readonly signal: AbortSignal;
  /** True once Ctrl-C was pressed. */
  readonly interrupted: () => boolean;
  /** Removes the handler (always call, e.g. in `finally`). */
  dispose(): void;
}

/** Installs the Ctrl-C handler for a long job. */
export function onInterrupt(): Interruptible {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    io.err('\ninterrupted: finishing the chunks in progress (Ctrl-C again to quit at once)');
  };
  process.on('SIGINT', handler);
  return {
    signal: controller.signal,
    interrupted: () => controller.signal.aborted,
    dispose: () => {
      process.off('SIGINT', handler);
    },
  };
}

/** Exit code for a run stopped by Ctrl-C (128 + SIGINT). */
export const INTERRUPTED_EXIT_CODE = 130;
