/**
 * The fuzz suite (issue 17): fast-check over every text Entente reads — scenario YAML/JSON,
 * overlays and `--set`, KTAB CSV/XML, actor CSV, DEU CSV, article text — and over the API's
 * bodies and paths. Whatever the input: the parsers return or throw an `InputError` (never
 * another error, never a stack in the message), the CLI exits 0 or 1 with no stack, the server
 * answers without a 500 and without a stack.
 *
 * In CI: a fixed seed and a few dozen cases per property (a few seconds). `npm run fuzz` runs the
 * same properties longer: `ENTENTE_FUZZ_RUNS` cases each (default there 2,000) from
 * `ENTENTE_FUZZ_SEED` (default 17; the run prints the seed and the failing case to replay).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.ts';
import { analyseArticle } from '../src/evidence/analyse.ts';
import { actorCsvToScenario } from '../src/formats/actor-csv.ts';
import { parseDeu } from '../src/formats/deu.ts';
import {
  ktabToScenario,
  parseKtabCsv,
  parseKtabXml,
  scenarioToKtabXml,
} from '../src/formats/ktab/index.ts';
import { parseScenarioText, scenarioToYaml } from '../src/formats/scenario-file.ts';
import { parseOverlayText, parseSetArg } from '../src/formats/variants.ts';
import { createServer, type Server } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';
import { ROOT, entente, fixture } from './support/cli.ts';

const RUNS = Number(process.env.ENTENTE_FUZZ_RUNS ?? 40);
const SEED = Number(process.env.ENTENTE_FUZZ_SEED ?? 17);
/** Cases per property: `RUNS` for the cheap ones, a share of it for the CLI and the server. */
const params = (share = 1): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns: Math.max(5, Math.round(RUNS * share)),
  endOnFailure: true,
});
const TIMEOUT = Math.max(30_000, RUNS * 200);

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const GOOD_YAML = read(fixture('good.yaml'));
const KTAB_YAML = read('scenarios/ktab-dummy-3dim.yaml');
const GOOD_JSON = JSON.stringify(parseScenarioText(GOOD_YAML, 'good.yaml'), null, 2);
const KTAB_CSV = read(fixture('ktab-zero-power.csv'));
const KTAB_XML = scenarioToKtabXml(parseScenarioText(KTAB_YAML, 'ktab.yaml'));
const ACTOR_CSV = read(fixture('actors.csv'));
const DEU_CSV = read(fixture('deu/small.csv'));

/** A stack frame line, as V8 prints it. */
const STACK = /\n\s+at .+[(:]\d+/;

/** Calls `fn`; anything it throws must be an InputError with no stack in its message. */
function onlyInputErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (err) {
    if (!(err instanceof InputError)) {
      throw new Error(
        `not an InputError: ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`,
        { cause: err },
      );
    }
    expect(err.message).not.toMatch(STACK);
    return false;
  }
}

/** Characters that matter to YAML, JSON, CSV and XML, and some that are merely awkward. */
const SPECIAL = [
  ...':{}[],&*!|>-#"\'\n\r\t %@`?=<>/;\\.0123456789eE+',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '\uD800',
  '&#x110000;',
  '&#0;',
  '&amp;',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '*a',
  '&a ',
  '<<: *a',
  '!!binary ',
  '1e308',
  '-1e309',
  'NaN',
  '.inf',
  '0x1F',
  '2025-13-45',
  '~',
  'null',
];
const piece = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

/** `base` with a few random edits: deletions, insertions and replacements of short runs. */
function mutated(base: string): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.nat({ max: Math.max(0, base.length) }),
    cut: fc.nat({ max: 12 }),
    insert: piece,
  });
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let s = base;
    for (const e of edits) {
      const at = Math.min(e.at, s.length);
      s = s.slice(0, at) + e.insert + s.slice(at + e.cut);
    }
    return s;
  });
}

