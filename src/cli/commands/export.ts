/** `entente export ktab`: a scenario as KTAB CSV or XML (options: program/export.ts). */
import { scenarioToKtabCsv, scenarioToKtabXml } from '../../formats/ktab/index.ts';
import { smp } from '../../models/smp/smp.ts';
import { optionsFromText } from '../../models/options.ts';
import { io } from '../io.ts';
import { optionFlagPath, splitOptionPairs } from '../program/options.ts';
import { loadScenario } from '../load.ts';

export interface ExportKtabFlags {
  format: 'csv' | 'xml';
  smpOption: string[];
  out?: string;
}

export function exportKtabCommand(ref: string | undefined, flags: ExportKtabFlags): void {
  const { scenario } = loadScenario(ref);
  const warnings: string[] = [];
  const text =
    flags.format === 'xml'
      ? scenarioToKtabXml(
          scenario,
          optionsFromText(smp, splitOptionPairs(flags.smpOption), optionFlagPath),
          { warnings },
        )
      : scenarioToKtabCsv(scenario, warnings);
  for (const w of warnings) io.err(`note: ${w}`);
  io.write(flags.out, text);
}
