import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLevers } from '../../analysis/levers/levers.ts';
import { parseTarget } from '../../analysis/levers/target.ts';
import { InlineExecutor } from '../../executors/inline.ts';
import { parseScenarioText } from '../../formats/scenario-file.ts';
import { getModel } from '../../models/registry.ts';
import { leversFromResult } from './from-analyses.ts';

describe('the report’s levers section', () => {
  it('names who would have to act and how, and the share of the evidence range', async () => {
    const name = 'levers-actionable.yaml';
    const file = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', name);
    const s = parseScenarioText(readFileSync(file, 'utf8'), name);
    const r = await runLevers(
      new InlineExecutor(),
      s,
      { model: getModel('mean'), options: {} },
      parseTarget('x>=54', s),
      { seed: 1 },
    );
    const [lever, ...rest] = leversFromResult(r);
    expect(rest).toEqual([]);
    expect(lever).toMatchObject({
      who: 'b',
      label: 'c.x.salience: 50 → 66.7 (42% of its range)',
    });
    expect(lever!.note).toContain('b: B makes the issue a test of the alliance');
  });
});
