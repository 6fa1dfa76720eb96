import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioInput } from '../../core/scenario.ts';
import { parseScenarioText, scenarioToYaml } from '../scenario-file.ts';
import { ktabToScenario } from './ktab-to-scenario.ts';
import { parseKtabCsv } from './parse-ktab-csv.ts';
import { parseKtabXml } from './parse-ktab-xml.ts';
import { scenarioToKtabCsv, scenarioToKtabData, scenarioToKtabXml } from './scenario-to-ktab.ts';

const FIXTURES = join(import.meta.dirname, '../../models/smp/fixtures');
const ROOT = join(import.meta.dirname, '../../..');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The numbers of a KTAB file, without the file places. */
const numbers = (d: ReturnType<typeof parseKtabCsv>) => ({
  name: d.name,
  description: d.description,
  dimensions: d.dimensions,
  actors: d.actors.map((a) => ({
    name: a.name,
    description: a.description,
    power: a.power,
    positions: a.positions,
    saliences: a.saliences,
  })),
});

describe.each(['dummyData_3Dim.csv', 'SOE-Pol-Comp.csv'])(
  'KTAB round trips on fixtures/%s (KAPSARC KTAB)',
  (file) => {
    const data = parseKtabCsv(read(file), file);
    const scenario = ktabToScenario(data, { id: 'ktab', asOf: '2016', file });

    it('converts to a valid scenario: issues on 0–100, capability from power with basis "KTAB power", saliences 0–100', () => {
      const s = parseScenarioText(scenarioToYaml(scenario), 'converted.yaml');
      expect(s.issues.map((i) => i.scale)).toEqual(
        data.dimensions.map(() => ({ min: 0, max: 100 })),
      );
      expect(s.actors[0]!.capability).toEqual({
        value: data.actors[0]!.power,
        basis: 'KTAB power',
      });
      const firstIssue = s.issues[0]!.id;
      expect(s.actors[0]!.stances[firstIssue]).toEqual({
        position: data.actors[0]!.positions[0],
        salience: data.actors[0]!.saliences[0],
      });
      expect(s.title).toBe(data.name);
      expect(s.question).toBe(data.description);
      // Every number cites the actor's row of the KTAB file.
      expect(s.evidence).toHaveLength(data.actors.length);
      expect(s.evidence[0]!.quote).toBe(read(file).split(/\r?\n/)[2]!.trim());
    });

    it('CSV → scenario → CSV keeps every name and number', () => {
      const again = parseKtabCsv(scenarioToKtabCsv(scenario), 'again.csv');
      expect(numbers(again)).toEqual(numbers(data));
    });

    it('CSV → scenario → XML → scenario gives the same scenario', () => {
      const xml = scenarioToKtabXml(scenario);
      const back = ktabToScenario(parseKtabXml(xml, 'again.xml'), {
        id: 'ktab',
        asOf: '2016',
        file,
      });
      const strip = (s: ScenarioInput) => ({ ...s, sources: undefined, evidence: undefined });
      expect(strip(back)).toEqual(strip(scenario));
    });
  },
);

describe('scenarioToKtabXml', () => {
  const data = parseKtabCsv(read('SOE-Pol-Comp.csv'));
  const scenario = ktabToScenario(data, { id: 'soe', asOf: '2014' });
  it('writes the SMP options as KTAB model parameters, defaults filled in, and the seed', () => {
    const xml = scenarioToKtabXml(
      scenario,
      { pce: 'MarkovUniform', votingRule: 'Prop' },
      { seed: '42' },
    );
    expect(xml).toContain('<ProbCondorcetElection>MarkovUniform</ProbCondorcetElection>');
    expect(xml).toContain('<VotingRule>Proportional</VotingRule>');
    expect(xml).toContain('<BargnModel>InitOnlyInterp</BargnModel>');
    const back = parseKtabXml(xml);
    expect(back.seed).toBe('42');
    expect(back.parameters).toEqual({
      victoryProb: 'Linear',
      pce: 'MarkovUniform',
      transition: 'Deterministic',
      votingRule: 'Prop',
      bigRAdjust: 'OneThird',
      bigRRange: 'Mid',
      thirdPartyCommit: 'SemiCommit',
      interVecBrgn: 'S2P2',
      bargainModel: 'InitOnlyInterp',
    });
  });
  it('escapes names that are not plain text', () => {
    const s = { ...scenario, title: 'A & B <test>' };
    expect(parseKtabXml(scenarioToKtabXml(s)).name).toBe('A & B <test>');
  });
});

