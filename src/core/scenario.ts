/**
 * The scenario: actors with capability, position and salience on one or more issues, each number
 * tied to its evidence. One zod schema is the source of truth for the YAML/JSON format, the JSON
 * Schema in `schema/scenario.schema.json` and the TypeScript types. Structural rules live here;
 * rules that relate fields to each other (ids, scales) live in `validate.ts`.
 */
import { z } from 'zod';
import { Variants } from './variant.ts';

const Id = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]*$/,
    'an id: letters, digits, "_", "-" or "." (e.g. "south-korea")',
  )
  .describe('An identifier: letters, digits, "_", "-", "."; unique within its list.');

/**
 * Why `text` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD with a real month and day
 * (leap years counted), or undefined when it is one. `2025-13-45` and `2025-02-29` are refused.
 */
export function isoDateProblem(text: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return `"${text}" is not a date: expected YYYY-MM-DD (or YYYY-MM, YYYY)`;
  const year = Number(m[1]);
  if (m[2] === undefined) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${text}" is not a date: month ${m[2]} is not 01–12`;
  if (m[3] === undefined) return undefined;
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day < 1 || day > days)
    return `"${text}" is not a date: day ${m[3]} is not 01–${days} in ${m[1]}-${m[2]}`;
  return undefined;
}

/** A date written YYYY-MM-DD, YYYY-MM or YYYY, checked as a calendar date. */
const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'an ISO date, YYYY-MM-DD')
  .superRefine((text, ctx) => {
    const problem = isoDateProblem(text);
    // The pattern's own message covers text of the wrong shape.
    if (problem && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text))
      ctx.addIssue({ code: 'custom', message: problem });
  });

