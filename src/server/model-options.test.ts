import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.ts';
import type { Store } from '../store/store.ts';
import { type Server, createServer } from './app.ts';
import { modelRunsFromRequest } from './model-runs.ts';
import { InputError } from '../core/errors.ts';

let store: Store;
let server: Server;
beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  server = createServer({ store });
});
afterEach(async () => {
  await server.close();
  await store.close();
});

function problems(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError)
      return err.problems.map((p) => ({ path: p.path ?? '', message: p.message }));
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('server: model options from JSON', () => {
  it('passes JSON values straight to the model schema, defaults filled in schema order', () => {
    const [run] = modelRunsFromRequest([{ id: 'eum', options: { tolerance: null, Q: 0.5 } }]);
    expect(JSON.stringify(run!.options)).toBe(
      '{"variant":"scholz2011","Q":0.5,"rounds":10,"tolerance":null,"capitulation":"auto","tail":3}',
    );
  });

  it('takes JSON types as they are: a number written as a string is a mistake', () => {
    expect(
      problems(() => modelRunsFromRequest([{ id: 'nash', options: { exponent: '1.5' } }])),
    ).toEqual([
      {
        path: 'models[0].options.exponent',
        message: 'nash: "1.5" is not valid: expected a number',
      },
    ]);
  });

  it('names every bad option and unknown key at its request path', () => {
    expect(
      problems(() =>
        modelRunsFromRequest([
          { id: 'mean' },
          { id: 'smp', options: { maxTurns: 0, pce: 'Markov', speed: 2 } },
        ]),
      ),
    ).toEqual([
      {
        path: 'models[1].options.pce',
        message:
          'smp: "Markov" is not valid: expected one of Conditional, MarkovUniform, MarkovIncentive',
      },
      {
        path: 'models[1].options.maxTurns',
        message: 'smp: 0 is not valid: expected a value in 1..10000',
      },
      {
        path: 'models[1].options.speed',
        message: expect.stringMatching(
          /^smp has no option "speed"; options: victoryProb, pce,/,
        ) as string,
      },
    ]);
    expect(problems(() => modelRunsFromRequest([{ id: 'zzz' }]))[0]!.path).toBe('models[0].id');
  });

  it('documents every model with options as an OpenAPI component from its schema', async () => {
    const doc = (await (await server.app.request('/openapi.json')).json()) as {
      components: {
        schemas: Record<string, { properties: Record<string, Record<string, unknown>> }>;
      };
    };
    const eum = doc.components.schemas['eumOptions']!;
    expect(eum.properties['Q']).toMatchObject({
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: 1,
    });
    expect(eum.properties['variant']!['description']).toMatch(/scholz2011/);
    expect(Object.keys(doc.components.schemas['smpOptions']!.properties)).toContain('ktabCompat');
    expect(doc.components.schemas['meanOptions']).toBeUndefined();
  });
});
