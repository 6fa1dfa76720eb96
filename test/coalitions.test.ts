/**
 * End-to-end: `entente power`, `entente sides` and `entente coalitions` through the CLI (in process) — good
 * runs (human and --json) and bad input, each with its precise message and exit code 1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { coalitionTestScenario } from '../src/coalitions/test-scenario.ts';
import { type CliResult, entente, expectNoStack, fixture } from './support/cli.ts';

/** Writes a scenario to a temporary YAML file and returns its path. */
function scenarioFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-coalitions-'));
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, stringify(content));
  return file;
}

/** Expects exit 1 and exactly this message on stderr, without a stack trace. */
function expectUsageError(r: CliResult, message: string | RegExp) {
  expect(r.code).toBe(1);
  if (typeof message === 'string') expect(r.err.trim()).toBe(message);
  else expect(r.err.trim()).toMatch(message);
  expectNoStack(r.err);
}

describe('entente power', () => {
  it('prints the EEC Council’s textbook indices: Shapley–Shubik 7/30 ×3, 3/20 ×2, 0; Banzhaf 5/21 ×3, 1/7 ×2, 0', async () => {
    const r = await entente(
      'power',
      '--weights',
      '4,4,4,2,2,1',
      '--quota',
      '12',
      '--names',
      'FR,DE,IT,BE,NL,LU',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Weighted game [12; 4, 4, 4, 2, 2, 1]: 6 players, total weight 17.');
    expect(r.out).toMatch(/FR\s+4\s+0\.2333 \(7\/30\)\s+0\.2381 \(5\/21\)\s+0\.3125\s+10/);
    expect(r.out).toMatch(/NL\s+2\s+0\.1500 \(3\/20\)\s+0\.1429 \(1\/7\)\s+0\.1875\s+6/);
    expect(r.out).toMatch(/LU\s+1\s+0\.0000\s+0\.0000\s+0\.0000\s+0/);
  });

  it('gives exact fractions, swings and the game in --json', async () => {
    const r = await entente('power', '--weights', '4,4,4,2,2,1', '--quota', '12', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      kind: string;
      game: { quota: number; totalWeight: number; proper: boolean };
      players: {
        player: string;
        shapleyShubikExact: string;
        banzhafExact: string;
        swings: string;
      }[];
    };
    expect(json.kind).toBe('power');
    expect(json.game).toMatchObject({ quota: 12, totalWeight: 17, proper: true });
    expect(json.players.map((p) => p.shapleyShubikExact)).toEqual([
      '7/30',
      '7/30',
      '7/30',
      '3/20',
      '3/20',
      '0',
    ]);
    expect(json.players.map((p) => p.banzhafExact)).toEqual([
      '5/21',
      '5/21',
      '5/21',
      '1/7',
      '1/7',
      '0',
    ]);
    expect(json.players.map((p) => p.swings)).toEqual(['10', '10', '10', '6', '6', '0']);
    expect(json.players[0]!.player).toBe('1');
  });

  it('computes the game an issue induces (weights c·s, quota a fraction) for the built-in scenario', async () => {
    const r = await entente('power', '--issue', 'coalition', '--quota-fraction', '0.6', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      scenario: { id: string };
      issue: string;
      game: { quota: number; totalWeight: number; quotaFraction: number; resolution: number };
      players: { player: string; shapleyShubik: number; banzhaf: number }[];
    };
    expect(json.scenario.id).toBe('east-asia-coalition-2025');
    expect(json.issue).toBe('coalition');
    expect(json.game.quotaFraction).toBe(0.6);
    expect(json.game.quota).toBe(Math.floor(0.6 * json.game.totalWeight + 1e-9) + 1);
    expect(json.players).toHaveLength(12);
    expect(json.players.reduce((a, p) => a + p.shapleyShubik, 0)).toBeCloseTo(1, 12);
    const human = await entente('power', '--issue', 'coalition');
    expect(human.code).toBe(0);
    // The integer total is 10000 up to rounding (9999–10001 with the scenario's weights); the
    // default quota is a simple majority of it.
    const total = Number(/\(total (\d+), resolution 10000;/.exec(human.out)![1]);
    expect(Math.abs(total - 10000)).toBeLessThanOrEqual(json.players.length);
    expect(human.out).toContain(
      `Quota ${Math.floor(total / 2) + 1}: a coalition wins with more than 50.0% of the total weight.`,
    );
  });

  it('rejects bad weights and quotas with a precise message and exit 1', async () => {
    expectUsageError(
      await entente('power', '--weights', '4,x,1', '--quota', '3'),
      '--weights: "x" is not a non-negative integer',
    );
    expectUsageError(
      await entente('power', '--weights', '4,4,1'),
      '--quota: required with --weights',
    );
    expectUsageError(
      await entente('power', '--weights', '1,2', '--quota', '5'),
      '--quota: quota 5 is out of range: expected an integer within 1..3 (the total weight)',
    );
    expectUsageError(
      await entente('power', '--weights', '1,2', '--quota', '2.5'),
      '--quota: "2.5" is not valid: expected an integer',
    );
    expectUsageError(
      await entente('power', '--weights', '1,2', '--quota', '2', '--names', 'a'),
      '--names: expected 2 names (one per weight), got 1',
    );
  });

  it('rejects flags that do not fit the mode (explicit game or scenario) and bad scenario options', async () => {
    expectUsageError(
      await entente('power', fixture('good.yaml'), '--weights', '1,2', '--quota', '2'),
      '--weights: give either --weights or a scenario, not both',
    );
    expectUsageError(
      await entente('power', '--weights', '1,2', '--quota', '2', '--quota-fraction', '0.5'),
      '--quota-fraction: applies to a scenario, not to --weights (give --quota instead)',
    );
    expectUsageError(
      await entente('power', '--issue', 'nope'),
      '--issue: unknown issue "nope"; issues: coalition, usfk-flexibility',
    );
    expectUsageError(
      await entente('power', '--quota-fraction', '1.5'),
      '--quota-fraction: "1.5" is not valid: expected a number between 0 and 1 (exclusive)',
    );
    expectUsageError(
      await entente('power', fixture('good.yaml')),
      '--issue: required: the scenario has 2 issues and no coalition block; issues: budget, deadline',
    );
  });
});

describe('entente sides', () => {
  it('prints each third party’s choice between usa and china with its margin', async () => {
    const r = await entente('sides', '--issue', 'coalition', '--between', 'usa,china');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Choosing sides on issue coalition: usa (A) vs china (B)');
    expect(r.out).toMatch(/taiwan\s+90\.0\s+0\.680\s+\S+\s+\S+\s+joins usa\s+\d\.\d{4}/);
    // Stake −0.28: the built-in no longer adds an alliance value without evidence (issue 18).
    expect(r.out).toMatch(/north-korea\s+0\.0\s+-0\.280\s+\S+\s+\S+\s+joins china/);
    // The coalition's candidates are the commitment model's to decide, and the table says so.
    expect(r.out).toMatch(/korea-gov\s+30\.0\s+\S+\s+\S+\s+\S+\s+stays out \(commitment\)/);
    expect(r.out).not.toMatch(/^\s+usa\s/m);
  });

  it('gives probabilities over draws in --json, reproducible with a seed', async () => {
    const run = () => entente('sides', '--draws', '200', '--seed', '7', '--json');
    const a = await run();
    expect(a.code).toBe(0);
    const json = JSON.parse(a.out) as {
      kind: string;
      between: string[];
      draws: { draws: number; seed: number; ranged: number };
      actors: {
        actor: string;
        choice: string;
        probabilities: { A: number; B: number; out: number };
      }[];
    };
    expect(json.kind).toBe('sides');
    expect(json.between).toEqual(['usa', 'china']);
    expect(json.draws).toMatchObject({ draws: 200, seed: 7 });
    expect(json.draws.ranged).toBeGreaterThan(20);
    for (const x of json.actors) {
      expect(x.probabilities.A + x.probabilities.B + x.probabilities.out).toBeCloseTo(1, 12);
    }
    expect(json.actors.find((x) => x.actor === 'taiwan')!.probabilities.A).toBe(1);
    expect((await run()).out).toBe(a.out);
  });

  it('works on any scenario given two actors', async () => {
    const file = scenarioFile({ ...coalitionTestScenario(), coalition: undefined });
    const r = await entente('sides', file, '--between', 'L,R', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { actors: { actor: string; choice: string }[] };
    expect(json.actors.map((x) => x.actor)).toEqual(['near', 'P', 'far', 'B']);
    expect(json.actors.find((x) => x.actor === 'near')!.choice).toBe('A');
  });

  it('rejects bad sides with a precise message and exit 1', async () => {
    expectUsageError(
      await entente('sides', '--between', 'usa'),
      '--between: expected two actor ids separated by a comma, got "usa"',
    );
    expectUsageError(
      await entente('sides', '--between', 'usa,atlantis'),
      /^--between: unknown actor "atlantis"; actors: usa, china, /,
    );
    expectUsageError(
      await entente('sides', '--between', 'usa,usa'),
      '--between: expected two different actors, got "usa" twice',
    );
    expectUsageError(
      await entente(
        'sides',
        fixture('good.yaml'),
        '--issue',
        'deadline',
        '--between',
        'north,east',
      ),
      '--between: actor "east" has no stance on issue "deadline"',
    );
    expectUsageError(
      await entente('sides', fixture('good.yaml'), '--issue', 'budget'),
      '--between: required: the scenario has no coalition block; give two actor ids, e.g. --between usa,china',
    );
    const draws = await entente('sides', '--draws', '-3');
    expect(draws.code).toBe(1);
    expect(draws.err).toMatch(/--draws <n>.*expected a positive integer/);
  });
});

describe('entente coalitions', () => {
  it('prints blocs per round and the stability of the East Asia coalition question', async () => {
    const r = await entente('coalitions');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Blocs on issue coalition along the EUM');
    expect(r.out).toMatch(/Start\s+positions\s+\{/);
    expect(r.out).toMatch(/Round 10 positions/);
    expect(r.out).toMatch(/compromise\s+\{/);
    expect(r.out).toContain(
      'Coalitions of usa with japan-gov, korea-gov, philippines, australia-gov against china on issue coalition',
    );
    expect(r.out).toMatch(
      /16 coalitions: \d+ individually rational, \d+ Nash stable, \d+ core stable\./,
    );
    // Who joins is the commitment model's answer; the stability table is labelled as not that.
    expect(r.out).toMatch(
      /Who joins \(the commitment model, `entente commitment`\): nobody at joint-ops or above/,
    );
    expect(r.out).toMatch(
      /Most stable under these payoffs \(not who joins[^)]*\): usa( \+ [a-z-]+)*/,
    );
    expect(r.out).toMatch(/Welfare-maximising structure: \{usa/);
  });

  it('gives blocs, every coalition and the draws in --json', async () => {
    const r = await entente('coalitions', '--draws', '100', '--seed', '3', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      kind: string;
      seed: number;
      blocs: {
        issue: string;
        rounds: number;
        rows: { round: number; positionBlocs: string[][]; communities: string[][] | null }[];
      };
      question: {
        candidates: string[];
        stability: {
          coalitions: { members: string[]; nashStable: boolean }[];
          predicted: { members: string[] };
        };
        structure: { blocs: string[][] };
        draws: {
          draws: number;
          joins: Record<string, { inPredicted: number; joinsLeadSide: number }>;
        };
      };
    };
    expect(json.kind).toBe('coalitions');
    expect(json.seed).toBe(3);
    expect(json.blocs.rows).toHaveLength(json.blocs.rounds + 1);
    expect(json.blocs.rows[0]!.communities).toBeNull();
    expect(json.blocs.rows[0]!.positionBlocs.flat().sort()).toHaveLength(12);
    expect(json.question.stability.coalitions).toHaveLength(16);
    expect(json.question.structure.blocs.flat().sort()).toEqual([
      'australia-gov',
      'japan-gov',
      'korea-gov',
      'philippines',
      'usa',
    ]);
    expect(Object.keys(json.question.draws.joins)).toEqual(json.question.candidates);
  });

  it('groups blocs with a fixed k and works on a scenario without a coalition question', async () => {
    const r = await entente(
      'coalitions',
      'scenarios/ec-car-emissions-1994.yaml',
      '--k',
      '2',
      '--rounds',
      '3',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      blocs: { rows: { k: number; rule: string }[] };
      question: unknown;
    };
    expect(json.blocs.rows).toHaveLength(4);
    expect(json.blocs.rows.every((x) => x.k === 2 && x.rule === 'fixed')).toBe(true);
    expect(json.question).toBeNull();
  });

  it('rejects a bad issue or option with a precise message and exit 1', async () => {
    expectUsageError(
      await entente('coalitions', '--issue', 'nope'),
      '--issue: unknown issue "nope"; issues: coalition, usfk-flexibility',
    );
    const k = await entente('coalitions', '--k', '0');
    expect(k.code).toBe(1);
    expect(k.err).toMatch(/--k <n>.*expected a positive integer/);
    expectNoStack(k.err);
  });
});

describe('the coalition block in scenario files', () => {
  it('validates a good block and reports a broken one as file:line:column path: message', async () => {
    const good = await entente('validate', scenarioFile(coalitionTestScenario()));
    expect(good.code).toBe(0);
    const s = coalitionTestScenario();
    const bad = scenarioFile({
      ...s,
      coalition: { ...s.coalition, rival: 'atlantis', candidates: ['near', 'L'] },
    });
    const r = await entente('validate', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('2 problems:');
    expect(r.err).toMatch(
      /scenario\.yaml:\d+:\d+ coalition\.rival: unknown actor id "atlantis"; known actor ids: L, R, near, P, far, B/,
    );
    expect(r.err).toMatch(
      /scenario\.yaml:\d+:\d+ coalition\.candidates\[1\]: candidate "L" is the lead: expected another actor/,
    );
    expectNoStack(r.err);
  });
});
