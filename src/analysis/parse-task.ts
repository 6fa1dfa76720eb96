/**
 * Parsing a scenario text as a one-chunk task, so that a shell can parse large texts off its event
 * loop (the server's worker pool: docs/hardening.md, "Nothing heavy on the event loop"). The same
 * code as everywhere else (`parseScenarioText`), so the same scenario and the same errors: an
 * `InputError` with `file:line:column` problems comes back from a thread with its class and
 * problems (the executor contract). The content hash is taken on the thread too.
 */
import { InternalError } from '../core/errors.ts';
import { contentHash } from '../core/hash.ts';
import type { Scenario } from '../core/scenario.ts';
import type { Executor } from '../executors/executor.ts';
import type { Task } from '../executors/task.ts';
import { parseScenarioText } from '../formats/scenario-file.ts';
import { keepParse } from './scenario-text.ts';

export interface ParseJob {
  readonly text: string;
  readonly file?: string;
}

export interface ParsedText {
  readonly scenario: Scenario;
  /** `contentHash(scenario)`. */
  readonly hash: string;
}

export const parseScenarioTask: Task<ParseJob, ParsedText> = {
  name: 'parse-scenario',
  run(job) {
    const scenario = parseScenarioText(job.text, job.file);
    const hash = contentHash(scenario);
    // A forecast of this text on this thread finds it parsed (scenario-text.ts).
    keepParse(hash, scenario);
    return { scenario, hash };
  },
};

/** Parses `text` on `executor` (one chunk); rejects with the parser's own error. */
export async function parseScenarioOn(
  executor: Executor,
  text: string,
  file?: string,
): Promise<ParsedText> {
  let parsed: ParsedText | undefined;
  await executor.run(parseScenarioTask, { text, ...(file !== undefined ? { file } : {}) }, 1, {
    onResult: (_chunk, r) => (parsed = r),
  });
  if (!parsed) throw new InternalError('the executor delivered no parse of the scenario text');
  return parsed;
}
