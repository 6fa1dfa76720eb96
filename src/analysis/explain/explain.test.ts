import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTerm } from '../../core/glossary.ts';
import type { Scenario } from '../../core/scenario.ts';
import { parseScenarioText } from '../../formats/scenario-file.ts';
import type { EumDetail } from '../../models/eum/detail.ts';
import { getModel } from '../../models/registry.ts';
import type { SmpDetail } from '../../models/smp/detail.ts';
import { type ForecastResult, runForecast } from '../forecast.ts';
import { type Explanation, JUMP_SHARE, explainForecast } from './index.ts';

const ROOT = join(import.meta.dirname, '../../..');
const read = (path: string) => parseScenarioText(readFileSync(join(ROOT, path), 'utf8'), path);

function forecast(scenario: Scenario, models: string[], coalitionDraws = 0): ForecastResult {
  return runForecast(
    scenario,
    models.map((id) => ({ model: getModel(id), options: { ...getModel(id).defaults } })),
    { seed: 7, coalitionDraws },
  );
}

function explanation(all: Explanation[], model: string, issue: string | null): Explanation {
  const e = all.find((x) => x.model === model && x.issue === issue);
  if (!e) throw new Error(`no explanation of ${model} on ${issue}`);
  return e;
}

/** A one-issue scenario: actors as [id, capability, position, salience]. */
function constructed(actors: [string, number, number, number][], referencePoint = 50): Scenario {
  const lines = [
    'id: constructed',
    'title: Constructed',
    'question: Where does it settle?',
    'asOf: 2025-01-01',
    'issues:',
    '  - id: x',
    '    name: The issue',
    '    scale: { min: 0, max: 100 }',
    `    referencePoint: ${referencePoint}`,
    'actors:',
    ...actors.flatMap(([id, c, p, s]) => [
      `  - id: ${id}`,
      `    name: Actor ${id.toUpperCase()}`,
      '    kind: state',
      `    capability: ${c}`,
      `    stances: { x: { position: ${p}, salience: ${s} } }`,
    ]),
  ];
  return parseScenarioText(lines.join('\n'));
}

/** The pivot computed here, independently: walk the actors by position until half the weight. */
function expectedPivot(actors: [string, number, number, number][]) {
  const w = actors.map(([, c, , s]) => c * s);
  const total = w.reduce((a, b) => a + b, 0);
  const order = actors.map((_, i) => i).sort((a, b) => actors[a]![2] - actors[b]![2]);
  let cum = 0;
  for (const i of order) {
    cum += w[i]!;
    if (cum >= total / 2) return { id: actors[i]![0], share: w[i]! / total };
  }
  throw new Error('unreachable');
}

describe('explanations of the weighted median', () => {
  it('name the pivotal actor and its share of capability × salience', () => {
    const actors: [string, number, number, number][] = [
      ['a', 4, 10, 50],
      ['b', 3, 45, 60],
      ['c', 2, 70, 90],
      ['d', 1, 95, 100],
    ];
    const pivot = expectedPivot(actors);
    const e = explanation(
      explainForecast(forecast(constructed(actors), ['median']), constructed(actors).actors),
      'median',
      'x',
    );
    const s = e.sentences.find((x) => x.glossaryTerms.includes('pivotal-actor'))!;
    expect(s.actors).toEqual([pivot.id]);
    expect(s.numbers.share).toBeCloseTo(pivot.share, 12);
    expect(s.text).toContain(
      `Actor ${pivot.id.toUpperCase()} holds ${Math.round(100 * pivot.share)}%`,
    );
    expect(s.text).toContain(`is Actor ${pivot.id.toUpperCase()}’s position`);
  });

  it('say an actor with more than half the weight decides the median alone', () => {
    const actors: [string, number, number, number][] = [
      ['a', 10, 0, 90],
      ['b', 3, 80, 100],
      ['c', 2, 60, 50],
    ];
    const share = (10 * 90) / (10 * 90 + 3 * 100 + 2 * 50);
    const s = constructed(actors);
    const e = explanation(explainForecast(forecast(s, ['median']), s.actors), 'median', 'x');
    const pivot = e.sentences.find((x) => x.glossaryTerms.includes('dictator'))!;
    expect(pivot.text).toBe(
      `Actor A holds ${Math.round(100 * share)}% of capability × salience, so the weighted median is Actor A’s position (0.0).`,
    );
  });
});

