/**
 * Scenario files: YAML or JSON text → a validated {@link Scenario}, or an {@link InputError}
 * listing every problem as `file:line:column path: message`. JSON is read by the YAML parser
 * (JSON is YAML), so both formats get the same locations.
 */
import { parseDocument, stringify } from 'yaml';
import type { ZodError } from 'zod';
import { InputError, type Problem } from '../core/errors.ts';
import { formatPath } from '../core/path.ts';
import { Scenario, type ScenarioInput } from '../core/scenario.ts';
import { validateScenario } from '../core/validate.ts';
import { LineCounter, locator } from './locate.ts';

function zodProblems(error: ZodError, locate: ReturnType<typeof locator>): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const p = [...path, key];
        out.push({ ...locate(p, true), path: formatPath(p), message: `unknown field "${key}"` });
      }
      continue;
    }
    let message = issue.message;
    if (issue.code === 'invalid_type' && issue.input === undefined)
      message = `missing: expected ${issue.expected}`;
    out.push({ ...locate(path), path: formatPath(path), message });
  }
  return out;
}

/** Parses and validates scenario text. `file` names the file in messages. */
export function parseScenarioText(text: string, file?: string): Scenario {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locate = locator(doc, lines, file);
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return {
          ...(file === undefined ? {} : { file }),
          line: pos.line,
          column: pos.col,
          path: '',
          message: `not valid YAML/JSON: ${e.message.split('\n')[0]}`,
        };
      }),
    );
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError({
      ...(file === undefined ? {} : { file }),
      path: '',
      message: 'expected a scenario: a mapping with id, title, issues, actors…',
    });
  }
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) throw new InputError(zodProblems(parsed.error, locate));
  const problems = validateScenario(parsed.data);
  if (problems.length > 0) {
    throw new InputError(
      problems.map((p) => ({ ...locate(p.path), path: formatPath(p.path), message: p.message })),
    );
  }
  return parsed.data;
}

/** Writes a scenario as YAML, with a schema comment for editors. */
export function scenarioToYaml(
  s: ScenarioInput,
  schemaRef = '../schema/scenario.schema.json',
): string {
  return `# yaml-language-server: $schema=${schemaRef}\n${stringify(s, { lineWidth: 0 })}`;
}
