/**
 * End-to-end: the real `entente` binary on good and broken files. Each broken file gets its
 * precise message and exit code 1; nothing prints a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, entente, expectNoStack, fixture } from './support/cli.ts';

describe('entente forecast', () => {
  it('prints each model’s forecast, the threshold verdict and the actors for a scenario file', () => {
    const r = entente('forecast', fixture('good.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Issue budget: Budget (scale 0–100)');
    expect(r.out).toContain('Threshold: 60 = a generous budget');
    expect(r.out).toMatch(/Weighted mean \(compromise model\)\s+\d+\.\d/);
    expect(r.out).toMatch(/Weighted median\s+\d+\.\d/);
    expect(r.out).toMatch(/(yes|no) \([+−]\d+\.\d\)/);
    expect(r.out).toContain('Evidence: 2 of 14 input numbers cite evidence.');
    expect(r.out).toContain('Rest on UNVERIFIED indicators (1): south.deadline.salience');
  });

  it('carries the scenario hash, model options, seed and version in --json', () => {
    const r = entente(
      'forecast',
      fixture('good.yaml'),
      '--json',
      '--model',
      'mean,nash',
      '--option',
      'nash.exponent=1.5',
      '--seed',
      '99',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      entente: string;
      kind: string;
      seed: number;
      scenario: { id: string; hash: string };
      models: { id: string; options: Record<string, unknown> }[];
      issues: {
        id: string;
        forecasts: Record<string, number>;
        verdicts: Record<string, { meets: boolean }>;
        actors: unknown[];
      }[];
    };
    expect(json.kind).toBe('forecast');
    expect(json.entente).toMatch(/^\d+\.\d+\.\d+/);
    expect(json.seed).toBe(99);
    expect(json.scenario).toMatchObject({ id: 'fixture-good' });
    expect(json.scenario.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(json.models.map((m) => m.id)).toEqual(['mean', 'nash']);
    expect(json.models[1]!.options).toMatchObject({ exponent: 1.5 });
    expect(json.issues.map((i) => i.id)).toEqual(['budget', 'deadline']);
    const budget = json.issues[0]!;
    expect(Object.keys(budget.forecasts)).toEqual(['mean', 'nash']);
    expect(budget.verdicts.mean!.meets).toBe(budget.forecasts.mean! >= 60);
    expect(budget.actors).toHaveLength(3);
    expect(json.issues[1]!.actors).toHaveLength(2); // East has no stance on the deadline
  });

  it('gives the same hash for the same scenario in YAML and in JSON', () => {
    const yaml = JSON.parse(entente('forecast', fixture('good.yaml'), '--json').out) as {
      scenario: { hash: string };
    };
    const dir = mkdtempSync(join(tmpdir(), 'entente-'));
    const jsonFile = join(dir, 'good.json');
    const converted = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import {readFileSync, writeFileSync} from 'node:fs'; import {parseDocument} from 'yaml'; writeFileSync(${JSON.stringify(jsonFile)}, JSON.stringify(parseDocument(readFileSync(${JSON.stringify(fixture('good.yaml'))}, 'utf8')).toJS()))`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(converted.status).toBe(0);
    const json = JSON.parse(entente('forecast', jsonFile, '--json').out) as {
      scenario: { hash: string };
    };
    expect(json.scenario.hash).toBe(yaml.scenario.hash);
  });

  it('restricts to one issue with --issue and rejects an unknown one', () => {
    const ok = JSON.parse(
      entente('forecast', fixture('good.yaml'), '--issue', 'deadline', '--json').out,
    ) as { issues: { id: string }[] };
    expect(ok.issues.map((i) => i.id)).toEqual(['deadline']);
    const bad = entente('forecast', fixture('good.yaml'), '--issue', 'nope');
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toBe('--issue: unknown issue "nope"; issues: budget, deadline');
  });

  it('rejects an unknown model and an unknown option with exit 1', () => {
    const model = entente('forecast', fixture('good.yaml'), '--model', 'oracle');
    expect(model.code).toBe(1);
    expect(model.err).toMatch(/^--model: unknown model "oracle"; models: mean, median, nash/);
    const opt = entente(
      'forecast',
      fixture('good.yaml'),
      '--model',
      'nash',
      '--option',
      'nash.speed=3',
    );
    expect(opt.code).toBe(1);
    expect(opt.err).toMatch(
      /--option speed: nash has no option "speed"; options: exponent, weight, useReference/,
    );
    const val = entente(
      'forecast',
      fixture('good.yaml'),
      '--model',
      'nash',
      '--nash-option',
      'exponent=0.5',
    );
    expect(val.code).toBe(1);
    expect(val.err).toMatch(/nash: "0.5" is not valid: expected a value in 1..8/);
  });

  it('reports a missing file by name', () => {
    const r = entente('forecast', 'no/such/file.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^no\/such\/file\.yaml: no such file, and no built-in scenario of that id/,
    );
  });

  it('runs the built-in East Asia scenario when no file is given', () => {
    const r = entente('forecast', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      scenario: { id: string };
      issues: { id: string; threshold: unknown }[];
    };
    expect(json.scenario.id).toBe('east-asia-coalition-2025');
    // The coalition issue is each ally's decision (bargaining: false): the commitment model
    // answers it in `coalition`; the bargaining models run on USFK flexibility only.
    expect(json.issues.map((i) => i.id)).toEqual(['usfk-flexibility']);
    expect((json as { coalition?: { kind: string } }).coalition?.kind).toBe('commitment');
  });

  it('refuses to bargain over an issue marked bargaining: false, naming the commitment model', () => {
    const r = entente('forecast', '--issue', 'coalition');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      '--issue: issue coalition is not bargained (bargaining: false): each coalition candidate decides it, so the commitment model answers it (entente commitment); bargained issues: usfk-flexibility',
    );
    expectNoStack(r.err);
  });
});

describe('entente forecast --model eum and entente dyads', () => {
  it('prints the EUM round table and the strongest dyads in words', () => {
    const r = entente('forecast', 'ec-car-emissions-1994', '--model', 'eum');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Round\s+Median\s+Mean/);
    // Scholz et al. (2011) Table 2: the round-1 median is 8.4 (truncated); see eum.published.test.ts.
    expect(r.out).toMatch(/\n\s+1\s+8\.4/);
    expect(r.out).toMatch(/Strongest dyads in round 1/);
    expect(r.out).toMatch(/\d\. \S.* (compels|wins a compromise from|confronts|and) /);
  });

  it('prints the full dyad table of a round, and every round in --json', () => {
    const r = entente('dyads', '--issue', 'usfk-flexibility', '--round', '2');
    expect(r.code).toBe(0);
    expect(r.out).toContain('issue usfk-flexibility, EUM round 2 of');
    expect(r.out).toContain("South Korea's government");
    const json = JSON.parse(entente('dyads', '--issue', 'usfk-flexibility', '--json').out) as {
      scenario: { hash: string };
      issue: { issueId: string; rounds: { dyads: { a: number; b: number; octant: string }[] }[] };
    };
    expect(json.issue.issueId).toBe('usfk-flexibility');
    expect(json.issue.rounds.length).toBeGreaterThan(0);
    // Washington and Seoul bargain over USFK: 2 × 1 ordered pairs per round
    expect(json.issue.rounds[0]!.dyads).toHaveLength(2);
    for (const d of json.issue.rounds[0]!.dyads) {
      expect(Number.isFinite(d.a) && Number.isFinite(d.b)).toBe(true);
      expect(d.octant).toMatch(/\w/);
    }
  });

  it('rejects an unknown issue or a round beyond the run', () => {
    const issue = entente('dyads', '--issue', 'trade');
    expect(issue.code).toBe(1);
    expect(issue.err.trim()).toBe(
      '--issue: unknown issue "trade"; issues: coalition, usfk-flexibility',
    );
    const round = entente('dyads', '--issue', 'usfk-flexibility', '--round', '99');
    expect(round.code).toBe(1);
    expect(round.err).toMatch(/round 99 is not in 1\.\.\d+/);
    expectNoStack(round.err);
  });
});

describe('entente validate', () => {
  it('accepts a good file and reports its evidence coverage', () => {
    const r = entente('validate', fixture('good.yaml'));
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(
      'test/fixtures/good.yaml: ok (2 of 14 numbers cite evidence; 1 unverified)',
    );
  });

  it('reports every problem of a broken file with file:line:column and exit 1', () => {
    const r = entente('validate', fixture('broken-salience.yaml'));
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      '2 problems:',
      'test/fixtures/broken-salience.yaml:8:91 actors[0].stances.x.salience: salience 120 is out of range: expected within 0..100',
      'test/fixtures/broken-salience.yaml:9:65 actors[1].stances.y: unknown issue id "y"; known issue ids: x',
    ]);
    expectNoStack(r.err);
  });

  it('reports a YAML syntax error at its position', () => {
    const r = entente('validate', fixture('broken-syntax.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^test\/fixtures\/broken-syntax\.yaml:\d+:\d+: not valid YAML\/JSON: /);
    expectNoStack(r.err);
  });

  it('prints a JSON report with --json and still exits 1 on problems', () => {
    const r = entente('validate', fixture('good.yaml'), fixture('broken-salience.yaml'), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as {
      file: string;
      ok: boolean;
      problems: { line: number; path: string }[];
    }[];
    expect(report.map((x) => x.ok)).toEqual([true, false]);
    expect(report[1]!.problems[0]).toMatchObject({ line: 8, path: 'actors[0].stances.x.salience' });
  });

  it('validates every built-in scenario', () => {
    const list = JSON.parse(entente('scenarios', '--json').out) as { id: string }[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    const files = list.map((s) =>
      ['yaml', 'yml', 'json']
        .map((e) => join('scenarios', `${s.id}.${e}`))
        .find((f) => existsSync(join(ROOT, f)))!,
    );
    const r = entente('validate', ...files);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('entente import csv', () => {
  it('converts an actor,capability,position,salience table to a scenario that validates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-'));
    const out = join(dir, 'actors.yaml');
    const r = entente(
      'import',
      'csv',
      fixture('actors.csv'),
      '--out',
      out,
      '--issue-name',
      'Tariff',
    );
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('name: Alpha, Inc.');
    expect(text).toContain('salience: 90'); // 0–1 saliences scaled to 0–100
    const f = JSON.parse(entente('forecast', out, '--json', '--model', 'mean').out) as {
      issues: { forecasts: { mean: number } }[];
    };
    // (3·0.9·20 + 2·0.5·80 + 1·0.2·50) / (2.7 + 1 + 0.2)
    expect(f.issues[0]!.forecasts.mean).toBeCloseTo((54 + 80 + 10) / 3.9, 10);
  });

  it('names the line, column and field of a bad number', () => {
    const r = entente('import', 'csv', fixture('actors-bad.csv'));
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      'test/fixtures/actors-bad.csv:2:9 position: "twenty" is not a number (actor Alpha)',
    );
  });
});

describe('entente import ktab / export ktab', () => {
  it('round-trips KTAB CSV: import → export → import gives the same actors and numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-'));
    const yaml1 = join(dir, 'a.yaml');
    const csv = join(dir, 'a.csv');
    const yaml2 = join(dir, 'b.yaml');
    // KTAB's own test input (KAPSARC KTAB, MIT licence), copied with the SMP's fixtures.
    expect(
      entente('import', 'ktab', 'src/models/smp/fixtures/dummyData_3Dim.csv', '--out', yaml1).code,
    ).toBe(0);
    expect(entente('export', 'ktab', yaml1, '--out', csv).code).toBe(0);
    expect(entente('import', 'ktab', csv, '--out', yaml2, '--id', 'a').code).toBe(0);
    type Actors = {
      issues: {
        actors: { name: string; capability: number; position: number; salience: number }[];
      }[];
    };
    const first = JSON.parse(entente('forecast', yaml1, '--json', '--model', 'mean').out) as Actors;
    const second = JSON.parse(
      entente('forecast', yaml2, '--json', '--model', 'mean').out,
    ) as Actors;
    expect(second.issues).toHaveLength(3);
    expect(second.issues.map((i) => i.actors)).toEqual(first.issues.map((i) => i.actors));
  });

  it('round-trips KTAB XML with model parameters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-'));
    const xml = join(dir, 'a.xml');
    expect(
      entente(
        'export',
        'ktab',
        'scenarios/ktab-soe-pol-comp.yaml',
        '--format',
        'xml',
        '--smp-option',
        'votingRule=Binary',
        '--out',
        xml,
      ).code,
    ).toBe(0);
    expect(readFileSync(xml, 'utf8')).toContain('<Scenario>');
    const r = entente('import', 'ktab', xml);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--smp-option votingRule=Binary/);
  });

  it('rejects a KTAB file with zero power by line and field', () => {
    const r = entente('import', 'ktab', fixture('ktab-zero-power.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^test\/fixtures\/ktab-zero-power\.csv:3:\d+ .*power/i);
    expectNoStack(r.err);
  });
});

describe('entente schema, scenarios, models, help', () => {
  it('prints the JSON Schema that is committed in schema/scenario.schema.json', () => {
    const r = entente('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(
      JSON.parse(readFileSync(join(ROOT, 'schema', 'scenario.schema.json'), 'utf8')),
    );
  });

  it('lists built-in scenarios, including the East Asia coalition', () => {
    const r = entente('scenarios');
    expect(r.code).toBe(0);
    expect(r.out).toContain('east-asia-coalition-2025');
  });

  it('lists models with their options', () => {
    const r = entente('models');
    expect(r.code).toBe(0);
    expect(r.out).toContain('nash.exponent=number 1..8 (default 2)');
  });

  it.each([
    'forecast',
    'validate',
    'scenarios',
    'models',
    'schema',
    'import csv',
    'import ktab',
    'export ktab',
  ])('has --help with examples: %s', (cmd) => {
    const r = entente(...cmd.split(' '), '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Examples:');
  });

  it('exits 1 with usage on an unknown command or option', () => {
    expect(entente('forcast').code).toBe(1);
    const r = entente('forecast', '--bogus');
    expect(r.code).toBe(1);
    expect(r.err).toContain("unknown option '--bogus'");
  });
});
