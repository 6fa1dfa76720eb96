/**
 * Scenario texts parsed off the event loop (issue 17; docs/hardening.md, "Nothing heavy on the
 * event loop"): the server parses texts (by default all; ENTENTE_OFF_LOOP_PARSE_CHARS sets a
 * threshold) on its worker pool, with the same
 * parser, so the scenario, its hash and every error (class, message, file:line:column) are those
 * of a parse on the event loop — checked here on a real pool thread, through `textParser` and
 * through the HTTP routes of two servers, one parsing on the pool and one inline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYSIS_TASKS } from '../src/analysis/tasks.ts';
import { InputError } from '../src/core/errors.ts';
import type { Executor } from '../src/executors/executor.ts';
import { PoolExecutor } from '../src/executors/pool.ts';
import { createServer } from '../src/server/app.ts';
import {
  OFF_LOOP_PARSE_CHARS,
  type ResolvedScenario,
  parseHere,
  parseText,
  textParser,
} from '../src/server/scenario-source.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { ROOT } from './support/cli.ts';

const BIG = readFileSync(join(ROOT, 'scenarios/east-asia-coalition-2025.yaml'), 'utf8');
const SMALL = readFileSync(join(ROOT, 'test/fixtures/good.yaml'), 'utf8');

/** The big text with line `n` (1-based) changed by `f`. */
function editLine(n: number, f: (line: string) => string): string {
  const lines = BIG.split('\n');
  lines[n - 1] = f(lines[n - 1]!);
  return lines.join('\n');
}
const lineOf = (text: string, needle: string) =>
  text.slice(0, text.indexOf(needle)).split('\n').length;

const late = lineOf(BIG, '- id: north-korea');
/** Schema errors near the end (a salience of 250, a capability that is text). */
const BAD_VALUES = editLine(late + 16, (l) => l.replace(/value: \d+/, 'value: 250')).replace(
  'value: 1.409',
  'value: lots',
);
/** A YAML syntax error near the end (an unclosed flow sequence). */
const BAD_SYNTAX = editLine(late + 4, (l) => l.replace(/\]$/, ''));
/** The same scenario as JSON text. */
const AS_JSON = JSON.stringify(parseText(BIG).scenario, null, 2);
/** A duplicate key and an undefined alias, far down. */
const BAD_ALIAS = `${BIG}\nextra: *nowhere\n`;

/** An executor that counts the parse tasks it is given, over a real pool of one thread. */
const pool = new PoolExecutor({ workers: 1, tasks: ANALYSIS_TASKS });
let parsedOnPool = 0;
const counting: Executor = {
  kind: 'pool',
  get workers() {
    return pool.workers;
  },
  run(task, job, chunks, options) {
    if (task.name === 'parse-scenario') parsedOnPool++;
    return pool.run(task, job, chunks, options);
  },
  // The servers below close their executors: the pool is closed once, after every test.
  close: () => Promise.resolve(),
};
afterAll(() => pool.close());

/** What a parse gives: the resolved scenario, or the error as data. */
async function outcome(parse: Promise<ResolvedScenario>) {
  try {
    return { ok: await parse };
  } catch (err) {
    const e = err as Error;
    return {
      error: {
        class: e.constructor.name,
        message: e.message,
        problems: e instanceof InputError ? e.problems : undefined,
      },
    };
  }
}

