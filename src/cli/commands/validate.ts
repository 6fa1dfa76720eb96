/** `entente validate`: every problem of scenario files (options: program/validate.ts). */
import { evidenceCoverage } from '../../core/coverage.ts';
import { InputError, type Problem, formatProblem } from '../../core/errors.ts';
import { readScenarioText } from '../../formats/scenario-file.ts';
import { io } from '../io.ts';
import { applyProcessOverlay, readTextFile } from '../load.ts';

export function validateCommand(files: string[], flags: { json?: boolean }): void {
  const report: {
    file: string;
    ok: boolean;
    problems: Problem[];
    /** Allowed but worth saying (values outside their evidence range); present when any. */
    warnings?: Problem[];
    numbers?: number;
    withEvidence?: number;
    unverified?: number;
  }[] = [];
  for (const file of files) {
    try {
      const text = readTextFile(file);
      // With --variant, --set or --overlay: the scenario as changed, validated again.
      const read = readScenarioText(text, file);
      const s = applyProcessOverlay(read.scenario, text, file).scenario;
      const c = evidenceCoverage(s);
      report.push({
        file,
        ok: true,
        problems: [],
        ...(read.warnings.length ? { warnings: read.warnings } : {}),
        numbers: c.numbers,
        withEvidence: c.withEvidence,
        unverified: c.unverified.length,
      });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      report.push({ file, ok: false, problems: [...err.problems] });
    }
  }
  if (flags.json) io.json(report);
  else {
    for (const r of report) {
      for (const w of r.warnings ?? []) io.err(`warning: ${formatProblem(w)}`);
      if (r.ok) {
        io.out(
          `${r.file}: ok (${r.withEvidence} of ${r.numbers} numbers cite evidence; ${r.unverified} unverified)`,
        );
      }
    }
  }
  const problems = report.flatMap((r) => r.problems);
  if (problems.length) {
    if (flags.json) process.exitCode = 1;
    else throw new InputError(problems);
  }
}
