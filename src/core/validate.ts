/**
 * Rules that relate a scenario's fields to each other: unique and known ids, values within their
 * scales, ranges in order. Returns every problem at once (with the path of the field), so the
 * user fixes a file in one pass. Pure: the file adapter adds line and column.
 */
import { inputsNamed, leverableInputs } from './actionable.ts';
import type { FieldPath } from './path.ts';
import {
  type CapabilityValue,
  type MeasureValue,
  type Scenario,
  evidenceOf,
  valueOf,
} from './scenario.ts';

/**
 * The largest magnitude of any number in a scenario (capabilities, weights, coefficients, scale
 * ends; docs/hardening.md): far above any real measure, far enough below 1.8e308 that the
 * models' sums and products of capability, salience and distance stay finite.
 */
export const MAX_MAGNITUDE = 1e12;
const LIMIT_NOTE = "1e12, Entente's limit on any number (docs/hardening.md)";

export interface PathProblem {
  readonly path: FieldPath;
  readonly message: string;
}

/** The coalition block's per-party numbers: field, upper bound (lower is 0), name in messages. */
const PARTY_MEASURES = [
  ['tradeWithRival', 100, 'trade share'],
  ['tradeWithLead', 100, 'trade share'],
  ['distanceDiscount', 1, 'distance discount'],
] as const;

/** The commitment model's 0–1 terms of each candidate, with the name used in messages. */
const COMMITMENT_TERMS = [
  ['security', 'security value'],
  ['abandonment', 'probability'],
  ['stake', 'stake'],
  ['tradeExposure', 'trade share'],
  ['coercion', 'probability'],
  ['localThreat', 'local threat'],
  ['publicSupport', 'public support share'],
  ['publicDependence', 'public dependence'],
] as const;

/** The errors of a scenario (an empty list: the scenario can be run). */
export function validateScenario(s: Scenario): PathProblem[] {
  return checkScenarioRules(s).problems;
}

/**
 * What is allowed but worth saying: point values outside their own evidence range (an analyst
 * trying a value the evidence does not back) and source URLs that are not http(s) (no face links
 * them). They never block a run: the range for draws is widened to hold the value (`rangeOf`),
 * and the value is shown as outside the evidence.
 */
export function scenarioWarnings(s: Scenario): PathProblem[] {
  return checkScenarioRules(s).warnings;
}

