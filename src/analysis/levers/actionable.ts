/**
 * The scenario's lever markings (`levers:`, src/core/actionable.ts) applied to the inputs a lever
 * search considers: which are kept, who would have to act on each and how, and the notes that say
 * what was left out and why. Shared by the bargaining levers (`levers.ts`) and the commitment
 * levers (`commitment.ts`).
 */
import { type LeverAction, actionableInputs } from '../../core/actionable.ts';
import type { Scenario } from '../../core/scenario.ts';
import type { UncertainInput } from '../uncertainty/inputs.ts';

/** Who would have to act on one input, and how (one entry per marking that names it). */
export interface LeverActor {
  readonly by: string[];
  readonly how: string;
}

/** The scenario path of a bargaining input (the form `levers:` paths name it by). */
export function inputPath(x: UncertainInput): string {
  if (x.field === 'referencePoint') return `issues.${x.issue}.referencePoint`;
  if (x.field === 'capability') return `actors.${x.actor}.capability`;
  return `actors.${x.actor}.stances.${x.issue}.${x.field}`;
}

export interface Actionability {
  /** True when the scenario marks inputs (`levers:` not empty). */
  readonly marked: boolean;
  /** The actions on an input path; [] when unmarked or not named. */
  actionsOf(path: string): LeverActor[];
  /** True when the input may be searched: every input if unmarked, else the named ones. */
  allows(path: string): boolean;
  /** The marked input paths (none when unmarked). */
  readonly paths: readonly string[];
}

export function actionability(s: Scenario): Actionability {
  const map = actionableInputs(s);
  const strip = (a: LeverAction): LeverActor => ({ by: [...a.by], how: a.how });
  return {
    marked: map !== null,
    actionsOf: (path) => (map?.get(path) ?? []).map(strip),
    allows: (path) => map === null || map.has(path),
    paths: map === null ? [] : [...map.keys()],
  };
}

/** Every actor named by the actions (in order, once), else the input's own actor. */
export function actorsToAct(actions: readonly LeverActor[], owner: string | null): string[] {
  if (actions.length === 0) return owner === null ? [] : [owner];
  return [...new Set(actions.flatMap((a) => a.by))];
}

/** A list of ids for a note, shortened after `max`. */
export function listIds(ids: readonly string[], max = 6): string {
  return ids.length > max ? `${ids.slice(0, max).join(', ')}, … (${ids.length})` : ids.join(', ');
}

export const UNMARKED_NOTE =
  'The scenario marks no input actionable (`levers:` in the file; docs/scenario-format.md, "Levers"): every input the model reads was searched, including ones no actor could change; each lever names the actor the input belongs to.';
