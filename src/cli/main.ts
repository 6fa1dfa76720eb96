/**
 * The `entente` command line. Builds the commander program and maps errors to exit codes in one
 * place: 0 ok, 1 bad input or usage (a precise message, never a stack trace), 2 internal error.
 */
import { Command, CommanderError } from 'commander';
import { InputError, ModelError } from '../core/errors.ts';
import { VERSION } from '../version.ts';
import { registerCoalitions } from './commands/coalitions.ts';
import { registerBacktest } from './commands/backtest.ts';
import { registerForecast } from './commands/forecast.ts';
import { registerDyads } from './commands/dyads.ts';
import { registerEvidence } from './commands/evidence.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerLevers } from './commands/levers.ts';
import { registerModels } from './commands/models.ts';
import { registerReport } from './commands/report.ts';
import { registerPower } from './commands/power.ts';
import { registerScenarios } from './commands/scenarios.ts';
import { registerSensitivity } from './commands/sensitivity.ts';
import { registerSimulate } from './commands/simulate.ts';
import { registerSchema } from './commands/schema.ts';
import { registerServe } from './commands/serve.ts';
import { registerSides } from './commands/sides.ts';
import { registerValidate } from './commands/validate.ts';
import { registerWorker } from './commands/worker.ts';
import { io } from './io.ts';

export function buildProgram(): Command {
  const program = new Command('entente')
    .description(
      'Forecast how negotiations end and which coalitions form, from evidence-backed scenarios.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ entente forecast                      # the built-in East Asia coalition scenario
  $ entente scenarios                     # list built-in scenarios
  $ entente validate my-scenario.yaml     # every problem as file:line:column path: message
  $ entente models                        # models and their options`,
    );
  registerForecast(program);
  registerDyads(program);
  registerValidate(program);
  registerScenarios(program);
  registerModels(program);
  registerSchema(program);
  registerImport(program);
  registerExport(program);
  registerServe(program);
  registerReport(program);
  registerSimulate(program);
  registerSensitivity(program);
  registerLevers(program);
  registerBacktest(program);
  registerPower(program);
  registerSides(program);
  registerCoalitions(program);
  registerIngest(program);
  registerEvidence(program);
  registerWorker(program);
  program.commands.forEach(exitOverrideDeep);
  program.exitOverride();
  return program;
}

function exitOverrideDeep(cmd: Command): void {
  cmd.exitOverride();
  cmd.commands.forEach(exitOverrideDeep);
}

let stdoutGuarded = false;

/** Runs the CLI on `argv` (as process.argv) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`entente forecast | head`) is not an error. Once per process:
  // tests call main() many times in one process.
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
  try {
    await buildProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}

export function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // Commander has printed its message (or the help/version text) already.
    return err.exitCode === 0 ? 0 : 1;
  }
  if (err instanceof InputError) {
    io.err(
      err.problems.length > 1 ? `${err.problems.length} problems:\n${err.message}` : err.message,
    );
    return 1;
  }
  if (err instanceof ModelError) {
    io.err(`model error: ${err.message}`);
    return 1;
  }
  const detail =
    err instanceof Error
      ? process.env.ENTENTE_DEBUG
        ? (err.stack ?? err.message)
        : err.message
      : String(err);
  io.err(
    `internal error: ${detail}\nThis is a bug in Entente ${VERSION}; please report it (set ENTENTE_DEBUG=1 for the stack).`,
  );
  return 2;
}