describe('explanations of the weighted mean and of Nash', () => {
  it('list the pulls from the status quo, which sum to the gap', () => {
    const actors: [string, number, number, number][] = [
      ['a', 4, 10, 50],
      ['b', 3, 45, 60],
      ['c', 2, 70, 90],
    ];
    const s = constructed(actors, 40);
    const r = forecast(s, ['mean']);
    const e = explanation(explainForecast(r, s.actors), 'mean', 'x');
    const pulls = e.sentences.filter((x) => x.numbers.pull !== undefined);
    expect(pulls).toHaveLength(3);
    const sum = pulls.reduce((t, x) => t + x.numbers.pull!, 0);
    expect(sum).toBeCloseTo(r.issues[0]!.forecasts.mean! - 40, 10);
    // The largest pull first: a at 10, 30 below, with weight 200 of 560.
    expect(pulls[0]!.actors).toEqual(['a']);
    expect(pulls[0]!.numbers.pull).toBeCloseTo((200 / 560) * (10 - 40), 12);
  });

  it('explain a Nash fallback by the actors on each side of the status quo', () => {
    const s = read('test/fixtures/good.yaml');
    const r = forecast(s, ['nash']);
    expect(r.diagnostics.some((d) => d.kind === 'fallback' && d.issue === 'budget')).toBe(true);
    const text = explanation(explainForecast(r, s.actors), 'nash', 'budget').sentences[0]!.text;
    expect(text).toContain('South sits below it and North and East above it');
    expect(text).toContain('the weighted mean');
    const solved = explanation(explainForecast(r, s.actors), 'nash', 'deadline').sentences[0]!;
    expect(solved.glossaryTerms).not.toContain('fallback');
    expect(solved.numbers.forecast).toBe(r.issues[1]!.forecasts.nash);
  });
});

describe('explanations of the expected utility model', () => {
  it('name, for every move, the dyad that moved the actor, from the mover’s view', () => {
    const s = read('scenarios/ec-car-emissions-1994.yaml');
    const r = forecast(s, ['eum']);
    const e = explanation(explainForecast(r, s.actors), 'eum', r.issues[0]!.id);
    const detail = (r.models[0]!.detail as EumDetail).issues[0]!;
    const moves = detail.rounds.flatMap((round) => round.moves.map((m) => ({ round, m })));
    expect(moves.length).toBeGreaterThan(0);
    const sentences = e.sentences.filter((x) => x.numbers.to !== undefined);
    expect(sentences).toHaveLength(moves.length);
    moves.forEach(({ round, m }, n) => {
      const sen = sentences[n]!;
      const dyad = round.dyads.find((d) => d.i === m.actor && d.j === m.from)!;
      // The detail's own record: the mover took this dyad's offer, to this position.
      expect(dyad.taken).toBe(true);
      expect(dyad.offer!.position).toBe(m.toPosition);
      expect(sen.round).toBe(round.round);
      expect(sen.actors).toEqual([s.actors[m.actor]!.id, s.actors[m.from]!.id]);
      expect(sen.numbers).toMatchObject({ from: m.fromPosition, to: m.toPosition, a: dyad.a });
      // One viewpoint: the sentence opens with the mover and speaks of the other in the third person.
      expect(sen.text).toMatch(
        new RegExp(
          `^Round ${round.round}: ${s.actors[m.actor]!.name.replace(/[().]/g, '\\$&')} moved`,
        ),
      );
    });
    // Every actor whose final position differs from its start has at least one move explained.
    for (const a of r.issues[0]!.actors) {
      if (a.final.eum !== a.position)
        expect(sentences.some((x) => x.actors[0] === a.id)).toBe(true);
    }
  });
});