/** A scenario object with random values put at random places (structure-aware fuzzing). */
const scenarioObject = fc
  .array(
    fc.record({
      path: fc.array(
        fc.oneof(
          fc.constantFrom(
            'actors',
            'issues',
            'stances',
            'budget',
            'deadline',
            'position',
            'salience',
            'capability',
            'scale',
            'min',
            'max',
            'value',
            'low',
            'high',
            'evidence',
            'sources',
            'asOf',
            'threshold',
            'referencePoint',
            'variants',
            'coalition',
            'levers',
            'id',
          ),
          fc.nat({ max: 3 }),
        ),
        { minLength: 1, maxLength: 5 },
      ),
      value: fc.jsonValue({ maxDepth: 3 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((changes) => {
    const obj = JSON.parse(GOOD_JSON) as Record<string, unknown>;
    for (const { path, value } of changes) {
      let at: unknown = obj;
      for (const key of path.slice(0, -1)) {
        if (at === null || typeof at !== 'object') break;
        at = (at as Record<string | number, unknown>)[key];
      }
      if (at !== null && typeof at === 'object')
        (at as Record<string | number, unknown>)[path[path.length - 1]!] = value;
    }
    return obj;
  });

const scenarioText = fc.oneof(
  mutated(GOOD_YAML),
  mutated(KTAB_YAML),
  mutated(GOOD_JSON),
  scenarioObject.map((o) => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
);

describe('fuzz: parsers return or throw an InputError, never anything else', () => {
  it(
    'scenario YAML/JSON text (mutated files, structure-aware values, noise)',
    () => {
      let valid = 0;
      let refused = 0;
      fc.assert(
        fc.property(scenarioText, (text) => {
          if (onlyInputErrors(() => parseScenarioText(text, 'f.yaml'))) valid++;
          else refused++;
        }),
        params(3),
      );
      // The cases reach both ends: scenarios that validate and scenarios that are refused.
      expect(valid).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'a parsed scenario written back as YAML reads the same',
    () => {
      fc.assert(
        fc.property(scenarioObject, (obj) => {
          let scenario;
          try {
            scenario = parseScenarioText(JSON.stringify(obj), 'f.json');
          } catch (err) {
            if (err instanceof InputError) return;
            throw err;
          }
          expect(parseScenarioText(scenarioToYaml(scenario), 'g.yaml')).toEqual(scenario);
        }),
        params(),
      );
    },
    TIMEOUT,
  );

  it(
    'overlays and --set arguments',
    () => {
      const overlay = fc.oneof(
        mutated('changes:\n  - set: actors.north.capability\n    value: 4\n'),
        fc.string({ maxLength: 100 }),
      );
      const setArg = fc.oneof(
        mutated('actors.north.stances.budget.position=75'),
        fc.string({ maxLength: 60 }),
      );
      fc.assert(
        fc.property(overlay, setArg, (o, s) => {
          onlyInputErrors(() => parseOverlayText(o, 'o.yaml'));
          onlyInputErrors(() => parseSetArg(s));
        }),
        params(),
      );
    },
    TIMEOUT,
  );

  it(
    'KTAB CSV and XML, and their conversion to a scenario',
    () => {
      const ktab = fc.oneof(
        mutated(KTAB_CSV).map((text) => ({ xml: false, text })),
        mutated(KTAB_XML).map((text) => ({ xml: true, text })),
        fc
          .array(fc.array(fc.oneof(piece, fc.integer().map(String)), { maxLength: 7 }), {
            maxLength: 6,
          })
          .map((rows) => ({ xml: false, text: rows.map((r) => r.join(',')).join('\n') })),
        fc.array(piece, { maxLength: 30 }).map((p) => ({ xml: true, text: `<${p.join('')}` })),
      );
      fc.assert(
        fc.property(ktab, ({ xml, text }) => {
          void onlyInputErrors(() => {
            const data = xml ? parseKtabXml(text, 'k.xml') : parseKtabCsv(text, 'k.csv');
            // What `entente import ktab` does next.
            parseScenarioText(
              scenarioToYaml(ktabToScenario(data, { id: 'k', file: 'k', asOf: '2025-01-01' })),
              'k',
            );
          });
        }),
        params(2),
      );
    },
    TIMEOUT,
  );

  it(
    'actor CSV and its conversion to a scenario',
    () => {
      const csv = fc.oneof(
        mutated(ACTOR_CSV),
        fc
          .array(fc.array(fc.oneof(piece, fc.double().map(String)), { maxLength: 5 }), {
            maxLength: 6,
          })
          .map((rows) =>
            ['actor,capability,position,salience', ...rows.map((r) => r.join(','))].join('\n'),
          ),
      );
      fc.assert(
        fc.property(csv, (text) => {
          void onlyInputErrors(() => {
            const s = actorCsvToScenario(text, 'a.csv', {
              id: 'a',
              issueId: 'x',
              asOf: '2025-01-01',
            });
            parseScenarioText(scenarioToYaml(s), 'a');
          });
        }),
        params(2),
      );
    },
    TIMEOUT,
  );

  it(
    'DEU CSV',
    () => {
      fc.assert(
        fc.property(mutated(DEU_CSV), (text) => {
          onlyInputErrors(() => parseDeu(text, 'd.csv'));
        }),
        params(2),
      );
    },
    TIMEOUT,
  );

  it(
    'article text for the evidence pipeline',
    () => {
      const article = fc.oneof(
        fc.string({ maxLength: 400 }),
        mutated(
          'Japan said on Monday it would join the coalition. China opposed the plan strongly, officials said.',
        ),
      );
      fc.assert(
        fc.property(article, (text) => {
          onlyInputErrors(() => analyseArticle(text));
        }),
        params(),
      );
    },
    TIMEOUT,
  );
});

describe('fuzz: the CLI exits 0 or 1 without a stack', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'entente-fuzz-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it(
    'validate and forecast on mutated scenario files',
    async () => {
      let k = 0;
      await fc.assert(
        fc.asyncProperty(
          scenarioText,
          fc.constantFrom('validate', 'forecast', 'export'),
          async (text, command) => {
            const file = join(tmp, `s${k++}.yaml`);
            writeFileSync(file, text);
            const args =
              command === 'forecast'
                ? ['forecast', file, '--model', 'mean,median,nash', '--json']
                : command === 'export'
                  ? ['export', 'ktab', file]
                  : ['validate', file];
            const r = await entente(...args);
            expect([0, 1], `${args.join(' ')}\n${r.err}`).toContain(r.code);
            expect(r.err).not.toMatch(STACK);
            expect(r.err).not.toMatch(/internal error/);
          },
        ),
        params(0.5),
      );
    },
    TIMEOUT,
  );
});

describe('fuzz: the API answers without a 500 and without a stack', () => {
  let store: Store;
  let server: Server;
  beforeAll(async () => {
    store = await openSqliteStore(':memory:');
    server = createServer({ store });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  const ask = async (method: string, path: string, body?: string, type = 'application/json') => {
    const res = await server.app.request(path, {
      method,
      ...(body === undefined ? {} : { body, headers: { 'content-type': type } }),
    });
    const text = await res.text();
    expect(res.status, `${method} ${path} ${body?.slice(0, 300) ?? ''}\n${text}`).not.toBe(500);
    expect(text).not.toMatch(STACK);
    return res.status;
  };

  const source = fc.oneof(
    scenarioText.map((text) => ({ text })),
    scenarioObject.map((scenario) => ({ scenario })),
    fc.record({ builtin: fc.oneof(fc.constant('ec-car-emissions-1994'), fc.string()) }),
    fc.record({ scenarioId: fc.string(), version: fc.oneof(fc.integer(), fc.string()) }),
    fc.jsonValue({ maxDepth: 3 }),
  );
  const extra = fc.record(
    {
      models: fc.oneof(
        fc.constant([{ id: 'mean' }]),
        fc.array(
          fc.record({
            id: fc.oneof(fc.constantFrom('mean', 'median', 'nash', 'nope'), fc.string()),
            options: fc.jsonValue({ maxDepth: 2 }),
          }),
          { maxLength: 3 },
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      seed: fc.oneof(fc.integer(), fc.double(), fc.string()),
      issues: fc.oneof(fc.array(fc.string(), { maxLength: 2 }), fc.jsonValue({ maxDepth: 1 })),
      kind: fc.oneof(fc.constantFrom('forecast', 'commitment', 'nope'), fc.string()),
      runs: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.double(), fc.string()),
      format: fc.oneof(fc.constantFrom('md', 'nope'), fc.string()),
    },
    { requiredKeys: [] },
  );
  const body = fc.oneof(
    fc
      .tuple(source, extra)
      .map(([s, e]) =>
        JSON.stringify(
          s !== null && typeof s === 'object' && !Array.isArray(s) ? { ...s, ...e } : s,
        ),
      ),
    fc.string({ maxLength: 200 }),
    mutated('{"builtin":"ec-car-emissions-1994","models":[{"id":"mean"}]}'),
  );

  it(
    'POST bodies to the JSON routes',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            '/api/validate',
            '/api/forecast',
            '/api/scenarios',
            '/api/runs',
            '/api/report',
            '/api/scenarios/x/versions',
          ),
          body,
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
          async (path, text, type) => {
            await ask('POST', path, text, type);
          },
        ),
        params(0.75),
      );
    },
    TIMEOUT,
  );

  it(
    'paths: any method, percent-encoding, traversal, unicode',
    async () => {
      const segment = fc.oneof(
        fc.constantFrom(
          'api',
          'scenarios',
          'runs',
          'builtins',
          'ec-car-emissions-1994',
          'versions',
          'report',
          'docs',
          'openapi.json',
          '..',
          '%',
          '%E0%A4%A',
          '%2e%2e',
          '%00',
          '%ff',
          '',
          '.',
          '~',
          'x'.repeat(300),
        ),
        fc.string({ maxLength: 8 }).map(encodeURIComponent),
        fc.integer().map(String),
      );
      const path = fc
        .tuple(
          fc.array(segment, { minLength: 1, maxLength: 5 }),
          fc.option(fc.string(), { nil: undefined }),
        )
        .map(
          ([segments, query]) => `/${segments.join('/')}${query === undefined ? '' : `?${query}`}`,
        );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
          path,
          async (method, p) => {
            // A Request cannot even be built from some strings (the URL parser refuses them first).
            let url: URL;
            try {
              url = new URL(p, 'http://localhost');
            } catch {
              return;
            }
            await ask(
              method,
              url.pathname + url.search,
              method === 'GET' || method === 'HEAD' ? undefined : '{}',
            );
          },
        ),
        params(),
      );
    },
    TIMEOUT,
  );
});
