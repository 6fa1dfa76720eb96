/**
 * Values outside their evidence range are warnings, not errors (issue 16, "what-if without
 * walls"): `entente validate` warns and exits 0, the API stores and forecasts the scenario, the
 * draws' range is widened to hold the value. Truly invalid values (off the scale, not a number)
 * stay errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rangeOf } from '../src/core/scenario.ts';
import { validateScenarioObject } from '../src/formats/scenario-file.ts';
import { createServer } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { entente, fixture } from './support/cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'entente-range-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const good = readFileSync(fixture('good.yaml'), 'utf8');
// North's budget position: 80 within its evidence range 70..90 → 95, outside it.
const outside = good.replace('value: 80, low: 70, high: 90', 'value: 95, low: 70, high: 90');
const offScale = good.replace('value: 80, low: 70, high: 90', 'value: 120, low: 70, high: 90');
const write = (name: string, text: string) => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};

describe('a value outside its evidence range', () => {
  it('is a warning of `entente validate` (file:line:column), exit 0', async () => {
    expect(outside).not.toBe(good);
    const file = write('outside.yaml', outside);
    const r = await entente('validate', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${file}: ok`);
    expect(r.err).toMatch(
      /^warning: .*outside\.yaml:23:\d+ actors\[0\]\.stances\.budget\.position\.value: value 95 is outside its evidence range 70\.\.90: kept; the range for draws is widened to 70\.\.95$/m,
    );
    const json = await entente('validate', file, '--json');
    expect(json.code).toBe(0);
    const [report] = JSON.parse(json.out) as { ok: boolean; warnings?: { path: string }[] }[];
    expect(report!.ok).toBe(true);
    expect(report!.warnings?.map((w) => w.path)).toEqual([
      'actors[0].stances.budget.position.value',
    ]);
  });

  it('leaves a valid file’s --json as it was (no warnings key)', async () => {
    const r = await entente('validate', fixture('good.yaml'), '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as object[])[0]).not.toHaveProperty('warnings');
  });

  it('off the scale or not a number is still an error', async () => {
    const r = await entente('validate', write('off.yaml', offScale));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/position 120 is out of range: expected within 0\.\.100/);
    const nan = await entente(
      'validate',
      write(
        'nan.yaml',
        good.replace('value: 80, low: 70, high: 90', 'value: abc, low: 70, high: 90'),
      ),
    );
    expect(nan.code).toBe(1);
    expect(nan.err).toMatch(/actors\[0\]\.stances\.budget\.position/);
    // The editor's check (the workbench's worker) tells errors from warnings the same way.
    const checked = validateScenarioObject(parse(outside));
    expect(checked.ok && checked.warnings.map((w) => w.path)).toEqual([
      'actors[0].stances.budget.position.value',
    ]);
    expect(validateScenarioObject(parse(offScale)).ok).toBe(false);
  });

  it('widens the range used for draws to hold the value', () => {
    expect(rangeOf({ value: 95, low: 70, high: 90 })).toEqual([70, 95]);
    expect(rangeOf({ value: 60, low: 70, high: 90 })).toEqual([60, 90]);
    expect(rangeOf({ value: 80, low: 70, high: 90 })).toEqual([70, 90]);
    expect(rangeOf({ value: 80 })).toEqual([80, 80]);
  });

  it('is stored, forecast and simulated by the API (no 422)', async () => {
    const store = await openSqliteStore(':memory:');
    const server = createServer({ store });
    try {
      const post = (path: string, body: unknown) =>
        server.app.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const created = await post('/api/scenarios', { text: outside, author: 't' });
      expect(created.status).toBe(201);
      const f = await post('/api/forecast', { text: outside });
      expect(f.status).toBe(200);
      const run = await post('/api/runs', { kind: 'simulate', text: outside, runs: 50 });
      expect(run.status).toBe(202);
      const bad = await post('/api/forecast', { text: offScale });
      expect(bad.status).toBe(422);
    } finally {
      await server.close();
      await store.close();
    }
  });
});

describe('POST /api/scenarios with an id that exists', () => {
  it('says the id exists (not "someone saved since you opened it")', async () => {
    const store = await openSqliteStore(':memory:');
    const server = createServer({ store });
    try {
      const post = () =>
        server.app.request('/api/scenarios', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: good, author: 't' }),
        });
      expect((await post()).status).toBe(201);
      const again = await post();
      expect(again.status).toBe(409);
      const body = (await again.json()) as { error: { type: string; message: string } };
      expect(body.error.type).toBe('conflict');
      expect(body.error.message).toMatch(/a scenario with id "fixture-good" exists \(version 1\)/);
      expect(body.error.message).not.toMatch(/someone saved/);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
