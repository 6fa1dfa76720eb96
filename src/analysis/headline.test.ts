import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../formats/scenario-file.ts';
import { defaultModelIds, getModel } from '../models/registry.ts';
import { runForecast } from './forecast.ts';
import { forecastHeadline, headlineLines } from './headline.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const load = (rel: string) => {
  const file = join(ROOT, rel);
  return parseScenarioText(readFileSync(file, 'utf8'), file);
};
const runs = defaultModelIds().map((id) => {
  const model = getModel(id);
  return { model, options: { ...model.defaults } };
});

describe('forecast headline', () => {
  const s = load('scenarios/east-asia-coalition-2025.yaml');
  const r = runForecast(s, runs, { seed: 7, coalitionDraws: 200 });
  const h = forecastHeadline(r);

  it('restates each issue’s spread and threshold count from the forecasts themselves', () => {
    expect(h.issues.map((i) => i.id)).toEqual(r.issues.map((i) => i.id));
    for (const [k, issue] of r.issues.entries()) {
      const values = Object.values(issue.forecasts);
      expect(h.issues[k]!.low).toBe(Math.min(...values));
      expect(h.issues[k]!.high).toBe(Math.max(...values));
      expect(h.issues[k]!.threshold!.meeting).toBe(
        Object.values(issue.verdicts).filter((v) => v.meets).length,
      );
      const kinds = r.diagnostics.filter((d) => d.issue === issue.id).map((d) => d.kind);
      expect([...h.issues[k]!.caveats].sort()).toEqual([...new Set(kinds)].sort());
    }
  });

  it('restates the coalition answer: members, P(any member), levels, nearest to joining first', () => {
    const c = r.coalition!;
    expect(h.coalition!.members).toEqual(c.selected.members);
    expect(h.coalition!.pAnyMember).toEqual({ p: c.monteCarlo!.atLeastMembers![1], draws: 200 });
    expect(h.coalition!.candidates.map((x) => x.level)).toEqual(c.candidates.map((x) => x.level));
    const gaps = h.coalition!.nearest.map((x) => x.gap);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    expect(h.coalition!.nearest.map((x) => x.id).sort()).toEqual(
      c.candidates
        .filter((x) => !x.commits)
        .map((x) => x.id)
        .sort(),
    );
  });

  it('says in words who joins and how many models reach each threshold', () => {
    const lines = headlineLines(h);
    expect(lines[0]).toMatch(
      /^Who joins: (no ally commits|.+ commit) to joint operations or above against China/,
    );
    // Actors by name, never by id: an id is the file's, the name the reader's.
    for (const x of h.coalition!.candidates) {
      expect(lines[0]).toContain(x.name);
      expect(lines[0]).not.toMatch(new RegExp(`\\b${x.id}\\b`));
    }
    expect(lines[1]).toMatch(/^Nearest to joining: .+ > .+ \(utility gaps to joint operations: /);
    const usfk = h.issues[0]!;
    expect(lines.at(-1)).toContain(`${usfk.threshold!.meeting} of ${usfk.models} models reach 75`);
  });

  it('a scenario without a coalition block has issue lines only', () => {
    const ec = load('scenarios/ec-car-emissions-1994.yaml');
    const hh = forecastHeadline(runForecast(ec, runs, { seed: 1 }));
    expect(hh.coalition).toBeNull();
    expect(headlineLines(hh)).toHaveLength(1);
  });
});
