import type { Command } from 'commander';
import { basename, extname } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { actorCsvToScenario } from '../../formats/actor-csv.ts';
import { ktabToScenario, parseKtabCsv, parseKtabXml } from '../../formats/ktab/index.ts';
import { parseScenarioText, scenarioToYaml } from '../../formats/scenario-file.ts';
import { io } from '../io.ts';
import { readTextFile } from '../load.ts';

function parseScale(value: string): { min: number; max: number } {
  const [min, max] = value.split(/[,:]/).map(Number);
  if (
    min === undefined ||
    max === undefined ||
    !Number.isFinite(min) ||
    !Number.isFinite(max) ||
    !(min < max)
  ) {
    throw new InvalidArgumentError('expected MIN,MAX with MIN < MAX, e.g. 0,100');
  }
  return { min, max };
}

function defaultId(file: string): string {
  return (
    basename(file, extname(file))
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '') || 'imported'
  );
}

/** Re-reads what an importer produced, so an import never writes a scenario Entente would reject. */
function checkedYaml(yamlText: string, file: string): string {
  parseScenarioText(yamlText, `${file} (converted)`);
  return yamlText;
}

export function registerImport(program: Command): void {
  const cmd = program
    .command('import')
    .description('Convert other formats to an Entente scenario (YAML)');
  cmd
    .command('csv')
    .description('Convert an actor,capability,position,salience table (one issue) to a scenario')
    .argument('<file>', 'CSV with a header naming actor, capability, position, salience')
    .option('--out <file>', 'write the scenario here instead of stdout')
    .option('--id <id>', 'scenario id (default: from the file name)')
    .option('--title <text>', 'scenario title')
    .option('--issue-id <id>', 'issue id', 'issue')
    .option('--issue-name <text>', 'issue name')
    .option('--scale <min,max>', 'issue scale (default 0,100 when positions fit)', parseScale)
    .option(
      '--salience-scale <1|100>',
      'salience scale of the file (default: 1 when all ≤ 1)',
      (v) => {
        if (v !== '1' && v !== '100') throw new InvalidArgumentError('expected 1 or 100');
        return Number(v) as 1 | 100;
      },
    )
    .addHelpText(
      'after',
      `
Examples:
  $ entente import csv ../shared/data/bdm/iran2013_presidential_preana.csv --out iran.yaml
  $ entente import csv stakeholders.csv --scale 0,10 --issue-name "Years of delay"`,
    )
    .action(
      (
        file: string,
        flags: {
          out?: string;
          id?: string;
          title?: string;
          issueId: string;
          issueName?: string;
          scale?: { min: number; max: number };
          salienceScale?: 1 | 100;
        },
      ) => {
        const scenario = actorCsvToScenario(readTextFile(file), file, {
          id: flags.id ?? defaultId(file),
          issueId: flags.issueId,
          ...(flags.title ? { title: flags.title } : {}),
          ...(flags.issueName ? { issueName: flags.issueName } : {}),
          ...(flags.scale ? { scale: flags.scale } : {}),
          ...(flags.salienceScale ? { salienceScale: flags.salienceScale } : {}),
        });
        io.write(flags.out, checkedYaml(scenarioToYaml(scenario), file));
      },
    );
  cmd
    .command('ktab')
    .description(
      'Convert a KTAB scenario (CSV, or XML with model parameters) to an Entente scenario',
    )
    .argument('<file>', 'KTAB .csv (name,description,nActors,nDims; header; actor rows) or .xml')
    .option('--out <file>', 'write the scenario here instead of stdout')
    .option('--id <id>', 'scenario id (default: from the file name)')
    .addHelpText(
      'after',
      `
Examples:
  $ entente import ktab ../shared/data/ktab/dummyData_3Dim.csv --out dummy.yaml
  $ entente import ktab study.xml > study.yaml
  $ entente forecast dummy.yaml --model smp

XML model parameters are printed as a comment with the --smp-option flags that reproduce them.`,
    )
    .action((file: string, flags: { out?: string; id?: string }) => {
      const text = readTextFile(file);
      const isXml = extname(file).toLowerCase() === '.xml' || text.trimStart().startsWith('<');
      const data = isXml ? parseKtabXml(text, file) : parseKtabCsv(text, file);
      const scenario = ktabToScenario(data, { id: flags.id ?? defaultId(file), file });
      let yamlText = checkedYaml(scenarioToYaml(scenario), file);
      const params = Object.entries(data.parameters ?? {});
      if (params.length) {
        const flagsText = params.map(([k, v]) => `--smp-option ${k}=${String(v)}`).join(' ');
        yamlText = `# KTAB model parameters of ${file}: entente forecast FILE --model smp ${flagsText}\n${yamlText}`;
      }
      io.write(flags.out, yamlText);
    });
}