function checkScenarioRules(s: Scenario): { problems: PathProblem[]; warnings: PathProblem[] } {
  const problems: PathProblem[] = [];
  const warnings: PathProblem[] = [];
  const add = (path: FieldPath, message: string) => problems.push({ path, message });

  const uniqueIds = (list: readonly { id: string }[], key: string, what: string): Set<string> => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        add([key, i, 'id'], `duplicate ${what} id "${item.id}" (first used by ${key}[${first}])`);
      } else seen.set(item.id, i);
    });
    return new Set(seen.keys());
  };
  const sourceIds = uniqueIds(s.sources, 'sources', 'source');
  // A source's address that no face links (the reports and the workbench link only http(s)):
  // worth saying (a missing scheme is a typo), never blocking.
  s.sources.forEach((src, i) => {
    if (src.url !== undefined && !/^https?:\/\/\S+$/i.test(src.url.trim()))
      warnings.push({
        path: ['sources', i, 'url'],
        message: `"${src.url}" is not a web address: expected one starting with http:// or https://`,
      });
  });
  const issueIds = uniqueIds(s.issues, 'issues', 'issue');
  const actorIds = uniqueIds(s.actors, 'actors', 'actor');
  const evidenceIds = uniqueIds(s.evidence, 'evidence', 'evidence');

  const unknown = (id: string, known: Set<string>, what: string): string => {
    const list = [...known];
    const hint = list.length ? `; known ${what} ids: ${list.slice(0, 12).join(', ')}` : '';
    return `unknown ${what} id "${id}"${hint}`;
  };

  if (s.actors.length < 2) {
    add(['actors'], `a scenario needs at least 2 actors, found ${s.actors.length}`);
  }

  /** Checks a measure's value and range against [min, max]. */
  const checkMeasure = (
    m: MeasureValue | CapabilityValue,
    path: FieldPath,
    min: number,
    max: number,
    what: string,
  ) => {
    const v = valueOf(m);
    const inBounds = (x: number) => x >= min && x <= Math.min(max, MAX_MAGNITUDE);
    // Unbounded measures (capabilities, weights) still stop at MAX_MAGNITUDE, named when exceeded.
    const bounds = (x: number) =>
      max !== Infinity ? `within ${min}..${max}` : x < min ? `>= ${min}` : `<= ${LIMIT_NOTE}`;
    if (!inBounds(v))
      add(
        typeof m === 'number' ? path : [...path, 'value'],
        `${what} ${v} is out of range: expected ${bounds(v)}`,
      );
    if (typeof m !== 'number') {
      if (m.low !== undefined && !inBounds(m.low))
        add([...path, 'low'], `${what} low ${m.low} is out of range: expected ${bounds(m.low)}`);
      if (m.high !== undefined && !inBounds(m.high))
        add(
          [...path, 'high'],
          `${what} high ${m.high} is out of range: expected ${bounds(m.high)}`,
        );
      const low = m.low ?? m.value;
      const high = m.high ?? m.value;
      if (low > high)
        add(
          [...path, 'low'],
          `low ${low} is greater than high ${high}: expected low <= value <= high`,
        );
      else if (m.value < low || m.value > high) {
        warnings.push({
          path: [...path, 'value'],
          message: `value ${m.value} is outside its evidence range ${low}..${high}: kept; the range for draws is widened to ${Math.min(low, m.value)}..${Math.max(high, m.value)}`,
        });
      }
      (m.evidence ?? []).forEach((id, k) => {
        if (!evidenceIds.has(id))
          add([...path, 'evidence', k], unknown(id, evidenceIds, 'evidence'));
      });
    }
  };

  const issueById = new Map(s.issues.map((issue) => [issue.id, issue]));
  s.issues.forEach((issue, i) => {
    const { min, max } = issue.scale;
    const huge = (
      [
        ['min', min],
        ['max', max],
      ] as const
    ).filter(([, x]) => Math.abs(x) > MAX_MAGNITUDE);
    for (const [end, x] of huge)
      add(
        ['issues', i, 'scale', end],
        `scale ${end} ${x} is too large: expected within ±${LIMIT_NOTE}`,
      );
    if (huge.length > 0) return;
    if (!(min < max)) {
      add(['issues', i, 'scale'], `scale min ${min} must be less than max ${max}`);
      return;
    }
    issue.scale.anchors?.forEach((a, k) => {
      if (a.value < min || a.value > max) {
        add(
          ['issues', i, 'scale', 'anchors', k, 'value'],
          `anchor ${a.value} is off the scale ${min}..${max}`,
        );
      }
    });
    if (issue.referencePoint !== undefined) {
      checkMeasure(
        issue.referencePoint,
        ['issues', i, 'referencePoint'],
        min,
        max,
        'reference point',
      );
    }
    if (
      issue.threshold !== undefined &&
      (issue.threshold.value < min || issue.threshold.value > max)
    ) {
      add(
        ['issues', i, 'threshold', 'value'],
        `threshold ${issue.threshold.value} is off the scale ${min}..${max}`,
      );
    }
  });

  s.actors.forEach((actor, a) => {
    checkMeasure(actor.capability, ['actors', a, 'capability'], 0, Infinity, 'capability');
    const stanceIssues = Object.keys(actor.stances);
    if (stanceIssues.length === 0) {
      add(
        ['actors', a, 'stances'],
        'an actor needs a stance (position and salience) on at least one issue',
      );
    }
    for (const issueId of stanceIssues) {
      const stance = actor.stances[issueId]!;
      const path = ['actors', a, 'stances', issueId];
      const issue = issueById.get(issueId);
      if (!issue) {
        add(path, unknown(issueId, issueIds, 'issue'));
        continue;
      }
      if (issue.scale.min < issue.scale.max) {
        checkMeasure(
          stance.position,
          [...path, 'position'],
          issue.scale.min,
          issue.scale.max,
          'position',
        );
      }
      checkMeasure(stance.salience, [...path, 'salience'], 0, 100, 'salience');
    }
  });

  s.evidence.forEach((ev, e) => {
    if (!sourceIds.has(ev.source))
      add(['evidence', e, 'source'], unknown(ev.source, sourceIds, 'source'));
    ev.supports?.forEach((sup, k) => {
      const path = ['evidence', e, 'supports', k];
      if (sup.actor !== undefined && !actorIds.has(sup.actor))
        add([...path, 'actor'], unknown(sup.actor, actorIds, 'actor'));
      if (sup.issue !== undefined && !issueIds.has(sup.issue))
        add([...path, 'issue'], unknown(sup.issue, issueIds, 'issue'));
      if (sup.field !== 'capability' && sup.issue === undefined) {
        add([...path, 'issue'], `evidence for a ${sup.field} must name its issue`);
      }
      if (
        (sup.field === 'position' || sup.field === 'salience' || sup.field === 'capability') &&
        sup.actor === undefined
      ) {
        add([...path, 'actor'], `evidence for a ${sup.field} must name its actor`);
      }
    });
  });

  if (s.coalition) {
    // The optional coalition question (docs/coalitions.md): known, distinct ids; the lead, the rival
    // and every candidate take a stance on its issue; shares and discounts within their ranges.
    const c = s.coalition;
    const at = (...rest: (string | number)[]): FieldPath => ['coalition', ...rest];
    const issueKnown = issueIds.has(c.issue);
    if (!issueKnown) add(at('issue'), unknown(c.issue, issueIds, 'issue'));
    const actorById = new Map(s.actors.map((a) => [a.id, a]));
    const needsStance = (id: string, path: FieldPath, role: string) => {
      if (!actorIds.has(id)) add(path, unknown(id, actorIds, 'actor'));
      else if (issueKnown && !actorById.get(id)!.stances[c.issue]) {
        add(path, `${role} "${id}" has no stance on issue "${c.issue}": expected one`);
      }
    };
    needsStance(c.lead, at('lead'), 'lead');
    needsStance(c.rival, at('rival'), 'rival');
    if (c.lead === c.rival)
      add(at('rival'), `rival "${c.rival}" is also the lead: expected two different actors`);
    const seenCandidates = new Map<string, number>();
    c.candidates.forEach((id, k) => {
      const first = seenCandidates.get(id);
      if (first !== undefined) {
        add(
          at('candidates', k),
          `duplicate candidate "${id}" (first listed at coalition.candidates[${first}])`,
        );
        return;
      }
      seenCandidates.set(id, k);
      if (id === c.lead || id === c.rival) {
        add(
          at('candidates', k),
          `candidate "${id}" is the ${id === c.lead ? 'lead' : 'rival'}: expected another actor`,
        );
        return;
      }
      needsStance(id, at('candidates', k), 'candidate');
    });
    for (const [id, party] of Object.entries(c.parties ?? {})) {
      if (!actorIds.has(id)) add(at('parties', id), unknown(id, actorIds, 'actor'));
      if (party.public !== undefined) {
        if (party.public === id)
          add(at('parties', id, 'public'), `"${id}" cannot be its own public`);
        else needsStance(party.public, at('parties', id, 'public'), 'public');
      }
      for (const [field, max, what] of PARTY_MEASURES) {
        const m = party[field];
        if (m !== undefined) checkMeasure(m, at('parties', id, field), 0, max, what);
      }
    }
    for (const [key, m] of Object.entries(c.coefficients ?? {})) {
      if (m !== undefined) checkMeasure(m, at('coefficients', key), 0, Infinity, 'coefficient');
    }
    c.allianceTies?.forEach((tie, t) => {
      tie.between.forEach((id, e) => {
        if (!actorIds.has(id))
          add(at('allianceTies', t, 'between', e), unknown(id, actorIds, 'actor'));
      });
      if (tie.between[0] === tie.between[1])
        add(
          at('allianceTies', t, 'between'),
          `a tie needs two different actors, got "${tie.between[0]}" twice`,
        );
      if (tie.strength !== undefined)
        checkMeasure(tie.strength, at('allianceTies', t, 'strength'), 0, 1, 'tie strength');
      (tie.evidence ?? []).forEach((id, k) => {
        if (!evidenceIds.has(id))
          add(at('allianceTies', t, 'evidence', k), unknown(id, evidenceIds, 'evidence'));
      });
    });
    if (c.commitment) {
      // The commitment model (docs/spec/commitment.md): an ordered ladder of at least two levels
      // whose contribution and exposure never fall; every candidate's terms; probabilities and
      // shares in [0, 1]; capabilities >= 0 on the chosen measure, for the lead, the rival and
      // every candidate.
      const m = c.commitment;
      const cm = (...rest: (string | number)[]): FieldPath => at('commitment', ...rest);
      const levelIds = new Map<string, number>();
      m.levels.forEach((level, k) => {
        const first = levelIds.get(level.id);
        if (first !== undefined)
          add(
            cm('levels', k, 'id'),
            `duplicate level id "${level.id}" (first used by levels[${first}])`,
          );
        else levelIds.set(level.id, k);
        for (const field of ['contribution', 'exposure'] as const) {
          const v = level[field];
          if (!(v >= 0 && v <= 1))
            add(cm('levels', k, field), `${field} ${v} is out of range: expected within 0..1`);
          const prev = k > 0 ? m.levels[k - 1]![field] : undefined;
          if (prev !== undefined && v < prev)
            add(
              cm('levels', k, field),
              `${field} ${v} is below the level before (${prev}): the ladder must not fall`,
            );
        }
      });
      if (!levelIds.has(m.joinLevel))
        add(cm('joinLevel'), unknown(m.joinLevel, new Set(levelIds.keys()), 'level'));
      else if (levelIds.get(m.joinLevel) === 0)
        add(cm('joinLevel'), `"${m.joinLevel}" is the lowest level: joining must be above it`);
      checkMeasure(m.credibility, cm('credibility'), 0, 1, 'probability');
      checkMeasure(m.conflictRisk, cm('conflictRisk'), 0, 1, 'probability');
      for (const [key, w] of Object.entries(m.weights ?? {}))
        if (w !== undefined) checkMeasure(w, cm('weights', key), 0, Infinity, 'weight');
      const checkCapability = (caps: Record<string, MeasureValue>, path: FieldPath) => {
        if (!(m.capabilityMeasure in caps))
          add(
            path,
            `no capability on measure "${m.capabilityMeasure}" (the chosen capabilityMeasure); has: ${Object.keys(caps).join(', ') || 'none'}`,
          );
        for (const [key, v] of Object.entries(caps))
          checkMeasure(v, [...path, key], 0, Infinity, 'capability');
      };
      checkCapability(m.lead.capability, cm('lead', 'capability'));
      checkCapability(m.rival.capability, cm('rival', 'capability'));
      const rivalCap = m.rival.capability[m.capabilityMeasure];
      const leadCap = m.lead.capability[m.capabilityMeasure];
      if (
        rivalCap !== undefined &&
        leadCap !== undefined &&
        valueOf(rivalCap) + valueOf(leadCap) <= 0
      )
        add(
          cm('rival', 'capability', m.capabilityMeasure),
          'the lead and the rival both have capability 0',
        );
      const candidateSet = new Set(c.candidates);
      for (const id of c.candidates) {
        if (!(id in m.candidates))
          add(
            cm('candidates'),
            `candidate "${id}" has no commitment terms: expected candidates.${id}`,
          );
      }
      for (const [id, t] of Object.entries(m.candidates)) {
        const p = (...rest: (string | number)[]) => cm('candidates', id, ...rest);
        if (!candidateSet.has(id)) {
          add(p(), `"${id}" is not one of the coalition's candidates (${c.candidates.join(', ')})`);
          continue;
        }
        if (t.current !== undefined && !levelIds.has(t.current))
          add(p('current'), unknown(t.current, new Set(levelIds.keys()), 'level'));
        checkCapability(t.capability, p('capability'));
        for (const [field, what] of COMMITMENT_TERMS) checkMeasure(t[field], p(field), 0, 1, what);
      }
    }
  }

  if (s.levers?.length) {
    // Levers (docs/scenario-format.md, "Levers"): each marking names at least one input a lever
    // can move, its actors are known, and an input with no owner (a reference point) says who acts.
    const inputs = leverableInputs(s);
    s.levers.forEach((mark, i) => {
      const at = (...rest: (string | number)[]): FieldPath => ['levers', i, ...rest];
      mark.by?.forEach((id, k) => {
        if (!actorIds.has(id)) add(at('by', k), unknown(id, actorIds, 'actor'));
      });
      (mark.evidence ?? []).forEach((id, k) => {
        if (!evidenceIds.has(id)) add(at('evidence', k), unknown(id, evidenceIds, 'evidence'));
      });
      const named = inputsNamed(mark, inputs);
      if (named.length === 0) {
        add(
          at('path'),
          noInputMessage(
            mark.path,
            inputs.map((x) => x.path),
          ),
        );
        return;
      }
      const unowned = named.filter((x) => x.owner === null);
      if (mark.by === undefined && unowned.length > 0)
        add(
          at('path'),
          `${unowned[0]!.path} belongs to no actor: expected by: [actor ids] saying who would act`,
        );
    });
  }

  return { problems, warnings };
}

