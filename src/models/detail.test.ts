import { describe, expect, it } from 'vitest';
import { makeNumericInput } from '../core/numeric-input.ts';
import { createRng } from '../core/rng.ts';
import { compromise } from './compromise.ts';
import { eumDetail, smpDetail } from './detail.ts';
import { eum } from './eum/eum.ts';
import { smp } from './smp/smp.ts';

describe('typed model detail', () => {
  // Four actors on one 0–100 issue, far enough apart that both models move someone.
  const input = makeNumericInput({
    d: 1,
    capability: [40, 30, 20, 10],
    position: [10, 35, 70, 95],
    salience: [0.9, 0.6, 0.8, 0.5],
    reference: [50],
  });
  const ctx = { rng: createRng(1, 0), trace: true };

  it('each guard recognises its own model’s traced detail and nothing else', () => {
    const e = eum.run(input, eum.defaults, ctx).detail;
    const s = smp.run(input, smp.defaults, ctx).detail;
    // Typed by the model: no cast needed to read them.
    expect(e?.issues[0]?.rounds.length).toBeGreaterThan(0);
    expect(s?.positions.length).toBeGreaterThan(1);
    expect(eumDetail(e)).toBe(e);
    expect(smpDetail(s)).toBe(s);
    expect(eumDetail(s)).toBeUndefined();
    expect(smpDetail(e)).toBeUndefined();
    expect(eumDetail(compromise.run(input, compromise.defaults, ctx).detail)).toBeUndefined();
  });

  it('an untraced run has no detail, and JSON round trips keep the shape the guards read', () => {
    expect(eum.run(input, eum.defaults, { ...ctx, trace: false }).detail).toBeUndefined();
    const s = smp.run(input, smp.defaults, ctx).detail;
    expect(smpDetail(JSON.parse(JSON.stringify(s)))?.turns.length).toBe(s?.turns.length);
    expect(eumDetail({ model: 'eum' })).toBeUndefined();
    expect(smpDetail(null)).toBeUndefined();
  });
});
