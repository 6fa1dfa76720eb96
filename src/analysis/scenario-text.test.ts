import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../core/hash.ts';
import { parseScenarioText } from '../formats/scenario-file.ts';
import { getModel } from '../models/registry.ts';
import { forecastTask } from './forecast-task.ts';
import { parseScenarioTask } from './parse-task.ts';
import { keepParse, scenarioOf } from './scenario-text.ts';

const TEXT = readFileSync(join(import.meta.dirname, '../../test/fixtures/good.yaml'), 'utf8');

describe('a scenario sent as its text', () => {
  it('is parsed once per hash on a thread, and is the same scenario as the object', () => {
    const object = parseScenarioText(TEXT);
    const hash = contentHash(object);
    const first = scenarioOf({ text: TEXT, hash });
    expect(first).toEqual(object);
    expect(scenarioOf({ text: TEXT, hash })).toBe(first); // kept, not parsed again
    expect(scenarioOf(object)).toBe(object); // an object passes through
  });

  it('a parse made for a save is the one a forecast of that text finds', () => {
    const { scenario, hash } = parseScenarioTask.run({ text: `${TEXT}\n# saved again\n` }, 0);
    expect(scenarioOf({ text: 'not even YAML: [', hash })).toBe(scenario);
  });

  it('keeps the last 32 parses, dropping the least recently used', () => {
    const object = parseScenarioText(TEXT);
    for (let i = 0; i < 32; i++) keepParse(`h${i}`, { ...object, id: `s${i}` });
    expect(scenarioOf({ text: TEXT, hash: 'h0' }).id).toBe('s0'); // h0 used again: kept
    keepParse('h32', object); // drops h1, the least recently used
    const again = scenarioOf({ text: TEXT, hash: 'h1' });
    expect(again.id).toBe(object.id); // parsed from the text again
  });

  it('forecasts byte for byte as the object does', () => {
    const object = parseScenarioText(TEXT);
    const job = (scenario: Parameters<typeof scenarioOf>[0]) => ({
      scenario,
      models: ['mean', 'nash', 'eum'].map((id) => ({ id, options: getModel(id).defaults })),
      seed: 5,
      trace: true,
    });
    const byText = forecastTask.run(job({ text: TEXT, hash: contentHash(object) }), 0);
    const byObject = forecastTask.run(job(object), 0);
    expect(JSON.stringify(byText)).toBe(JSON.stringify(byObject));
  });
});