type EvidenceField = 'position' | 'salience' | 'capability' | 'referencePoint';

/**
 * Every evidence id cited on a number or claimed by an evidence item for it, for the numbers of
 * one scenario: the evidence items' `supports` claims are indexed once, so asking for every number
 * costs time linear in the scenario (walking every item's claims per number was quadratic: 0.1 s
 * at 50 KTAB actors).
 */
export function evidenceLookup(
  s: Scenario,
): (actorId: string | undefined, issueId: string | undefined, field: EvidenceField) => string[] {
  const claimed = new Map<string, string[]>();
  const key = (actorId: string | undefined, issueId: string | undefined, field: EvidenceField) =>
    `${field}\u0000${actorId ?? ''}\u0000${field === 'capability' ? '' : (issueId ?? '')}`;
  for (const ev of s.evidence) {
    for (const sup of ev.supports ?? []) {
      const k = key(sup.actor, sup.issue, sup.field);
      const ids = claimed.get(k);
      if (ids === undefined) claimed.set(k, [ev.id]);
      else if (ids[ids.length - 1] !== ev.id) ids.push(ev.id);
    }
  }
  const actors = new Map(s.actors.map((a) => [a.id, a]));
  const issues = new Map(s.issues.map((i) => [i.id, i]));
  return (actorId, issueId, field) => {
    const ids = new Set<string>();
    if (field === 'capability') {
      evidenceOf(actorId === undefined ? undefined : actors.get(actorId)?.capability).forEach(
        (id) => ids.add(id),
      );
    } else if (field === 'referencePoint') {
      evidenceOf(issueId === undefined ? undefined : issues.get(issueId)?.referencePoint).forEach(
        (id) => ids.add(id),
      );
    } else {
      const stance = (actorId === undefined ? undefined : actors.get(actorId))?.stances[
        issueId ?? ''
      ];
      if (stance) evidenceOf(stance[field]).forEach((id) => ids.add(id));
    }
    for (const id of claimed.get(key(actorId, issueId, field)) ?? []) ids.add(id);
    return [...ids];
  };
}

/** Why a lever path names nothing, with the inputs nearest to what was written. */
function noInputMessage(path: string, inputs: readonly string[]): string {
  const parts = path.split('.');
  let near: readonly string[] = [];
  for (let k = parts.length - 1; k > 0 && near.length === 0; k--) {
    const prefix = `${parts.slice(0, k).join('.')}.`;
    near = inputs.filter((x) => x.startsWith(prefix));
  }
  const hint = near.length
    ? `; e.g. ${near.slice(0, 6).join(', ')}${near.length > 6 ? ', …' : ''}`
    : '; inputs are actors.ID.capability, actors.ID.stances.ISSUE.position|salience, issues.ID.referencePoint and the commitment terms coalition.commitment.…';
  return `"${path}" names no input a lever can move${hint}`;
}
