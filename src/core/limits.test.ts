import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import {
  DEFAULT_LIMITS,
  LIMITS,
  countProblems,
  currentLimits,
  limitsFromEnv,
  setLimits,
} from './limits.ts';

describe('limitsFromEnv(env) reads ENTENTE_MAX_* and defaults the rest', () => {
  it('takes whole numbers with _ or , as separators', () => {
    const l = limitsFromEnv({ ENTENTE_MAX_ACTORS: '10_000', ENTENTE_MAX_RUNS: '2,000,000' });
    expect(l).toEqual({ ...DEFAULT_LIMITS, actors: 10_000, runs: 2_000_000 });
  });
  it('an empty variable is unset', () => {
    expect(limitsFromEnv({ ENTENTE_MAX_ISSUES: ' ' })).toEqual(DEFAULT_LIMITS);
  });
  it('refuses every bad value at once, naming each variable', () => {
    let err: unknown;
    try {
      limitsFromEnv({ ENTENTE_MAX_ACTORS: '0', ENTENTE_MAX_BYTES: '1.5', ENTENTE_MAX_RUNS: '1e3' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => p.path)).toEqual([
      'ENTENTE_MAX_ACTORS',
      'ENTENTE_MAX_BYTES',
    ]);
  });
  it('every limit has a variable of its own', () => {
    const vars = Object.values(LIMITS).map((l) => l.env);
    expect(new Set(vars).size).toBe(vars.length);
  });
});

describe('countProblems(raw) counts actors and issues against the limits in force', () => {
  it('reports each list over its limit at its path', () => {
    const before = setLimits({ ...DEFAULT_LIMITS, actors: 2, issues: 1 });
    try {
      expect(countProblems({ actors: [1, 2, 3], issues: [1] })).toEqual([
        {
          path: ['actors'],
          message:
            '3 actors is more than the limit of 2 actors in a scenario (raise it with ENTENTE_MAX_ACTORS=N; docs/hardening.md)',
        },
      ]);
      expect(countProblems({ actors: [1, 2], issues: 'x' })).toEqual([]);
      expect(countProblems(null)).toEqual([]);
    } finally {
      setLimits(before);
    }
    expect(currentLimits()).toEqual(DEFAULT_LIMITS);
  });
});
