import { describe, expect, it } from 'vitest';
import * as smp from '../../models/smp/options.ts';
import { getModel } from '../../models/registry.ts';
import { KTAB_PARAMETERS } from './ktab-parameters.ts';
import * as ktab from './ktab-vocabulary.ts';

// The formats layer keeps its own copy of KTAB's vocabulary (it may not import the models); the
// SMP must accept exactly those values and start from the same defaults, or a KTAB file read
// here would run differently from what it says.
describe("KTAB's parameter vocabulary (formats) and the SMP's options (models)", () => {
  it('lists the same values for every parameter', () => {
    for (const name of [
      'VICTORY_PROB_MODELS',
      'PCE_MODELS',
      'VOTING_RULES',
      'BIG_R_ADJUSTS',
      'BIG_R_RANGES',
      'THIRD_PARTY_COMMITS',
      'INTER_VEC_BRGNS',
      'BARGAIN_MODELS',
      'TRANSITIONS',
    ] as const) {
      expect([...ktab[name]], name).toEqual([...smp[name]]);
    }
  });

  it("has the SMP's defaults for every parameter a KTAB file carries", () => {
    const defaults = getModel('smp').defaults as Record<string, unknown>;
    for (const p of KTAB_PARAMETERS) {
      expect(ktab.KTAB_DEFAULT_PARAMETERS[p.option], p.element).toBe(defaults[p.option]);
    }
    expect(Object.keys(ktab.KTAB_DEFAULT_PARAMETERS).sort()).toEqual(
      KTAB_PARAMETERS.map((p) => p.option).sort(),
    );
  });
});
