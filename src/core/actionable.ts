/**
 * Which inputs of a scenario an actor could act on (docs/scenario-format.md, "Levers"): the
 * scenario's `levers:` list names inputs by dot path (list elements by id, `*` for every one, a
 * path to an actor or a candidate naming every input under it), with who would have to act and
 * how. One owner for the paths of the inputs levers can move, for the default actor of each, and
 * for matching a marking to them; validation (`validate.ts`), the bargaining levers and the
 * commitment levers all read it. Pure.
 */
import { COMMITMENT_TERM_FIELDS, type Scenario, type ScenarioLeverMark } from './scenario.ts';

/** One input a lever can move. */
export interface LeverableInput {
  /** Its dot path, ids whole: `actors.usa.stances.coalition.position`. */
  readonly path: string;
  /** The path's tokens (an id containing dots is one token). */
  readonly tokens: readonly string[];
  /** The actor who acts on it by default, or null (a reference point has no owner). */
  readonly owner: string | null;
  /** Which model reads it. */
  readonly model: 'bargaining' | 'commitment';
}

/** Who would have to act, and how, from one marking. */
export interface LeverAction {
  readonly by: readonly string[];
  readonly how: string;
  /** Index of the marking in the scenario's `levers`. */
  readonly mark: number;
}

type CommitmentField = (typeof COMMITMENT_TERM_FIELDS)[number];

/**
 * The actor who controls a commitment term (docs/spec/commitment.md §7): the candidate, except the
 * lead's abandonment and the rival's coercion.
 */
export function commitmentTermOwner(
  field: CommitmentField,
  candidate: string,
  lead: string,
  rival: string,
): string {
  if (field === 'abandonment') return lead;
  if (field === 'coercion') return rival;
  return candidate;
}

/**
 * Every input a lever can move, in a fixed order: the bargaining models' reference points,
 * capabilities, positions and saliences, then the commitment model's credibility, conflict risk,
 * capabilities (every named measure) and candidate terms. The commitment weights are the model's
 * structure, not an act of anyone's, and are not listed.
 */
export function leverableInputs(s: Scenario): LeverableInput[] {
  const out: LeverableInput[] = [];
  const add = (tokens: string[], owner: string | null, model: LeverableInput['model']) =>
    out.push({ path: tokens.join('.'), tokens, owner, model });
  for (const issue of s.issues)
    if (issue.referencePoint !== undefined)
      add(['issues', issue.id, 'referencePoint'], null, 'bargaining');
  for (const actor of s.actors) {
    add(['actors', actor.id, 'capability'], actor.id, 'bargaining');
    for (const issueId of Object.keys(actor.stances)) {
      add(['actors', actor.id, 'stances', issueId, 'position'], actor.id, 'bargaining');
      add(['actors', actor.id, 'stances', issueId, 'salience'], actor.id, 'bargaining');
    }
  }
  const c = s.coalition;
  const m = c?.commitment;
  if (c && m) {
    const base = ['coalition', 'commitment'];
    add([...base, 'credibility'], c.lead, 'commitment');
    add([...base, 'conflictRisk'], c.rival, 'commitment');
    for (const key of Object.keys(m.lead.capability))
      add([...base, 'lead', 'capability', key], c.lead, 'commitment');
    for (const key of Object.keys(m.rival.capability))
      add([...base, 'rival', 'capability', key], c.rival, 'commitment');
    for (const [id, terms] of Object.entries(m.candidates)) {
      for (const key of Object.keys(terms.capability))
        add([...base, 'candidates', id, 'capability', key], id, 'commitment');
      for (const field of COMMITMENT_TERM_FIELDS)
        add(
          [...base, 'candidates', id, field],
          commitmentTermOwner(field, id, c.lead, c.rival),
          'commitment',
        );
    }
  }
  return out;
}

/**
 * True when `pattern` (a dot path as written) names the input with these tokens: each written
 * part equals a whole token or is `*`, and the pattern may stop early (naming everything under
 * it). Ids containing dots match whole.
 */
export function pathNames(pattern: string, tokens: readonly string[]): boolean {
  const match = (rest: string, k: number): boolean => {
    if (rest === '') return true; // a prefix names everything under it
    if (k >= tokens.length) return false;
    const t = tokens[k]!;
    for (const part of ['*', t]) {
      if (rest === part) return true;
      if (rest.startsWith(`${part}.`) && match(rest.slice(part.length + 1), k + 1)) return true;
    }
    return false;
  };
  return match(pattern, 0);
}

/** The inputs a marking names. */
export function inputsNamed(
  mark: Pick<ScenarioLeverMark, 'path'>,
  inputs: readonly LeverableInput[],
): LeverableInput[] {
  return inputs.filter((x) => pathNames(mark.path, x.tokens));
}

/**
 * Per input path, who would have to act and how (every marking that names it, in file order), or
 * null when the scenario marks nothing (`levers` absent or empty): then every input counts.
 * A marking without `by` names each input's owner.
 */
export function actionableInputs(s: Scenario): Map<string, LeverAction[]> | null {
  const marks = s.levers ?? [];
  if (marks.length === 0) return null;
  const inputs = leverableInputs(s);
  const out = new Map<string, LeverAction[]>();
  marks.forEach((mark, i) => {
    for (const x of inputsNamed(mark, inputs)) {
      const by = mark.by ?? (x.owner === null ? [] : [x.owner]);
      const list = out.get(x.path) ?? [];
      list.push({ by, how: mark.how, mark: i });
      out.set(x.path, list);
    }
  });
  return out;
}
