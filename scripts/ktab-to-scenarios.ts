/**
 * Regenerates the built-in scenarios converted from KTAB's SMP test inputs:
 *   node --import tsx scripts/ktab-to-scenarios.ts
 * Reads the copies in src/models/smp/fixtures/ (KAPSARC KTAB, MIT licence) and writes
 * scenarios/ktab-dummy-3dim.yaml and scenarios/ktab-soe-pol-comp.yaml, checking each parses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ktabToScenario, parseKtabCsv } from '../src/formats/ktab/index.ts';
import { parseScenarioText, scenarioToYaml } from '../src/formats/scenario-file.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KTAB_URL = 'https://github.com/KAPSARC/KTAB';

const builds = [
  {
    file: 'dummyData_3Dim.csv',
    out: 'ktab-dummy-3dim.yaml',
    id: 'ktab-dummy-3dim',
    title: 'KTAB test scenario: 7 random actors on 3 dimensions',
    question:
      'Where do seven random actors settle on three jointly bargained dimensions (KTAB’s dummyData_3Dim test input)?',
    asOf: '2016',
    note: 'dummyData_3Dim.csv: one of KTAB’s own SMP test inputs (random actors from KTAB’s generator). The scenario exists to check Entente’s SMP against KTAB; asOf is nominal.',
  },
  {
    file: 'SOE-Pol-Comp.csv',
    out: 'ktab-soe-pol-comp.yaml',
    id: 'ktab-soe-pol-comp',
    title: 'KTAB test scenario: China SOE policy and competitiveness (13 actors, 2 dimensions)',
    question:
      'Where do China’s leaders, ministries and provinces settle on state-owned-enterprise policy and on competition (KTAB’s SOE-Pol-Comp test input)?',
    asOf: '2014',
    note: 'SOE-Pol-Comp.csv: one of KTAB’s own SMP test inputs, a combined policy/competitiveness scenario on China’s state-owned enterprises in the style of Efird, Lester & Wise (2016), J. East Asian Studies. Used to check Entente’s SMP against KTAB.',
  },
];

for (const b of builds) {
  const path = join(root, 'src/models/smp/fixtures', b.file);
  const data = parseKtabCsv(readFileSync(path, 'utf8'), b.file);
  const scenario = ktabToScenario(data, {
    id: b.id,
    title: b.title,
    question: b.question,
    asOf: b.asOf,
    file: b.file,
    kind: 'faction',
    source: {
      id: 'ktab',
      title: `KTAB (KAPSARC Toolkit for Behavioral Analysis), SMP test input ${b.file}`,
      publisher: 'King Abdullah Petroleum Studies and Research Center (KAPSARC)',
      url: KTAB_URL,
      note: `${b.note} MIT licence.`,
    },
    notes: [
      `These are KTAB’s test inputs, converted by scripts/ktab-to-scenarios.ts from ${b.file}; KTAB’s own position history is in src/models/smp/fixtures/ and Entente’s SMP reproduces it.`,
      'Saliences sum to at most 100 per actor across issues, as KTAB requires; the SMP bargains all issues jointly.',
    ],
  });
  const yaml = scenarioToYaml(scenario);
  parseScenarioText(yaml, b.out);
  writeFileSync(join(root, 'scenarios', b.out), yaml);
  console.log(
    `wrote scenarios/${b.out} (${data.actors.length} actors × ${data.dimensions.length} issues)`,
  );
}
