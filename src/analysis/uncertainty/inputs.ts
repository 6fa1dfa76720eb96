/**
 * The numbers of a scenario that feed the models, each as an input the analyses can vary:
 * capabilities, positions, saliences and reference points, with the range the analyst gave
 * (`low`..`high`, the point value as the `mode`). Monte Carlo and Sobol vary the ranged ones;
 * levers search every one over its scale. Labels match the evidence coverage report:
 * `actor.capability`, `actor.issue.position`, `actor.issue.salience`, `issue.referencePoint`.
 */
import { isBargained } from '../../core/compile.ts';
import {
  type CapabilityValue,
  type MeasureValue,
  type Scenario,
  rangeOf,
  valueOf,
} from '../../core/scenario.ts';

export type InputField = 'capability' | 'position' | 'salience' | 'referencePoint';

export interface UncertainInput {
  /** The label, e.g. `korea-gov.coalition.salience`. */
  readonly id: string;
  /** Actor id; null for an issue's reference point. */
  readonly actor: string | null;
  /** Issue id; null for a capability. */
  readonly issue: string | null;
  readonly field: InputField;
  /** Lowest plausible value, in the file's units (saliences 0–100). */
  readonly low: number;
  /** The point value (the mode of the triangular and PERT distributions). */
  readonly mode: number;
  /** Highest plausible value. */
  readonly high: number;
  /**
   * The widest range an analysis may move the input over: the issue's scale for positions and
   * reference points, 0–100 for saliences, and for capabilities, which have no scale of their
   * own, 0 up to the sum of every actor's highest capability (as strong as all actors together).
   */
  readonly scale: readonly [number, number];
}

/**
 * Every number that feeds the models, in a fixed order: per issue its reference point, then per
 * actor its capability and, per issue (in issue order), position and salience. Only issues in
 * `issueIds` (default all) count; actors without a stance on an issue have no input there.
 */
export function scenarioInputs(s: Scenario, issueIds?: readonly string[]): UncertainInput[] {
  const issues = issueIds
    ? issueIds.map((id) => s.issues.find((i) => i.id === id)!)
    : s.issues.filter(isBargained);
  const totalCapability = s.actors.reduce((t, a) => t + Math.max(...rangeOf(a.capability)), 0);
  const out: UncertainInput[] = [];
  const add = (
    m: MeasureValue | CapabilityValue,
    id: string,
    actor: string | null,
    issue: string | null,
    field: InputField,
    scale: readonly [number, number],
  ) => {
    const [low, high] = rangeOf(m);
    out.push({ id, actor, issue, field, low, mode: valueOf(m), high, scale });
  };
  for (const issue of issues) {
    if (issue.referencePoint === undefined) continue;
    const scale = [issue.scale.min, issue.scale.max] as const;
    add(
      issue.referencePoint,
      `${issue.id}.referencePoint`,
      null,
      issue.id,
      'referencePoint',
      scale,
    );
  }
  for (const actor of s.actors) {
    // An actor with no stance on any issue analysed has no weight there: its capability is no input.
    if (!issues.some((issue) => actor.stances[issue.id])) continue;
    add(actor.capability, `${actor.id}.capability`, actor.id, null, 'capability', [
      0,
      totalCapability,
    ]);
    for (const issue of issues) {
      const stance = actor.stances[issue.id];
      if (!stance) continue;
      const scale = [issue.scale.min, issue.scale.max] as const;
      add(
        stance.position,
        `${actor.id}.${issue.id}.position`,
        actor.id,
        issue.id,
        'position',
        scale,
      );
      add(
        stance.salience,
        `${actor.id}.${issue.id}.salience`,
        actor.id,
        issue.id,
        'salience',
        [0, 100],
      );
    }
  }
  return out;
}

/** The inputs the analyst gave a range for (low < high): what the Monte Carlo draws. */
export function uncertainInputs(s: Scenario, issueIds?: readonly string[]): UncertainInput[] {
  return scenarioInputs(s, issueIds).filter((x) => x.low < x.high);
}
