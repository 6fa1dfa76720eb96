import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CompareResult, compareScenarios } from '../analysis/compare.ts';
import { compareInputs } from '../analysis/compare-inputs.ts';
import { parseScenarioText } from '../formats/scenario-file.ts';
import { getModel } from '../models/registry.ts';
import { compareRows, headlineDiff, inputChangeRows, inputValueText } from './compare-rows.ts';

const BUILTIN = parseScenarioText(
  readFileSync(join(import.meta.dirname, '../../scenarios/east-asia-coalition-2025.yaml'), 'utf8'),
);
const models = ['mean', 'median'].map((id) => ({
  model: getModel(id),
  options: { ...getModel(id).defaults },
}));
const RESULT = compareScenarios(
  compareInputs(BUILTIN, { variants: ['usfk-drawdown', 'us-credibility-shock'] }),
  { models, seed: 7, draws: 0, commitmentDraws: 50 },
);
const row = (r: CompareResult, label: string) => compareRows(r).find((x) => x.label === label)!;

describe('compareRows(result)', () => {
  it('shows each number at the CLI’s precision, marks it changed when its Δ shows there', () => {
    const issue = RESULT.issues[0]!;
    const mean = row(RESULT, `${getModel('mean').name}: forecast`);
    expect(mean.group).toContain(issue.name);
    RESULT.columns.forEach((c, i) => {
      const v = c.issues[issue.id]!.forecasts.mean!;
      expect(mean.cells[i]!.text).toBe(v.toFixed(1));
      if (i === 0) return expect(mean.cells[0]!.delta).toBeNull();
      const d = c.diff!.issues[issue.id]!.forecasts.mean!;
      const shows = Math.abs(d) >= 0.05;
      expect(mean.cells[i]!.changed).toBe(shows);
      expect(mean.cells[i]!.delta).toBe(
        shows ? `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)}` : '',
      );
    });
    // The drawdown moves the US salience on the issue: the mean forecast changes there.
    expect(mean.cells[1]!.changed).toBe(true);
    const cred = row(RESULT, 'Credibility of the lead');
    expect(cred.cells.map((c) => c.changed)).toEqual([false, false, true]);
    expect(cred.cells[2]!.text).toBe(RESULT.columns[2]!.commitment!.credibility.toFixed(2));
  });

  it('counts the models reaching the threshold, as the forecasts’ verdicts do', () => {
    const issue = RESULT.issues[0]!;
    const reach = row(RESULT, `Models reaching ${issue.threshold.value}`);
    const counts = RESULT.columns.map(
      (c) => Object.values(c.issues[issue.id]!.meets).filter(Boolean).length,
    );
    expect(reach.cells.map((c) => c.text)).toEqual(counts.map((n) => `${n} of 2`));
    // The drawdown takes the mean below 75 (the median stays above): one model fewer.
    expect(counts[1]).toBe(counts[0]! - 1);
    expect(reach.cells[1]).toEqual({ text: `${counts[1]} of 2`, delta: '−1', changed: true });
  });

  it('says what a level was and who joined or left', () => {
    const japan = RESULT.candidates[0]!;
    const altered: CompareResult = {
      ...RESULT,
      columns: RESULT.columns.map((c, i) =>
        i !== 1
          ? c
          : {
              ...c,
              commitment: {
                ...c.commitment!,
                members: [japan.id],
                candidates: {
                  ...c.commitment!.candidates,
                  [japan.id]: { ...c.commitment!.candidates[japan.id]!, level: 'joint-ops' },
                },
              },
              diff: { ...c.diff!, levelChanges: [japan.id], joined: [japan.id] },
            },
      ),
    };
    const level = row(altered, `${japan.name}: level`);
    expect(level.cells[1]).toEqual({
      text: 'joint-ops',
      delta: `was ${RESULT.columns[0]!.commitment!.candidates[japan.id]!.level}`,
      changed: true,
    });
    expect(level.cells[2]!.changed).toBe(false);
    const members = row(altered, 'Members (at or above the join level)');
    expect(members.cells[1]).toEqual({ text: japan.id, delta: `+${japan.id}`, changed: true });
  });

  it('has P(commits) rows only with draws of the commitment terms', () => {
    const none = compareScenarios(compareInputs(BUILTIN, { variants: ['usfk-drawdown'] }), {
      models,
      seed: 7,
      draws: 0,
      commitmentDraws: 0,
    });
    expect(compareRows(none).some((r) => r.label.endsWith('P(commits)'))).toBe(false);
    expect(compareRows(RESULT).some((r) => r.label.endsWith('P(commits)'))).toBe(true);
  });
});

describe('headlineDiff and inputChangeRows', () => {
  it('marks the headline lines the base does not say', () => {
    const h = headlineDiff(RESULT);
    expect(h[0]!.lines.every((l) => !l.changed)).toBe(true);
    const base = new Set(RESULT.columns[0]!.headline);
    for (const col of h.slice(1))
      for (const l of col.lines) expect(l.changed).toBe(!base.has(l.text));
  });

  it('lists every changed input: path, base → variant with ranges, rationale and evidence', () => {
    const rows = inputChangeRows(RESULT.columns[1]!);
    const change = RESULT.columns[1]!.changes[0]!;
    expect(rows[0]!.path).toBe(change.fields![0]!.path);
    expect(rows[0]!.base).toBe(inputValueText(change.fields![0]!.base));
    expect(rows[0]!.note).toBe(change.note);
    expect(rows[0]!.evidence).toEqual(change.evidence);
    expect(inputValueText({ value: 0.34299, low: 0.1, high: 0.53 })).toBe('0.343 (0.1–0.53)');
    expect(inputValueText(null)).toBe('absent');
  });
});