describe('scenario texts parsed on the worker pool', () => {
  it('give the same scenario, hash and errors (file:line:col) as on the event loop', async () => {
    const onPool = textParser(counting);
    expect(OFF_LOOP_PARSE_CHARS).toBe(0);
    const cases = { BIG, AS_JSON, SMALL, BAD_VALUES, BAD_SYNTAX, BAD_ALIAS };
    for (const [name, text] of Object.entries(cases)) {
      const before = parsedOnPool;
      const here = await outcome(parseHere(text, `${name}.yaml`));
      const there = await outcome(onPool(text, `${name}.yaml`));
      expect(parsedOnPool, name).toBe(before + 1);
      expect(there, name).toEqual(here);
    }
    // The cases reach both ends, with real locations in the errors.
    expect((await outcome(parseHere(BIG))).ok?.scenario.actors.length).toBeGreaterThan(5);
    const bad = await outcome(onPool(BAD_VALUES, 'BAD_VALUES.yaml'));
    expect(bad.error?.class).toBe('InputError');
    expect(bad.error?.message).toMatch(/^BAD_VALUES\.yaml:\d+:\d+ actors\[\d+\]\./m);
    expect(bad.error?.problems?.every((p) => (p.line ?? 0) > late)).toBe(true);
    const syntax = await outcome(onPool(BAD_SYNTAX, 'BAD_SYNTAX.yaml'));
    expect(syntax.error?.message).toMatch(/^BAD_SYNTAX\.yaml:\d+:\d+/);
    expect(syntax.error?.problems?.[0]?.line).toBeGreaterThanOrEqual(late);
  }, 30_000);

  it('with a threshold, only texts from it on go to the pool; the event loop stays free meanwhile', async () => {
    const parse = textParser(counting, 64 * 1024);
    let before = parsedOnPool;
    await parse(SMALL);
    expect(parsedOnPool).toBe(before);
    before = parsedOnPool;
    await parse(BIG);
    expect(parsedOnPool).toBe(before + 1);
    // Main-thread busy time of a big parse: on the pool, a fraction of parsing here.
    const busy = async (f: () => Promise<unknown>) => {
      const start = performance.eventLoopUtilization();
      for (let i = 0; i < 3; i++) await f();
      return performance.eventLoopUtilization(start).active;
    };
    const here = await busy(() => parseHere(BIG));
    const there = await busy(() => parse(BIG));
    expect(
      there,
      `busy ${there.toFixed(0)} ms on the pool, ${here.toFixed(0)} ms here`,
    ).toBeLessThan(here / 2);
  }, 30_000);

  it('the HTTP routes answer the same, byte for byte, whether they parse on the pool or inline', async () => {
    const stores = [await openSqliteStore(':memory:'), await openSqliteStore(':memory:')];
    const servers = [
      createServer({ store: stores[0]!, quickExecutor: counting }),
      createServer({ store: stores[1]! }),
    ];
    const send = (i: number, method: string, path: string, body: unknown) =>
      servers[i]!.app.request(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-entente-author': 'test' },
        body: JSON.stringify(body),
      });
    /** Status and body, with the parts that differ between two servers (times) left out. */
    const answer = async (r: Response) => ({
      status: r.status,
      body: (await r.text()).replace(/"(createdAt|updatedAt)":"[^"]+"/g, '"$1":"…"'),
    });
    try {
      const before = parsedOnPool;
      const statuses: number[] = [];
      for (const [method, path, body] of [
        ['POST', '/api/scenarios', { text: BIG, file: 'big.yaml' }],
        ['POST', '/api/scenarios', { text: BAD_VALUES, file: 'bad.yaml' }],
        ['POST', '/api/scenarios', { text: BAD_SYNTAX }],
        ['PUT', '/api/scenarios/east-asia-coalition-2025', { text: AS_JSON, message: 'json' }],
        ['PUT', '/api/scenarios/east-asia-coalition-2025', { text: BAD_ALIAS }],
        ['POST', '/api/validate', { text: BAD_VALUES, file: 'bad.yaml' }],
        ['POST', '/api/validate', { text: BIG }],
        ['POST', '/api/forecast', { text: BAD_SYNTAX, models: [{ id: 'mean' }] }],
      ] as const) {
        const [a, b] = [
          await answer(await send(0, method, path, body)),
          await answer(await send(1, method, path, body)),
        ];
        expect(a, `${method} ${path}`).toEqual(b);
        statuses.push(a.status);
      }
      expect(parsedOnPool - before).toBe(8);
      // Saves, refusals with file:line:col, and validation reports, all reached.
      expect(statuses).toEqual([201, 422, 422, 201, 422, 200, 200, 422]);
    } finally {
      for (const s of servers) await s.close();
      for (const s of stores) await s.close();
    }
  }, 60_000);
});
