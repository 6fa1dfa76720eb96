/**
 * Face validity of the built-in scenario, stated as an analyst's expectations (issue 15, "Done
 * when"). Each `it` says what an analyst expects and fails when the model stops doing it:
 *
 * - each pressure the source article names (trade dependence on China, doubts about US
 *   credibility, public opinion, fear of provoking North Korea, USFK flexibility) moves each
 *   candidate toward or away from committing in the direction docs/spec/commitment.md §2 states;
 * - at the evidence values Japan and Australia stand closer to committing than South Korea (the
 *   article's "more reluctant than any of America's allies");
 * - no trajectory jumps more than half the scale without a diagnostic saying so;
 * - no point forecast lies outside its own Monte Carlo band without a diagnostic.
 *
 * "Closer to committing" is the utility gap between the join level and the level chosen, at the
 * selected equilibrium (docs/spec/commitment.md §6): a continuous measure that moves with every
 * input even where P(commits) is 0 at every draw, so a pressure pushing the wrong way is seen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitmentAnswer } from '../src/coalitions/commitment/answer.ts';
import type { CommitmentResult } from '../src/coalitions/commitment/commitment-result.ts';
import type { Scenario } from '../src/core/scenario.ts';
import { parseScenarioText } from '../src/formats/scenario-file.ts';
import { ROOT, entente } from './support/cli.ts';

const FILE = join(ROOT, 'scenarios', 'east-asia-coalition-2025.yaml');
const BASE: Scenario = parseScenarioText(readFileSync(FILE, 'utf8'), FILE);
const CANDIDATES = BASE.coalition!.candidates;

type Measure = { value: number; low?: number; high?: number };

/** The scenario with one commitment input moved to `to` (a deep copy; the base is untouched). */
function withInput(path: (s: Scenario) => Measure, to: number): Scenario {
  const s = structuredClone(BASE);
  const m = path(s);
  m.value = to;
  if (m.low !== undefined && m.low > to) m.low = to;
  if (m.high !== undefined && m.high < to) m.high = to;
  return s;
}

/** U(join level) − U(chosen level) per candidate: how far each stands from joining. */
function pull(r: CommitmentResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of r.candidates) {
    const u = (level: string) => c.utilities.find((x) => x.level === level)!.utility;
    out[c.id] = u(r.joinLevel) - u(c.level);
  }
  return out;
}

const point = (s: Scenario) => commitmentAnswer(s, { seed: 20251212, draws: 0 })!;
const base = point(BASE);

const cand = (s: Scenario, id: string) => s.coalition!.commitment!.candidates[id]!;
const asMeasure = (m: unknown) => m as Measure;

/** Each article pressure: how to push it harder, and the direction it should move the pull. */
const PRESSURES: {
  name: string;
  input: (s: Scenario, id: string) => Measure;
  harder: 'up' | 'down';
  /** +1: a harder push brings the candidate closer to committing; −1: further away. */
  effect: 1 | -1;
}[] = [
  {
    name: 'trade dependence on China (share of exports to China)',
    input: (s, id) => asMeasure(cand(s, id).tradeExposure),
    harder: 'up',
    effect: -1,
  },
  {
    name: 'China’s expected coercion of a committed member',
    input: (s, id) => asMeasure(cand(s, id).coercion),
    harder: 'up',
    effect: -1,
  },
  {
    name: 'doubts about US credibility (credibility falls)',
    input: (s) => asMeasure(s.coalition!.commitment!.credibility),
    harder: 'down',
    effect: -1,
  },
  {
    name: 'public opinion against fighting (support falls)',
    input: (s, id) => asMeasure(cand(s, id).publicSupport),
    harder: 'down',
    effect: -1,
  },
  {
    name: 'a government more dependent on its public',
    input: (s, id) => asMeasure(cand(s, id).publicDependence),
    harder: 'up',
    effect: -1,
  },
  {
    name: 'fear of provoking North Korea / a threat at home (local threat rises)',
    input: (s, id) => asMeasure(cand(s, id).localThreat),
    harder: 'up',
    effect: -1,
  },
  {
    name: 'USFK flexibility: a US drawdown threat if the ally holds back (abandonment rises)',
    input: (s, id) => asMeasure(cand(s, id).abandonment),
    harder: 'up',
    effect: 1,
  },
];

