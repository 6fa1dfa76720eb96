/** Where the CLI writes. One object so commands stay testable and never call console directly. */
import { writeFileSync } from 'node:fs';
import { InputError } from '../core/errors.ts';

export const io = {
  out(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  },
  err(text: string): void {
    process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  },
  json(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
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