describe('scenarioToKtabData, from any Entente scenario', () => {
  const base: ScenarioInput = {
    id: 's',
    title: 'T, with a comma',
    question: 'Q "quoted"?',
    asOf: '2025',
    issues: [
      { id: 'a', name: 'A', scale: { min: 0, max: 10 } },
      { id: 'b', name: 'B', scale: { min: -1, max: 1 } },
    ],
    actors: [
      {
        id: 'x',
        name: 'X',
        kind: 'state',
        capability: 3,
        stances: { a: { position: 2.5, salience: 80 }, b: { position: 0, salience: 60 } },
      },
      {
        id: 'y',
        name: 'Y',
        kind: 'state',
        capability: { value: 1, basis: 'guess' },
        stances: { a: { position: 10, salience: 30 } },
      },
    ],
  };
  it('maps positions to 0–100, fills absent stances with the midpoint at salience 0, scales salience sums over 100, and warns', () => {
    const warnings: string[] = [];
    const d = scenarioToKtabData(base, warnings);
    expect(d.actors[0]!.positions).toEqual([25, 50]);
    expect(d.actors[0]!.saliences.map((v) => +v.toFixed(10))).toEqual([
      57.1428571429, 42.8571428571,
    ]);
    expect(d.actors[1]!.positions).toEqual([100, 50]);
    expect(d.actors[1]!.saliences).toEqual([30, 0]);
    expect(warnings).toEqual([
      'actor "x": saliences sum to 140; scaled to sum to 100 as KTAB requires (the SMP\'s results are unchanged)',
      'actor "y" has no stance on b: written at the midpoint with salience 0',
    ]);
    const csv = scenarioToKtabCsv(base);
    expect(csv.split('\n')[0]).toBe('"T, with a comma","Q ""quoted""?",2,2');
    expect(parseKtabCsv(csv).name).toBe('T, with a comma');
  });
  it('refuses zero capability and all-zero saliences, which KTAB cannot run', () => {
    const bad: ScenarioInput = {
      ...base,
      actors: [
        { ...base.actors[0]!, capability: 0 },
        { ...base.actors[1]!, stances: { a: { position: 1, salience: 0 } } },
      ],
    };
    expect(() => scenarioToKtabData(bad)).toThrow(
      'actors[0].capability: actor "x" has capability 0; KTAB needs a positive power (zero power crashes KTAB)\nactors[1].stances: actor "y" has zero salience on every issue; KTAB needs a positive salience somewhere',
    );
  });
});

describe('built-in scenarios converted from KTAB’s test inputs', () => {
  it.each([
    ['ktab-dummy-3dim.yaml', 'dummyData_3Dim.csv'],
    ['ktab-soe-pol-comp.yaml', 'SOE-Pol-Comp.csv'],
  ])(
    'scenarios/%s parses, cites KTAB and holds the numbers of fixtures/%s',
    (yamlFile, csvFile) => {
      const s = parseScenarioText(
        readFileSync(join(ROOT, 'scenarios', yamlFile), 'utf8'),
        yamlFile,
      );
      expect(s.sources[0]).toMatchObject({ id: 'ktab', url: 'https://github.com/KAPSARC/KTAB' });
      expect(s.notes!.join(' ')).toMatch(/KTAB’s test inputs/);
      const data = parseKtabCsv(read(csvFile));
      expect(numbers(parseKtabCsv(scenarioToKtabCsv(Scenario.parse(s))))).toEqual({
        ...numbers(data),
        name: s.title,
        description: s.question,
      });
    },
  );
});