describe('face validity of the built-in East Asia scenario (commitment model)', () => {
  for (const p of PRESSURES) {
    for (const id of CANDIDATES) {
      it(`${p.name} moves ${id} ${p.effect > 0 ? 'toward' : 'away from'} committing`, () => {
        const m = p.input(BASE, id);
        // Push to the end of the evidence range, or by a tenth of the unit scale where the point
        // sits at that end; clamp to [0, 1].
        const end = p.harder === 'up' ? (m.high ?? m.value) : (m.low ?? m.value);
        const step = end !== m.value ? end - m.value : p.harder === 'up' ? 0.1 : -0.1;
        const to = Math.min(1, Math.max(0, m.value + step));
        expect(to).not.toBe(m.value);
        const moved = point(withInput((s) => p.input(s, id), to));
        const before = pull(base)[id]!;
        const after = pull(moved)[id]!;
        expect(Math.sign(after - before)).toBe(p.effect);
      });
    }
  }

  it('at the evidence values Japan and Australia stand closer to committing than South Korea', () => {
    const g = pull(base);
    expect(g['japan-gov']).toBeGreaterThan(g['korea-gov']!);
    expect(g['australia-gov']).toBeGreaterThan(g['korea-gov']!);
  });

  it('with draws, no pressure pushed harder raises P(≥ each level) for a candidate it discourages', () => {
    const draws = (s: Scenario) => commitmentAnswer(s, { seed: 20251212, draws: 400 })!;
    const ref = draws(BASE);
    // The most-cited pressure on Seoul: trade dependence at the top of its range.
    const korea = 'korea-gov';
    const m = cand(BASE, korea).tradeExposure as Measure;
    const pushed = draws(withInput((s) => asMeasure(cand(s, korea).tradeExposure), m.high!));
    const before = ref.candidates.find((c) => c.id === korea)!.probabilities!.atLeast;
    const after = pushed.candidates.find((c) => c.id === korea)!.probabilities!.atLeast;
    for (const level of Object.keys(before))
      expect(after[level]).toBeLessThanOrEqual(before[level]!);
  });

  it('the report of the built-in shows why each candidate chooses its level', async () => {
    const r = await entente('commitment');
    expect(r.code).toBe(0);
    for (const id of CANDIDATES)
      expect(r.out).toMatch(new RegExp(`^  ${id} chooses \\S+ over`, 'm'));
  });
});

describe('face validity of the built-in East Asia scenario (bargaining models)', () => {
  let forecast: {
    issues: {
      id: string;
      scale: { min: number; max: number };
      forecasts: Record<string, number>;
      actors: { id: string; position: number; final: Record<string, number> }[];
    }[];
    diagnostics: { kind: string; issue?: string; model?: string; actor?: string }[];
  };
  beforeAll(async () => {
    forecast = JSON.parse((await entente('forecast', '--json')).out) as typeof forecast;
  });

  it('bargains only where bargaining fits: the coalition issue is the commitment model’s', () => {
    expect(forecast.issues.map((i) => i.id)).toEqual(['usfk-flexibility']);
    const usfk = forecast.issues[0]!;
    // Between Washington and Seoul: China, North Korea, Taiwan and the publics are not at the table.
    expect(usfk.actors.map((a) => a.id).sort()).toEqual(['korea-gov', 'usa']);
  });

  it('no actor moves more than half the scale without a diagnostic naming it', () => {
    for (const issue of forecast.issues) {
      const half = (issue.scale.max - issue.scale.min) / 2;
      for (const a of issue.actors) {
        for (const [model, fin] of Object.entries(a.final)) {
          if (Math.abs(fin - a.position) <= half) continue;
          expect(
            forecast.diagnostics.some(
              (d) => d.issue === issue.id && d.model === model && d.actor === a.id,
            ),
          ).toBe(true);
        }
      }
    }
  });

  it('no point forecast lies outside its own 10–90% band without a diagnostic', async () => {
    const mc = JSON.parse((await entente('simulate', '--runs', '1000', '--json')).out) as {
      issues: {
        id: string;
        outcomes: Record<string, { point: number; q10: number; q90: number }>;
      }[];
      diagnostics: { kind: string; issue?: string; model?: string }[];
    };
    let checked = 0;
    for (const issue of mc.issues) {
      for (const [model, m] of Object.entries(issue.outcomes)) {
        checked++;
        const outside = m.point < m.q10 - 1e-9 || m.point > m.q90 + 1e-9;
        if (!outside) continue;
        expect(
          mc.diagnostics.some(
            (d) => d.kind === 'outside-band' && d.issue === issue.id && d.model === model,
          ),
        ).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
