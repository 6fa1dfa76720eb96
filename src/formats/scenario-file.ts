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
import { aliasProblems } from './yaml-aliases.ts';
import { checkVariants } from './variants.ts';

/** Maps a field path to its place in the file; the default knows no places. */
type Locate = (
  path: readonly (string | number)[],
  preferKey?: boolean,
) => Omit<Problem, 'path' | 'message'>;
const NOWHERE: Locate = () => ({});

function zodProblems(error: ZodError, locate: Locate): Problem[] {
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
  const at = file === undefined ? {} : { file };
  // UTF-16 read as UTF-8 (or sent as such) shows up as a NUL between every ASCII character.
  if (text.includes('\u0000')) {
    throw new InputError({
      ...at,
      path: '',
      message:
        'the text contains NUL characters: is it UTF-16? Save it as UTF-8 (files starting with a UTF-16 byte-order mark are read as UTF-16)',
    });
  }
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
  const aliases = aliasProblems(doc);
  if (aliases.length > 0) {
    throw new InputError(
      aliases.map((p) => {
        const pos = lines.linePos(p.offset);
        return { ...at, line: pos.line, column: pos.col, path: '', message: p.message };
      }),
    );
  }
  let raw: unknown;
  try {
    // aliasProblems bounded the expansion, so the library's own alias count is not needed.
    raw = doc.toJS({ maxAliasCount: -1 });
  } catch (err) {
    // Not expected after the checks above; a YAML construct the checks miss is still the
    // file's problem, not a crash.
    throw new InputError({ ...at, path: '', message: `not valid YAML/JSON: ${String(err)}` });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError({
      ...at,
      path: '',
      message: 'expected a scenario: a mapping with id, title, issues, actors…',
    });
  }
  const checked = validateScenarioObject(raw, locate);
  if (!checked.ok) throw new InputError(checked.problems);
  return checked.scenario;
}

export type CheckedScenario = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/**
 * Validates an already-parsed scenario object (e.g. the workbench editor's state) with the same
 * schema, cross-field rules and messages as files; `locate` adds line and column when known.
 */
export function validateScenarioObject(raw: unknown, locate: Locate = NOWHERE): CheckedScenario {
  // reportInput lets a wrong-typed field say what it got instead of "missing".
  const parsed = Scenario.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, locate) };
  const problems = validateScenario(parsed.data);
  if (problems.length > 0) {
    return {
      ok: false,
      problems: problems.map((p) => ({
        ...locate(p.path),
        path: formatPath(p.path),
        message: p.message,
      })),
    };
  }
  // Each variant applied and validated again: a broken variant is a problem of the file.
  const variantProblems = checkVariants(parsed.data, locate);
  if (variantProblems.length > 0) return { ok: false, problems: variantProblems };
  return { ok: true, scenario: parsed.data };
}

/** Writes a scenario as YAML, with a schema comment for editors. */
export function scenarioToYaml(
  s: ScenarioInput,
  schemaRef = '../schema/scenario.schema.json',
): string {
  return `# yaml-language-server: $schema=${schemaRef}\n${stringify(s, { lineWidth: 0 })}`;
}
