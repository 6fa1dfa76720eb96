import { describe, expect, it } from 'vitest';
import { coalitionTestScenario } from '../../coalitions/test-scenario.ts';
import { Scenario } from '../../core/scenario.ts';
import { renderWhoJoins } from './coalitions.ts';

describe('renderWhoJoins(scenario): the "Who joins" section of entente forecast', () => {
  it('is empty for a scenario without a coalition question', () => {
    expect(
      renderWhoJoins(Scenario.parse({ ...coalitionTestScenario(), coalition: undefined })),
    ).toEqual([]);
  });

  it('names the predicted coalition and gives one row per candidate with its side and probabilities', () => {
    const lines = renderWhoJoins(Scenario.parse(coalitionTestScenario()));
    expect(lines[0]).toBe("Who joins: L's coalition against R (issue q)");
    expect(lines[1]).toMatch(/^ {2}Predicted coalition: L( \+ (near|far))*/);
    const text = lines.join('\n');
    expect(text).toMatch(
      /Candidate\s+In coalition\s+Sides \(margin\)\s+P\(in coalition\)\s+P\(joins L's side\)/,
    );
    expect(text).toMatch(
      /near\s+(yes|no)\s+(joins L|joins R|stays out) \(\d\.\d{3}\)\s+\d\.\d\d\s+\d\.\d\d/,
    );
    expect(text).toMatch(/far\s+(yes|no)\s+/);
    expect(text).toContain("500 draws of the scenario's ranges, seed 20251212.");
  });

  it('is deterministic', () => {
    const s = Scenario.parse(coalitionTestScenario());
    expect(renderWhoJoins(s)).toEqual(renderWhoJoins(s));
  });
});
