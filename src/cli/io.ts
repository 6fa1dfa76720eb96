/**
 * Where the CLI writes. One object so commands stay testable and never call console directly.
 * Text goes to the process's stdout and stderr, or to the streams `main(argv, streams)` was given
 * (the tests run the CLI in their own process and capture both).
 */
import { writeFileSync } from 'node:fs';
import { InputError } from '../core/errors.ts';

/** The two text sinks of one CLI run. */
export interface CliStreams {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processStreams: CliStreams = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

let streams: CliStreams = processStreams;

/** Sends the CLI's output to `to` (the process's streams when undefined); returns the undo. */
export function redirectIo(to: CliStreams | undefined): () => void {
  const before = streams;
  streams = to ?? processStreams;
  return () => {
    streams = before;
  };
}

/** True while the output goes to the process's own stdout and stderr. */
export const toProcessStreams = (): boolean => streams === processStreams;

export const io = {
  out(text: string): void {
    streams.stdout(text.endsWith('\n') ? text : `${text}\n`);
  },
  err(text: string): void {
    streams.stderr(text.endsWith('\n') ? text : `${text}\n`);
  },
  json(value: unknown): void {
    streams.stdout(`${JSON.stringify(value, null, 2)}\n`);
  },
  /** Writes a file, or prints to stdout when `file` is undefined or '-'. */
  write(file: string | undefined, text: string): void {
    if (file === undefined || file === '-') {
      this.out(text);
      return;
    }
    try {
      writeFileSync(file, text);
    } catch (err) {
      throw new InputError({
        file,
        path: '',
        message: `cannot be written (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      });
    }
  },
};
