/** `entente import csv|ktab`: other formats to an Entente scenario (options: program/import.ts). */
import { basename, extname } from 'node:path';
import { actorCsvToScenario } from '../../formats/actor-csv.ts';
import { ktabToScenario, parseKtabCsv, parseKtabXml } from '../../formats/ktab/index.ts';
import { parseScenarioText, scenarioToYaml } from '../../formats/scenario-file.ts';
import { io } from '../io.ts';
import { readTextFile } from '../load.ts';

export interface ImportCsvFlags {
  out?: string;
  id?: string;
  title?: string;
  issueId: string;
  issueName?: string;
  scale?: { min: number; max: number };
  salienceScale?: 1 | 100;
}

function defaultId(file: string): string {
  return (
    basename(file, extname(file))
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '') || 'imported'
  );
}

/** Today's date (UTC, ISO): an imported scenario's `asOf` until the analyst sets it. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Re-reads what an importer produced, so an import never writes a scenario Entente would reject. */
function checkedYaml(yamlText: string, file: string): string {
  parseScenarioText(yamlText, `${file} (converted)`);
  return yamlText;
}

export function importCsvCommand(file: string, flags: ImportCsvFlags): void {
  const scenario = actorCsvToScenario(readTextFile(file), file, {
    id: flags.id ?? defaultId(file),
    asOf: today(),
    issueId: flags.issueId,
    ...(flags.title ? { title: flags.title } : {}),
    ...(flags.issueName ? { issueName: flags.issueName } : {}),
    ...(flags.scale ? { scale: flags.scale } : {}),
    ...(flags.salienceScale ? { salienceScale: flags.salienceScale } : {}),
  });
  io.write(flags.out, checkedYaml(scenarioToYaml(scenario), file));
}

export function importKtabCommand(file: string, flags: { out?: string; id?: string }): void {
  const text = readTextFile(file);
  const isXml = extname(file).toLowerCase() === '.xml' || text.trimStart().startsWith('<');
  const data = isXml ? parseKtabXml(text, file) : parseKtabCsv(text, file);
  const scenario = ktabToScenario(data, { id: flags.id ?? defaultId(file), asOf: today(), file });
  let yamlText = checkedYaml(scenarioToYaml(scenario), file);
  const params = Object.entries(data.parameters ?? {});
  if (params.length) {
    const flagsText = params.map(([k, v]) => `--smp-option ${k}=${String(v)}`).join(' ');
    yamlText = `# KTAB model parameters of ${file}: entente forecast FILE --model smp ${flagsText}\n${yamlText}`;
  }
  io.write(flags.out, yamlText);
}
