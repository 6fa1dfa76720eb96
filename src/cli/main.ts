/**
 * The `entente` command line. Builds the commander program and maps errors to exit codes in one
 * place: 0 ok, 1 bad input or usage (a precise message, never a stack trace), 2 internal error.
 */
import { Command, CommanderError } from 'commander';
import { InputError, ModelError } from '../core/errors.ts';
import { currentLimits, limitsFromEnv, setLimits } from '../core/limits.ts';
import { VERSION } from '../version.ts';
import { type CliStreams, io, redirectIo } from './io.ts';
import { extractOverlayArgs, overlayUnused, setProcessOverlay } from './overlay.ts';
// Each program/ file defines one command (name, arguments, options, help) and imports only
// commander and small constants; its action imports the command's code from commands/ when it
// runs, so a command loads only what it uses (start-up is mostly tsx loading modules).
import { registerBacktest } from './program/backtest.ts';
import { registerCoalitions } from './program/coalitions.ts';
import { registerCommitment } from './program/commitment.ts';
import { registerCompare } from './program/compare.ts';
import { registerDyads } from './program/dyads.ts';
import { registerEvidence } from './program/evidence.ts';
import { registerExport } from './program/export.ts';
import { registerForecast } from './program/forecast.ts';
import { registerGlossary } from './program/glossary.ts';
import { registerImport } from './program/import.ts';
import { registerInbox } from './program/inbox.ts';
import { registerIngest } from './program/ingest.ts';
import { registerLevers } from './program/levers.ts';
import { registerModels } from './program/models.ts';
import { registerPower } from './program/power.ts';
import { registerReport } from './program/report.ts';
import { registerScenarios } from './program/scenarios.ts';
import { registerSchema } from './program/schema.ts';
import { registerSensitivity } from './program/sensitivity.ts';
import { registerServe } from './program/serve.ts';
import { registerSides } from './program/sides.ts';
import { registerSimulate } from './program/simulate.ts';
import { registerValidate } from './program/validate.ts';
import { registerWorker } from './program/worker.ts';

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
  $ entente models                        # models and their options
  $ entente compare                       # the built-in's variants side by side

Every command that reads a scenario also takes --variant NAME (one of the scenario's variants),
--set PATH=VALUE (repeatable; e.g. --set coalition.commitment.credibility=0.4; VALUE is JSON when it
parses, else text) and --overlay FILE (a YAML/JSON file of changes or variants); see
docs/scenario-format.md, "Variants".`,
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
  registerCommitment(program);
  registerCompare(program);
  registerIngest(program);
  registerInbox(program);
  registerEvidence(program);
  registerGlossary(program);
  registerWorker(program);
  program.commands.forEach(exitOverrideDeep);
  program.exitOverride();
  return program;
}

function exitOverrideDeep(cmd: Command): void {
  cmd.exitOverride();
  cmd.commands.forEach(exitOverrideDeep);
}

/** Commander's own output (help, version, usage errors) to `streams`, plain text, 80 columns. */
function outputDeep(cmd: Command, streams: CliStreams): void {
  cmd.configureOutput({
    writeOut: (text) => streams.stdout(text),
    writeErr: (text) => streams.stderr(text),
    getOutHelpWidth: () => 80,
    getErrHelpWidth: () => 80,
    getOutHasColors: () => false,
    getErrHasColors: () => false,
  });
  for (const sub of cmd.commands) outputDeep(sub, streams);
}

let stdoutGuarded = false;

/**
 * Runs the CLI on `argv` (as process.argv) and returns the exit code. With `streams`, everything
 * it prints goes there instead of the process's stdout and stderr (the tests run it in their own
 * process); either way the process's exit code is left as it was.
 */
export async function main(argv: readonly string[], streams?: CliStreams): Promise<number> {
  // A reader that stops early (`entente forecast | head`) is not an error. Once per process.
  if (!streams && !stdoutGuarded) {
    stdoutGuarded = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
  // Commands that finish with a non-zero code without throwing (validate --json, an interrupted
  // job) set process.exitCode; it is this run's code, and the caller decides what the process's is.
  const exitCodeBefore = process.exitCode;
  process.exitCode = undefined;
  const restoreIo = redirectIo(streams);
  // The limits of this invocation (ENTENTE_MAX_*; core/limits.ts), put back when it returns.
  const limitsBefore = currentLimits();
  try {
    setLimits(limitsFromEnv(process.env));
    // --variant, --set and --overlay apply to every scenario a command loads (cli/overlay.ts).
    const { argv: rest, overlay } = extractOverlayArgs(argv);
    setProcessOverlay(overlay);
    const program = buildProgram();
    if (streams) outputDeep(program, streams);
    await program.parseAsync(rest);
    if (overlayUnused())
      io.err('note: --variant, --set and --overlay were ignored: this command reads no scenario');
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  } finally {
    setProcessOverlay(null);
    setLimits(limitsBefore);
    restoreIo();
    process.exitCode = exitCodeBefore;
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
