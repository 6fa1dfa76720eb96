/** The API's levers runs name who would have to act, for the bargaining and commitment models. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
let store: Store;
let server: Server;

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  server = createServer({ store, now: () => new Date('2026-01-02T03:04:05Z') });
});
afterEach(async () => {
  await server.close();
  await store.close();
});

interface LeverRun {
  status: string;
  result: {
    model: { id: string };
    within: string;
    singles: { input: string; by: string[]; actions: { by: string[]; how: string }[] }[];
  };
}

async function runLevers(request: Record<string, unknown>): Promise<LeverRun> {
  const r = await server.app.request('/api/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'levers', ...request }),
  });
  expect(r.status).toBe(202);
  const { id } = (await r.json()) as { id: string };
  await server.jobs.idle();
  return (await (await server.app.request(`/api/runs/${id}`)).json()) as LeverRun;
}

describe('API levers', () => {
  it('searches only the marked input and names who acts; beyondRange goes outside the range', async () => {
    const text = readFileSync(join(FIXTURES, 'levers-actionable.yaml'), 'utf8');
    const inside = await runLevers({ text, target: 'x>=54', models: [{ id: 'mean' }], pairs: 0 });
    expect(inside.status).toBe('done');
    expect(inside.result.within).toBe('range');
    expect(inside.result.singles.map((l) => [l.input, l.by])).toEqual([['c.x.salience', ['b']]]);
    expect(inside.result.singles[0]!.actions[0]!.how).toBe(
      'B makes the issue a test of the alliance',
    );
    const beyond = await runLevers({
      text,
      target: 'x>=54.5',
      models: [{ id: 'mean' }],
      beyondRange: true,
    });
    expect(beyond.result.within).toBe('scale');
    expect(beyond.result.singles[0]!.input).toBe('c.x.salience');
  });

  it('runs the commitment model for a commit: target, over `runs` draws', async () => {
    const text = readFileSync(join(FIXTURES, 'levers-commitment.yaml'), 'utf8');
    const r = await runLevers({ text, target: 'commit:A<0.5', runs: 50 });
    expect(r.status).toBe('done');
    expect(r.result.model.id).toBe('commitment');
    for (const l of r.result.singles)
      expect(['A.localThreat', 'B.publicSupport']).toContain(l.input);
    expect(r.result.singles[0]).toMatchObject({ input: 'A.localThreat', by: ['A'] });
  });
});