/** Review status of a number or an evidence item: absent means accepted. */
export const REVIEW_STATUSES = ['proposed', 'accepted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A number, or a number with a range and its provenance. */
export const MeasureObject = z
  .object({
    value: z.number().describe('The point estimate.'),
    low: z.number().optional().describe('Lowest plausible value (feeds the Monte Carlo).'),
    high: z.number().optional().describe('Highest plausible value (feeds the Monte Carlo).'),
    evidence: z.array(Id).optional().describe('Ids of `evidence` items that support this number.'),
    derivation: z
      .string()
      .optional()
      .describe('One line: how the number follows from the evidence.'),
    unverified: z
      .boolean()
      .optional()
      .describe('True when the number rests on an indicator not checked against its source.'),
    status: z
      .enum(REVIEW_STATUSES)
      .optional()
      .describe(
        '`proposed`: drafted by a tool (e.g. `entente ingest`) and not yet reviewed; `accepted` (the default when absent): reviewed by an analyst.',
      ),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe("The drafting tool's confidence in a proposed number, 0-1."),
  })
  .strict();
const MEASURE_WORDS = 'a number or { value, low?, high?, evidence?, derivation?, unverified? }';
const MEASURE_EXPECTED = {
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing: expected ${MEASURE_WORDS}` : `expected ${MEASURE_WORDS}`,
};
export const Measure = z
  .union([z.number(), MeasureObject], MEASURE_EXPECTED)
  .describe('A number, or { value, low, high, evidence, derivation, unverified }.');

export const Capability = z
  .union(
    [
      z.number(),
      MeasureObject.extend({
        basis: z.string().optional().describe('What the capability measures, e.g. "CINC 2022".'),
      }).strict(),
    ],
    MEASURE_EXPECTED,
  )
  .describe('Capability (scale-free, >= 0): a number or a measure with a `basis`.');

/**
 * How far a source can be trusted as read: the route its values were checked through, not only
 * who first published them (issue 15: items marked VERIFIED through a forum or mirror must show it).
 */
export const SOURCE_GRADES = ['primary', 'secondary', 'mirror', 'memory'] as const;
export type SourceGrade = (typeof SOURCE_GRADES)[number];

export const Source = z
  .object({
    id: Id,
    title: z.string().min(1),
    publisher: z.string().optional(),
    url: z.string().optional(),
    date: IsoDate.optional().describe('Publication date, ISO 8601 (YYYY or YYYY-MM-DD).'),
    grade: z
      .enum(SOURCE_GRADES)
      .optional()
      .describe(
        'How the values were read: `primary` (the publisher itself, or its official release), `secondary` (a reputable secondary: a newspaper, wire or research package reporting it), `mirror` (a mirror, archive, forum, blog or aggregator copy), `memory` (recalled, not checked against any source).',
      ),
    note: z.string().optional(),
  })
  .strict();

export const Anchor = z
  .object({ value: z.number(), label: z.string().min(1) })
  .strict()
  .describe('A labelled point on the scale.');

export const Threshold = z
  .object({
    value: z.number(),
    label: z.string().min(1).describe('What reaching the threshold means.'),
  })
  .strict()
  .describe('A decision threshold: the verdict reports whether a forecast is >= value.');

export const Issue = z
  .object({
    id: Id,
    name: z.string().min(1),
    question: z.string().optional(),
    scale: z
      .object({
        min: z.number(),
        max: z.number(),
        unit: z.string().optional(),
        anchors: z.array(Anchor).optional(),
      })
      .strict(),
    referencePoint: Measure.optional().describe('Status quo / reversion point, on the scale.'),
    threshold: Threshold.optional(),
    bargaining: z
      .boolean()
      .optional()
      .describe(
        "False: the issue is a decision each coalition candidate takes (the coalition block's commitment model answers it), not a bargain, so the bargaining models do not run on it; its positions still feed the alignment analyses (sides, power, stability). Default true.",
      ),
  })
  .strict();

export const ACTOR_KINDS = ['state', 'government', 'public', 'faction', 'organisation'] as const;

export const Stance = z
  .object({
    position: Measure.describe("The actor's preferred outcome on the issue's scale."),
    salience: Measure.describe('How much the issue matters to the actor, 0-100.'),
  })
  .strict();

export const Actor = z
  .object({
    id: Id,
    name: z.string().min(1),
    kind: z.enum(ACTOR_KINDS),
    group: z.string().optional().describe('A grouping, e.g. the country a public belongs to.'),
    aliases: z.array(z.string()).optional(),
    description: z.string().optional(),
    capability: Capability,
    stances: z.record(Id, Stance).describe('Per issue id: position and salience.'),
  })
  .strict();

export const EVIDENCE_FIELDS = ['position', 'salience', 'capability', 'referencePoint'] as const;

export const Evidence = z
  .object({
    id: Id,
    source: Id.describe('Id of the source in `sources`.'),
    quote: z.string().optional().describe('The words of the source, verbatim.'),
    locator: z.string().optional().describe('Where in the source: paragraph, page, table row.'),
    note: z.string().optional(),
    unverified: z.boolean().optional(),
    context: z
      .boolean()
      .optional()
      .describe(
        'True: cited for context only; the item feeds no number (no `supports`, cited by no measure). `entente evidence` lists it apart.',
      ),
    status: z
      .enum(REVIEW_STATUSES)
      .optional()
      .describe(
        '`proposed`: drafted by a tool and not yet reviewed; `accepted` (the default when absent).',
      ),
    supports: z
      .array(
        z
          .object({
            actor: Id.optional(),
            issue: Id.optional(),
            field: z.enum(EVIDENCE_FIELDS),
          })
          .strict(),
      )
      .optional()
      .describe('Which numbers this evidence supports.'),
  })
  .strict();

/** Per-actor data for the coalition question (a candidate, or any third party for `entente sides`). */
export const CoalitionParty = z
  .object({
    public: Id.optional().describe(
      "Id of the actor standing for this party's public: its opposition to a commitment is a cost of joining.",
    ),
    tradeWithRival: Measure.optional().describe(
      "Share of the party's exports that go to the rival, % (0-100): exposure to the rival's retaliation.",
    ),
    tradeWithLead: Measure.optional().describe(
      "Share of the party's exports that go to the lead, % (0-100): exposure if it sides with the rival.",
    ),
    distanceDiscount: Measure.optional().describe(
      'Share of its capability the party can bring to bear in the contest, 0-1 (loss of strength with distance). Default 1.',
    ),
  })
  .strict();

export const AllianceTie = z
  .object({
    between: z.tuple([Id, Id]).describe('The two actors bound by the tie, e.g. a defence pledge.'),
    strength: Measure.optional().describe('0-1; default 1 (a defence pledge).'),
    evidence: z.array(Id).optional().describe('Ids of `evidence` items that document the tie.'),
    note: z.string().optional(),
  })
  .strict();

/** A probability, share or 0–1 intensity of the commitment model. */
const Unit01 = Measure.describe(
  'A number in [0, 1] (a probability or share), or a measure of one.',
);

/** One rung of the commitment ladder a candidate chooses from (docs/spec/commitment.md §1). */
export const CommitmentLevel = z
  .object({
    id: Id,
    label: z.string().min(1),
    description: z.string().optional(),
    contribution: z
      .number()
      .describe(
        'Share of its capability the candidate adds to the coalition at this level, 0-1 (non-decreasing up the ladder).',
      ),
    exposure: z
      .number()
      .describe(
        "How exposed the candidate is at this level to the rival's retaliation, entrapment and its own public's judgement, 0-1 (non-decreasing).",
      ),
  })
  .strict();

/** Capability of one party on each named measure, e.g. { milex: …, cinc: … }. */
export const CapabilityMeasures = z
  .record(Id, Measure)
  .describe(
    'Capability on each named measure (e.g. `milex`, `cinc`, `naval`): a measure each, >= 0.',
  );

/** The terms of one candidate's commitment utility, each a measure with its evidence. */
export const CommitmentCandidate = z
  .object({
    current: Id.optional().describe(
      'Id of the level the candidate holds today (default: the lowest).',
    ),
    capability: CapabilityMeasures,
    security: Unit01.describe(
      "Security value of the lead's protection to the candidate, 0-1 (alliance dependence).",
    ),
    abandonment: Unit01.describe(
      'Probability the lead withdraws its protection if the candidate holds back entirely, 0-1 (Snyder 1984).',
    ),
    stake: Unit01.describe('Value to the candidate of the coalition prevailing, 0-1.'),
    tradeExposure: Unit01.describe("Share of the candidate's trade that is with the rival, 0-1."),
    coercion: Unit01.describe(
      "Expected coercion: probability times severity of the rival's economic retaliation against a committed member, 0-1.",
    ),
    localThreat: Unit01.describe(
      'Entrapment and local threat cost of full exposure (a threat at home, forces drawn away), 0-1.',
    ),
    publicSupport: Unit01.describe(
      "Share of the candidate's public supporting the commitment, 0-1, mapped from polls by the rule in its derivation.",
    ),
    publicDependence: Unit01.describe(
      "How far the government depends on its public's support (two-level game, Putnam 1988), 0-1.",
    ),
    note: z.string().optional(),
  })
  .strict();

/** A commitment candidate's eight 0–1 terms, in the schema's (and the parameter layout's) order. */
export const COMMITMENT_TERM_FIELDS = [
  'security',
  'abandonment',
  'stake',
  'tradeExposure',
  'coercion',
  'localThreat',
  'publicSupport',
  'publicDependence',
] as const;

/** Structural weights of the commitment utility's terms (docs/spec/commitment.md §2). */
export const CommitmentWeights = z
  .object({
    security: Measure.optional(),
    prevail: Measure.optional(),
    war: Measure.optional(),
    coercion: Measure.optional(),
    threat: Measure.optional(),
    domestic: Measure.optional(),
  })
  .strict()
  .describe('Weight of each term (>= 0; default 1).');

/** The commitment model: each candidate chooses how far to commit (docs/spec/commitment.md). */
export const Commitment = z
  .object({
    levels: z
      .array(CommitmentLevel)
      .min(2, 'a commitment scale needs at least 2 levels')
      .describe('The ordered commitment ladder, lowest first.'),
    joinLevel: Id.describe('Id of the lowest level that counts as joining the coalition.'),
    capabilityMeasure: Id.describe(
      'Which capability measure decides the chance the coalition prevails (a key of every `capability`).',
    ),
    credibility: Unit01.describe(
      'Probability the lead itself honours its commitment, 0-1 (Leeds 2003).',
    ),
    conflictRisk: Unit01.describe(
      'Probability that the contingency the coalition is for (e.g. an attack on Taiwan) arises within the horizon, 0-1: it scales the expected cost of war.',
    ),
    coercionSharing: z
      .boolean()
      .optional()
      .describe("True (default): the rival's coercion is spread over the committed members."),
    weights: CommitmentWeights.optional(),
    lead: z.object({ capability: CapabilityMeasures }).strict(),
    rival: z.object({ capability: CapabilityMeasures }).strict(),
    candidates: z
      .record(Id, CommitmentCandidate)
      .describe("Per candidate id (every one of the coalition's candidates): its terms."),
  })
  .strict();

export const Coalition = z
  .object({
    question: z.string().optional().describe('The coalition question in words.'),
    issue: Id.describe('Id of the issue on which the coalition is judged.'),
    lead: Id.describe('Id of the actor leading the coalition.'),
    rival: Id.describe('Id of the actor the coalition is formed against.'),
    candidates: z
      .array(Id)
      .min(1, 'at least one candidate')
      .max(20, 'at most 20 candidates (stability enumerates 2^k coalitions)')
      .describe('Ids of the actors that may join the lead.'),
    parties: z
      .record(Id, CoalitionParty)
      .optional()
      .describe('Per actor id: public, trade shares, distance discount.'),
    coefficients: z
      .object({
        tradeCost: Measure.optional().describe(
          'Utility cost of joining per unit share of exports to the opposing side (0-1 shares). Default 0.',
        ),
        publicWeight: Measure.optional().describe(
          "Weight of a party's public's utility loss in the party's own payoff. Default 0.",
        ),
        allianceValue: Measure.optional().describe(
          'Utility of an alliance tie with a side, added to the stake in choosing sides. Default 0.',
        ),
      })
      .strict()
      .optional()
      .describe('Coefficients of the payoffs (docs/coalitions.md), each a measure with evidence.'),
    allianceTies: z.array(AllianceTie).optional(),
    commitment: Commitment.optional().describe(
      "Each candidate's decision how far to commit (docs/spec/commitment.md).",
    ),
  })
  .strict()
  .describe('Optional: a coalition question (who joins the lead against the rival).');

/**
 * An input an actor could act on (docs/scenario-format.md, "Levers"): `entente levers` searches
 * only the inputs the scenario marks, and names who would have to act and how.
 */
export const LeverMark = z
  .object({
    path: z
      .string()
      .min(1, 'a path such as coalition.commitment.credibility')
      .describe(
        'A dot path naming inputs, list elements by id, `*` for every element: e.g. `coalition.commitment.credibility`, `actors.usa.stances.coalition.position`, `coalition.commitment.candidates.*.publicSupport`. A path to an actor, a stance or a candidate names every input under it.',
      ),
    by: z
      .array(Id)
      .min(1, 'at least one actor id')
      .optional()
      .describe(
        "Ids of the actors who would have to act. Default: each input's owner (the actor whose capability, position or salience it is; for the commitment terms the candidate, the lead for credibility and abandonment, the rival for coercion and conflict risk).",
      ),
    how: z.string().min(1).describe('How they would act, in words.'),
    evidence: z
      .array(Id)
      .optional()
      .describe('Ids of `evidence` items showing the action is open to them.'),
  })
  .strict();

export const Scenario = z
  .object({
    $schema: z.string().optional(),
    id: Id,
    title: z.string().min(1),
    question: z.string().min(1),
    asOf: IsoDate.describe('The date the scenario describes.'),
    description: z.string().optional(),
    sources: z.array(Source).default([]),
    issues: z.array(Issue).min(1, 'at least one issue'),
    actors: z.array(Actor),
    evidence: z.array(Evidence).default([]),
    notes: z.array(z.string()).optional(),
    coalition: Coalition.optional(),
    variants: Variants.optional(),
    levers: z
      .array(LeverMark)
      .optional()
      .describe(
        'The inputs an actor could act on, with who and how (`entente levers` searches only these).',
      ),
  })
  .strict();

export type MeasureValue = z.infer<typeof Measure>;
export type CapabilityValue = z.infer<typeof Capability>;
export type ScenarioSource = z.infer<typeof Source>;
export type ScenarioIssue = z.infer<typeof Issue>;
export type ScenarioActor = z.infer<typeof Actor>;
export type ScenarioEvidence = z.infer<typeof Evidence>;
export type ScenarioStance = z.infer<typeof Stance>;
export type ScenarioCoalition = z.infer<typeof Coalition>;
export type ScenarioCoalitionParty = z.infer<typeof CoalitionParty>;
export type ScenarioCommitment = z.infer<typeof Commitment>;
export type ScenarioCommitmentCandidate = z.infer<typeof CommitmentCandidate>;
export type ScenarioLeverMark = z.infer<typeof LeverMark>;
/** A parsed scenario. */
export type Scenario = z.infer<typeof Scenario>;
/** A scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<typeof Scenario>;

/** The point value of a measure. */
export function valueOf(m: MeasureValue | CapabilityValue): number {
  return typeof m === 'number' ? m : m.value;
}

/**
 * The range of a measure for draws and searches: [low, high], equal to the value when no range is
 * given, widened to hold the value when the analyst set it outside its evidence range (allowed,
 * with a warning: `scenarioWarnings`).
 */
export function rangeOf(m: MeasureValue | CapabilityValue): [number, number] {
  if (typeof m === 'number') return [m, m];
  return [Math.min(m.low ?? m.value, m.value), Math.max(m.high ?? m.value, m.value)];
}

/** Evidence ids cited directly on a measure. */
export function evidenceOf(m: MeasureValue | CapabilityValue | undefined): readonly string[] {
  return m === undefined || typeof m === 'number' ? [] : (m.evidence ?? []);
}

/** The JSON Schema of the scenario format, for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://entente.dev/schema/scenario.schema.json',
    title: 'Entente scenario',
    ...schema,
  };
}
