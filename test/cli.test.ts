/**
 * End-to-end: the `entente` CLI on good and broken files. Each broken file gets its precise
 * message and exit code 1; nothing prints a stack trace. The CLI runs in this process (`main`,
 * output captured); the last block runs the real binary (bin/entente.js → dist/) in a child
 * process for what only a process shows: start-up, stdout/stderr and the exit status.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { VERSION } from '../src/version.ts';
import { ROOT, entente, ententeProcess, expectNoStack, fixture } from './support/cli.ts';

describe('entente forecast', () => {
  it('prints each model’s forecast, the threshold verdict and the actors for a scenario file', async () => {
    const r = await entente('forecast', fixture('good.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Issue budget: Budget (scale 0–100)');
    expect(r.out).toContain('Threshold: 60 = a generous budget');
    expect(r.out).toMatch(/Weighted mean \(compromise model\)\s+\d+\.\d/);
    expect(r.out).toMatch(/Weighted median\s+\d+\.\d/);
    expect(r.out).toMatch(/(yes|no) \([+−]\d+\.\d\)/);
    expect(r.out).toContain('Evidence: 2 of 14 input numbers cite evidence.');
    expect(r.out).toContain('Rest on UNVERIFIED indicators (1): south.deadline.salience');
  });

  it('carries the scenario hash, model options, seed and version in --json', async () => {
    const r = await entente(
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

  it('gives the same hash for the same scenario in YAML and in JSON', async () => {
    const yaml = JSON.parse((await entente('forecast', fixture('good.yaml'), '--json')).out) as {
      scenario: { hash: string };
    };
    const dir = mkdtempSync(join(tmpdir(), 'entente-'));
    const jsonFile = join(dir, 'good.json');
    writeFileSync(
      jsonFile,
      JSON.stringify(parseDocument(readFileSync(join(ROOT, fixture('good.yaml')), 'utf8')).toJS()),
    );
    const json = JSON.parse((await entente('forecast', jsonFile, '--json')).out) as {
      scenario: { hash: string };
    };
    expect(json.scenario.hash).toBe(yaml.scenario.hash);
  });

  it('restricts to one issue with --issue and rejects an unknown one', async () => {
    const ok = JSON.parse(
      (await entente('forecast', fixture('good.yaml'), '--issue', 'deadline', '--json')).out,
    ) as { issues: { id: string }[] };
    expect(ok.issues.map((i) => i.id)).toEqual(['deadline']);
    const bad = await entente('forecast', fixture('good.yaml'), '--issue', 'nope');
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toBe('--issue: unknown issue "nope"; issues: budget, deadline');
  });

  it('rejects an unknown model and an unknown option with exit 1', async () => {
    const model = await entente('forecast', fixture('good.yaml'), '--model', 'oracle');
    expect(model.code).toBe(1);
    expect(model.err).toMatch(/^--model: unknown model "oracle"; models: mean, median, nash/);
    const opt = await entente(
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
    const val = await entente(
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

  it('reports a missing file by name', async () => {
    const r = await entente('forecast', 'no/such/file.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^no\/such\/file\.yaml: no such file, and no built-in scenario of that id/,
    );
  });

  it('runs the built-in East Asia scenario when no file is given', async () => {
    const r = await entente('forecast', '--json');
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

  it('refuses to bargain over an issue marked bargaining: false, naming the commitment model', async () => {
    const r = await entente('forecast', '--issue', 'coalition');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      '--issue: issue coalition is not bargained (bargaining: false): each coalition candidate decides it, so the commitment model answers it (entente commitment); bargained issues: usfk-flexibility',
    );
    expectNoStack(r.err);
  });
});

describe('entente forecast --model eum and entente dyads', () => {
  it('prints the EUM round table and the strongest dyads in words', async () => {
    const r = await entente('forecast', 'ec-car-emissions-1994', '--model', 'eum');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Round\s+Median\s+Mean/);
    // Scholz et al. (2011) Table 2: the round-1 median is 8.4 (truncated); see eum.published.test.ts.
    expect(r.out).toMatch(/\n\s+1\s+8\.4/);
    expect(r.out).toMatch(/Strongest dyads in round 1/);
    expect(r.out).toMatch(/\d\. \S.* (compels|wins a compromise from|confronts|and) /);
  });

  it('prints the full dyad table of a round, and every round in --json', async () => {
    const r = await entente('dyads', '--issue', 'usfk-flexibility', '--round', '2');
    expect(r.code).toBe(0);
    expect(r.out).toContain('issue usfk-flexibility, EUM round 2 of');
    expect(r.out).toContain("South Korea's government");
    const json = JSON.parse(
      (await entente('dyads', '--issue', 'usfk-flexibility', '--json')).out,
    ) as {
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

  it('rejects an unknown issue or a round beyond the run', async () => {
    const issue = await entente('dyads', '--issue', 'trade');
    expect(issue.code).toBe(1);
    expect(issue.err.trim()).toBe(
      '--issue: unknown issue "trade"; issues: coalition, usfk-flexibility',
    );
    const round = await entente('dyads', '--issue', 'usfk-flexibility', '--round', '99');
    expect(round.code).toBe(1);
    expect(round.err).toMatch(/round 99 is not in 1\.\.\d+/);
    expectNoStack(round.err);
  });
});

describe('entente validate', () => {
  it('accepts a good file and reports its evidence coverage', async () => {
    const r = await entente('validate', fixture('good.yaml'));
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(
      'test/fixtures/good.yaml: ok (2 of 14 numbers cite evidence; 1 unverified)',
    );
  });

  it('reports every problem of a broken file with file:line:column and exit 1', async () => {
    const r = await entente('validate', fixture('broken-salience.yaml'));
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      '2 problems:',
      'test/fixtures/broken-salience.yaml:8:91 actors[0].stances.x.salience: salience 120 is out of range: expected within 0..100',
      'test/fixtures/broken-salience.yaml:9:65 actors[1].stances.y: unknown issue id "y"; known issue ids: x',
    ]);
    expectNoStack(r.err);
  });

  it('reports a YAML syntax error at its position', async () => {
    const r = await entente('validate', fixture('broken-syntax.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^test\/fixtures\/broken-syntax\.yaml:\d+:\d+: not valid YAML\/JSON: /);
    expectNoStack(r.err);
  });

  it('prints a JSON report with --json and still exits 1 on problems', async () => {
    const r = await entente(
      'validate',
      fixture('good.yaml'),
      fixture('broken-salience.yaml'),
      '--json',
    );
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as {
      file: string;
      ok: boolean;
      problems: { line: number; path: string }[];
    }[];
    expect(report.map((x) => x.ok)).toEqual([true, false]);
    expect(report[1]!.problems[0]).toMatchObject({ line: 8, path: 'actors[0].stances.x.salience' });
  });

  it('validates every built-in scenario', async () => {
    const list = JSON.parse((await entente('scenarios', '--json')).out) as { id: string }[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    const files = list.map((s) =>
      ['yaml', 'yml', 'json']
        .map((e) => join('scenarios', `${s.id}.${e}`))
        .find((f) => existsSync(join(ROOT, f)))!,
    );
    const r = await entente('validate', ...files);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('entente import csv', () => {
  it('converts an actor,capability,position,salience table to a scenario that validates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-'));
    const out = join(dir, 'actors.yaml');
    const r = await entente(
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
    const f = JSON.parse((await entente('forecast', out, '--json', '--model', 'mean')).out) as {
      issues: { forecasts: { mean: number } }[];
    };
    // (3·0.9·20 + 2·0.5·80 + 1·0.2·50) / (2.7 + 1 + 0.2)
    expect(f.issues[0]!.forecasts.mean).toBeCloseTo((54 + 80 + 10) / 3.9, 10);
  });

  it('names the line, column and field of a bad number', async () => {
    const r = await entente('import', 'csv', fixture('actors-bad.csv'));
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      'test/fixtures/actors-bad.csv:2:9 position: "twenty" is not a number (actor Alpha)',
    );
  });
});

describe('entente import ktab / export ktab', () => {
  it('round-trips KTAB CSV: import → export → import gives the same actors and numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-'));
    const yaml1 = join(dir, 'a.yaml');
    const csv = join(dir, 'a.csv');
    const yaml2 = join(dir, 'b.yaml');
    // KTAB's own test input (KAPSARC KTAB, MIT licence), copied with the SMP's fixtures.
    expect(
      (
        await entente(
          'import',
          'ktab',
          'src/models/smp/fixtures/dummyData_3Dim.csv',
          '--out',
          yaml1,
        )
      ).code,
    ).toBe(0);
    expect((await entente('export', 'ktab', yaml1, '--out', csv)).code).toBe(0);
    expect((await entente('import', 'ktab', csv, '--out', yaml2, '--id', 'a')).code).toBe(0);
    type Actors = {
      issues: {
        actors: { name: string; capability: number; position: number; salience: number }[];
      }[];
    };
    const first = JSON.parse(
      (await entente('forecast', yaml1, '--json', '--model', 'mean')).out,
    ) as Actors;
    const second = JSON.parse(
      (await entente('forecast', yaml2, '--json', '--model', 'mean')).out,
    ) as Actors;
    expect(second.issues).toHaveLength(3);
    expect(second.issues.map((i) => i.actors)).toEqual(first.issues.map((i) => i.actors));
  });

  it('round-trips KTAB XML with model parameters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-'));
    const xml = join(dir, 'a.xml');
    expect(
      (
        await entente(
          'export',
          'ktab',
          'scenarios/ktab-soe-pol-comp.yaml',
          '--format',
          'xml',
          '--smp-option',
          'votingRule=Binary',
          '--out',
          xml,
        )
      ).code,
    ).toBe(0);
    expect(readFileSync(xml, 'utf8')).toContain('<Scenario>');
    const r = await entente('import', 'ktab', xml);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--smp-option votingRule=Binary/);
  });

  it('rejects a KTAB file with zero power by line and field', async () => {
    const r = await entente('import', 'ktab', fixture('ktab-zero-power.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^test\/fixtures\/ktab-zero-power\.csv:3:\d+ .*power/i);
    expectNoStack(r.err);
  });
});

describe('entente schema, scenarios, models, help', () => {
  it('prints the JSON Schema that is committed in schema/scenario.schema.json', async () => {
    const r = await entente('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(
      JSON.parse(readFileSync(join(ROOT, 'schema', 'scenario.schema.json'), 'utf8')),
    );
  });

  it('lists built-in scenarios, including the East Asia coalition', async () => {
    const r = await entente('scenarios');
    expect(r.code).toBe(0);
    expect(r.out).toContain('east-asia-coalition-2025');
  });

  it('lists models with their options', async () => {
    const r = await entente('models');
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
  ])('has --help with examples: %s', async (cmd) => {
    const r = await entente(...cmd.split(' '), '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Examples:');
  });

  it('exits 1 with usage on an unknown command or option', async () => {
    expect((await entente('forcast')).code).toBe(1);
    const r = await entente('forecast', '--bogus');
    expect(r.code).toBe(1);
    expect(r.err).toContain("unknown option '--bogus'");
  });
});

describe('the real binary (a child process)', () => {
  it('prints its version', () => {
    const r = ententeProcess('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(VERSION);
    expect(r.err).toBe('');
  });

  it('forecasts the built-in scenario as text and as JSON', () => {
    const text = ententeProcess('forecast', fixture('good.yaml'), '--model', 'mean,median');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Issue budget: Budget (scale 0–100)');
    expect(text.out).toMatch(/Weighted median\s+\d+\.\d/);
    const json = ententeProcess('forecast', '--json');
    expect(json.code).toBe(0);
    expect(json.err).toBe('');
    const result = JSON.parse(json.out) as { kind: string; scenario: { id: string } };
    expect(result).toMatchObject({
      kind: 'forecast',
      scenario: { id: 'east-asia-coalition-2025' },
    });
  });

  it('exits 1 with the problems on stderr, and nothing on stdout, for a broken file', () => {
    const r = ententeProcess('validate', fixture('broken-salience.yaml'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')[0]).toBe('2 problems:');
    expectNoStack(r.err);
    expect(ententeProcess('forcast').code).toBe(1);
  });
});