describe('explanations of the SMP', () => {
  it('explain every jump of more than a tenth of the scale with the bargain taken', () => {
    let jumps = 0;
    for (const path of ['test/fixtures/good.yaml', 'scenarios/ktab-dummy-3dim.yaml']) {
      const s = read(path);
      const r = forecast(s, ['smp']);
      const detail = r.models[0]!.detail as SmpDetail;
      const all = explainForecast(r, s.actors);
      r.issues.forEach((issue, k) => {
        const e = explanation(all, 'smp', issue.id);
        const width = issue.scale.max - issue.scale.min;
        const present = new Set(issue.actors.map((a) => a.id));
        for (let t = 1; t < detail.positions.length; t++) {
          detail.positions[t]!.forEach((pos, i) => {
            const id = s.actors[i]!.id;
            const delta = pos[k]! - detail.positions[t - 1]![i]![k]!;
            if (!present.has(id) || Math.abs(delta) <= JUMP_SHARE * width) return;
            jumps++;
            const sen = e.sentences.find((x) => x.round === t && x.actors[0] === id);
            expect(sen, `${path} ${issue.id} turn ${t} ${id}`).toBeDefined();
            const queue = detail.turns[t - 1]!.queues[i]!;
            const bargain = detail.turns[t - 1]!.bargains[queue.options[queue.chosen]!]!;
            const other = bargain.initiator === i ? bargain.receiver : bargain.initiator;
            expect(sen!.actors[1]).toBe(s.actors[other]!.id);
            expect(sen!.numbers.electionProbability).toBe(queue.probabilities[queue.chosen]);
          });
        }
        // No sentence claims a jump that is not one.
        for (const sen of e.sentences.filter((x) => x.round !== undefined)) {
          expect(Math.abs(sen.numbers.to! - sen.numbers.from!)).toBeGreaterThan(JUMP_SHARE * width);
        }
      });
    }
    expect(jumps).toBeGreaterThan(0);
  });
});

describe('explanations of the commitment model', () => {
  it('give each candidate’s deciding terms as the commitment result carries them', () => {
    const s = read('test/fixtures/commitment.yaml');
    const r = forecast(s, ['mean'], 200);
    const e = explanation(explainForecast(r, s.actors), 'commitment', null);
    for (const c of r.coalition!.candidates) {
      const sen = e.sentences.find(
        (x) => x.actors[0] === c.id && x.glossaryTerms.includes('commitment-terms'),
      )!;
      expect(sen.text.startsWith(`${c.name} chooses ${c.level}`)).toBe(true);
      for (const d of c.decisive.filter((x) => Math.abs(x.difference) >= 5e-4).slice(0, 3))
        expect(sen.numbers[`term.${d.term}`]).toBe(d.difference);
      expect(sen.numbers.pCommit).toBe(c.probabilities!.commits);
    }
  });
});

describe('explanations and the glossary', () => {
  it('use only terms the glossary defines, and give each sentence its numbers', () => {
    const checked = new Set<string>();
    for (const path of [
      'test/fixtures/good.yaml',
      'test/fixtures/commitment.yaml',
      'scenarios/ec-car-emissions-1994.yaml',
    ]) {
      const s = read(path);
      const r = forecast(s, ['mean', 'median', 'nash', 'eum', 'smp'], 50);
      for (const e of explainForecast(r, s.actors)) {
        for (const sen of e.sentences) {
          for (const t of sen.glossaryTerms) {
            expect(findTerm(t)?.id, t).toBe(t);
            checked.add(t);
          }
          for (const v of Object.values(sen.numbers)) expect(typeof v).toBe('number');
        }
      }
    }
    expect(checked.size).toBeGreaterThan(10);
  });
});
