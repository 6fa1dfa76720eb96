/** `entente report`: a self-contained HTML/MD/PDF report of a scenario (options: program/report.ts). */
import { writeFileSync } from 'node:fs';
import { InputError } from '../../core/errors.ts';
import { reportAnalysis } from '../../report/scenario-report/assemble.ts';
import { ChromiumMissingError } from '../../report/scenario-report/print-pdf.ts';
import { type ReportFormat, renderReport } from '../../report/scenario-report/render.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';
import { splitList } from '../program/options.ts';
import { INTERRUPTED_EXIT_CODE } from '../progress.ts';
import { executorFor, inlineByDefault, runAnalysisJob } from './jobs.ts';
import { resolveModelRuns } from './model-runs.ts';

export interface ReportFlags {
  format: ReportFormat;
  out?: string;
  seed: number;
  runs: number;
  tornado?: boolean;
  target?: string;
  variants: string[];
  model: string[];
  option: string[];
  [perModelOption: string]: unknown;
}

export async function reportCommand(ref: string | undefined, flags: ReportFlags): Promise<void> {
  const { scenario } = loadScenario(ref);
  const picked = (flags.variants ?? []).flatMap(splitList);
  const variants = picked.length === 0 ? undefined : picked.includes('none') ? [] : picked;
  const analysis = reportAnalysis(scenario, {
    models: resolveModelRuns(flags, scenario.actors.length),
    seed: flags.seed,
    monteCarloRuns: flags.runs,
    ...(flags.tornado ? { tornado: true } : {}),
    ...(flags.target !== undefined ? { leversTarget: flags.target } : {}),
    ...(variants !== undefined ? { variants, variantsPath: '--variants' } : {}),
    generatedAt: new Date().toISOString(),
  });
  // Inline unless ENTENTE_EXECUTOR names an executor; Ctrl-C stops it, and nothing is written.
  const executor = executorFor(inlineByDefault({}), Number.POSITIVE_INFINITY);
  const { result: report, partial } = await runAnalysisJob(executor, analysis, {
    label: 'report',
    progress: undefined,
  });
  if (partial) {
    io.err('report interrupted: nothing written');
    process.exitCode = INTERRUPTED_EXIT_CODE;
    return;
  }
  let body: string | Uint8Array;
  try {
    body = await renderReport(report, flags.format);
  } catch (err) {
    if (err instanceof ChromiumMissingError)
      throw new InputError({ path: '--format pdf', message: err.message });
    throw err;
  }
  const out = flags.out ?? (flags.format === 'pdf' ? `${scenario.id}.pdf` : undefined);
  if (typeof body === 'string' && (out === undefined || out === '-')) {
    io.out(body);
    return;
  }
  try {
    writeFileSync(out!, body);
  } catch (err) {
    throw new InputError({
      file: out!,
      path: '--out',
      message: `cannot be written (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    });
  }
  io.err(`wrote ${out}`);
}
