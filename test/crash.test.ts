/**
 * `kill -9` of `entente serve` during mixed writes and queued jobs, 3 rounds on one SQLite
 * database (the 20-round version: `npm run bench -- crash`; docs/hardening.md, "Crashes"): no
 * acknowledged write lost or changed, every acknowledged job done or failed with a reason.
 */
import { describe, expect, it } from 'vitest';
import { crashRounds } from '../bench/crash.bench.ts';

describe('kill -9 during mixed writes and queued jobs', () => {
  it('loses no acknowledged write and no acknowledged job over 3 kills and restarts', async () => {
    const r = await crashRounds(3, { seed: 17 });
    expect(r.writesLost).toEqual([]);
    expect(r.jobsLost).toEqual([]);
    // The rounds did what they are for: writes and jobs acknowledged, jobs left to resume.
    expect(r.writesAcknowledged).toBeGreaterThan(10);
    expect(r.jobsAcknowledged).toBeGreaterThan(0);
    expect(r.jobsDone + r.jobsFailed).toBe(r.jobsAcknowledged);
    expect(r.resumed).toBeGreaterThan(0);
  }, 120_000);
});
