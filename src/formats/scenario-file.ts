/**
 * Scenario files: YAML or JSON text → a validated {@link Scenario}, or an {@link InputError}
 * listing every problem as `file:line:column path: message`. JSON is read by the YAML parser
 * (JSON is YAML), so both formats get the same locations.
 */
import { stringify } from 'yaml';
import type { ZodError } from 'zod';
import { InputError, type Problem } from '../core/errors.ts';
import { countProblems } from '../core/limits.ts';
import { formatPath } from '../core/path.ts';
import { Scenario, type ScenarioInput } from '../core/scenario.ts';
import { scenarioWarnings, validateScenario } from '../core/validate.ts';
import { type Locate, readYamlDocument } from './yaml-document.ts';
import { checkVariants } from './variants.ts';

/** The default `locate` knows no places. */
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
  return readScenarioText(text, file).scenario;
}

/** {@link parseScenarioText} with the warnings (file:line:column), for `entente validate`. */
export function readScenarioText(
  text: string,
  file?: string,
): { scenario: Scenario; warnings: Problem[] } {
  const at = file === undefined ? {} : { file };
  const { raw, locate } = readYamlDocument(text, file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError({
      ...at,
      path: '',
      message: 'expected a scenario: a mapping with id, title, issues, actors…',
    });
  }
  // Too many actors or issues: refused before the schema looks at every one (core/limits.ts).
  const over = countProblems(raw);
  if (over.length > 0) {
    throw new InputError(
      over.map((p) => ({ ...locate(p.path, true), path: formatPath(p.path), message: p.message })),
    );
  }
  const checked = validateScenarioObject(raw, locate);
  if (!checked.ok) throw new InputError(checked.problems);
  return { scenario: checked.scenario, warnings: checked.warnings };
}

/** `warnings`: allowed but worth saying (values outside their evidence range), never blocking. */
export type CheckedScenario =
  { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; problems: Problem[] };

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
  const warnings = scenarioWarnings(parsed.data).map((p) => ({
    ...locate(p.path),
    path: formatPath(p.path),
    message: p.message,
  }));
  return { ok: true, scenario: parsed.data, warnings };
}

/** Writes a scenario as YAML, with a schema comment for editors. */
export function scenarioToYaml(
  s: ScenarioInput,
  schemaRef = '../schema/scenario.schema.json',
): string {
  return `# yaml-language-server: $schema=${schemaRef}\n${stringify(s, { lineWidth: 0 })}`;
}
