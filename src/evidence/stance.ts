/**
 * Stance statements: for each cue in a sentence (see `cues.ts`), its modifiers (negation, hedges,
 * intensifiers, comparison), whom it is about (its holder) and, for relational cues, its object.
 *
 * Holder rules, in order:
 * 1. a nominal cue followed by "of/from/by/among X" ("the reluctance of South Korean public
 *    opinion") → X;
 * 2. the nearest mention before the cue in its clause that is a subject, i.e. not after a
 *    preposition ("pressure from Washington"), not the object of a framing verb ("expects the US
 *    to"), not a possessive of something else ("Washington's main allies"), with its coordinated
 *    mentions ("Australia and the Philippines") → all of them;
 * 3. when the clause starts with a pronoun or a verb ("…, but insists on dialogue"), the same
 *    search in the clauses before it.
 * Sources (think tanks, media) never hold stances; a recommendation by a source ("Washington
 * should…", "It is better for Washington to…") is not the actor's stance and is dropped.
 */
import { type Clause, clauseAt, splitClauses } from './clauses.ts';
import {
  type CompiledCue,
  CONDITIONS,
  cueIndex,
  HEDGES,
  INTENSIFIERS,
  NOMINAL_CUES,
  NEAR_TOTAL,
  NEGATING_PAIRS,
  NEGATORS,
} from './cues.ts';
import type { Entity } from './gazetteer/gazetteer.ts';
import { ISSUE_NOUNS, PLAN_WORDS } from './issue.ts';
import { type Mention, OFFICIAL_NOUNS, PUBLIC_NOUNS } from './mentions.ts';
import type { Token } from './tokens.ts';

export type Direction = -1 | 0 | 1;

/** One reading of one actor's stance from one sentence. */
export interface CueReading {
  readonly holder: Mention;
  /** The cue as written ("more reluctant than any", "almost no desire"). */
  readonly cue: string;
  readonly kind: 'cue' | 'proponent' | 'target' | 'beneficiary';
  readonly direction: Direction;
  /** 0-1, after modifiers. */
  readonly strength: number;
  /** -1..+1: how much the words say the issue matters to the holder. */
  readonly salience: number;
  readonly negated: boolean;
  readonly hedges: readonly string[];
  readonly intensifiers: readonly string[];
  readonly comparison?: 'comparative' | 'superlative';
  /** Inside a concessive clause ("despite…"): conceded, not asserted. */
  readonly concessive: boolean;
  /** How sure the holder is (1 for a name, less for coreference and fallbacks). */
  readonly holderCertainty: number;
  /** For relational cues: the actor the cue is about and how that set the direction. */
  readonly object?: string;
  /** Support under a condition ("only if…"): read as hedging. */
  readonly conditional?: boolean;
  /** The same sentence says for and against of this holder: read as hedging. */
  readonly mixed?: boolean;
}

export interface IssueRoles {
  /** Entity ids of those who lead or propose the issue ("US-led", "Washington's plan"). */
  readonly proponents: ReadonlySet<string>;
  /** Entity ids of those the issue is aimed at ("a coalition against China"). */
  readonly targets: ReadonlySet<string>;
  /** The issue is a restriction (a ban, export controls): imposing one is for it. */
  readonly restriction?: boolean;
}

interface CueMatch {
  readonly cue: CompiledCue;
  readonly start: number;
  readonly end: number;
}

/** Finds cue phrases (longest first, no overlaps). */
export function matchCues(tokens: readonly Token[]): CueMatch[] {
  const index = cueIndex();
  const out: CueMatch[] = [];
  for (let i = 0; i < tokens.length;) {
    const candidates = index.get(tokens[i]!.norm) ?? [];
    const found = candidates.find(
      (c) =>
        c.words.every((w, k) => tokens[i + k]?.norm === w) &&
        (!c.spec.after || c.spec.after.includes(tokens[i - 1]?.norm ?? '')) &&
        !c.spec.notBefore?.includes(tokens[i + c.words.length]?.norm ?? ''),
    );
    if (found) {
      out.push({ cue: found, start: i, end: i + found.words.length });
      i += found.words.length;
    } else i++;
  }
  return out;
}

const PREPOSITIONS = new Set(
  'of with to from against between on over in for by toward towards at into than like about including among under behind via across after before since during until'.split(
    ' ',
  ),
);
const QUANTITY = new Set(
  'number majority many most some all group members part share percent cent'.split(' '),
);
/** Fifth round: what follows an organisation's name when its members, not it, act ("EU countries"). */
const MEMBER_NOUNS = new Set(
  'countries members member states nations governments capitals'.split(' '),
);
const ORGANISATION_KINDS = new Set(['bloc', 'alliance', 'body', 'court']);
/** Fifth round: verbs that end what they govern ("reversing decades of neutrality"). */
const ENDING_VERBS = new Set(
  'reverse reverses reversed reversing end ends ended ending abandon abandons abandoned abandoning drop drops dropped dropping shed sheds shedding renounce renounces renounced renouncing lift lifts lifted lifting withdraw withdraws withdrew withdrawn withdrawing freeze freezes froze frozen freezing halt halts halted halting suspend suspends suspended suspending'.split(
    ' ',
  ),
);
/** Words allowed between an ending verb and the cue it ends ("lifted its veto", "reversed its decision to join"). */
const ENDED_PHRASE = new Set(
  'its their his her the a an decades years of long longstanding standing old traditional own previous earlier formal official decision plan plans to -'.split(
    ' ',
  ),
);
/**
 * Fifth round: the index of a verb that ends the cue at `start` ("lifted its veto", "ended its
 * support", "reversing decades of neutrality"), or -1. Only a noun phrase of the cue may stand
 * between them ("withdrew from the talks in protest" ends nothing).
 */
function endedBy(tokens: readonly Token[], clause: Clause, start: number): number {
  for (let e = start - 1; e >= Math.max(clause.start, start - 5); e--) {
    if (ENDING_VERBS.has(tokens[e]!.norm)) return e;
    if (!ENDED_PHRASE.has(tokens[e]!.norm)) return -1;
  }
  return -1;
}
/** Fifth round: conjunctions that open a clause with its own subject ("as UN authorizes"). */
const SUBORDINATORS = new Set(
  'as when because after before since while whereas until once if'.split(' '),
);
/** Fifth round: participles of a frame in the passive ("was asked to join"). */
const PASSIVE_FRAMES = new Set(
  'asked urged invited called pressed pressured encouraged expected told requested forced obliged compelled'.split(
    ' ',
  ),
);
/** Fifth round: verbs of a stance fading ("support has waned"). */
const WANING = new Set(
  'waned wanes waning faded fades fading eroded erodes eroding evaporated dwindled dwindling ebbed diminished weakened cooled collapsed crumbled'.split(
    ' ',
  ),
);
/** Fifth round: the forms of "be" before a passive frame ("is expected to attend"). */
const BE_FORMS = new Set('is are was were be been being'.split(' '));
/** Fifth round: cues of joining, whose organisation object is what is joined ("join NATO"). */
const JOIN_WORDS =
  /^(?:join|joins|joined|joining|rejoin|rejoins|rejoined|membership|accession|accede|accedes|acceded)$/;
const OBJECT_VERBS = new Set(
  'advise advises advised warn warns warned pressure pressures pressured pressuring request requests requested push pushes pushed urge urges urged urging ask asks asked expect expects expected want wants wanted press presses pressed invite invites invited tell tells told encourage encourages encouraged persuade allow allows let help helps called calls call on'.split(
    ' ',
  ),
);
const PRONOUN_OR_VERB = new Set(
  'it they he she its their has have had is are was were will would can could may might should insists insisted says said wants also still now then instead only refuses refused says'.split(
    ' ',
  ),
);
const VERBISH = new Set(
  'is are was were has have had will would can could should do does did that which who'.split(' '),
);
const DEONTIC = new Set(['should', 'ought', 'must']);
const POSSESSIVE_DETERMINERS = new Set(['its', 'their', 'his', 'her', 'our']);
/** Hedges that qualify a clause, not a word: left out of the cue's words. */
const CLAUSE_HEDGES = new Set([
  'hinted',
  'if',
  'whether',
  'condition',
  'circumstances',
  'principle',
]);

function prevWord(tokens: readonly Token[], m: Mention): number {
  let k = m.tokenStart - 1;
  if (tokens[k]?.norm === 'the') k--;
  return k;
}

/** True when the mention cannot be the subject of a clause. */
const DECISION_NOUNS = new Set(
  'decision refusal reluctance choice move position stance willingness commitment offer'.split(' '),
);
/** Token indexes right after each cue of the sentence being read (set by `readStances`). */
let cueEnds: ReadonlySet<number> = new Set();

/**
 * Nouns of a relation to a state ("US allies", "China's partners", "Washington's allies"): the
 * state before them only modifies them, the related states hold what follows.
 */
export const RELATION_NOUNS = new Set([
  'ally',
  'allies',
  'partner',
  'partners',
  'neighbour',
  'neighbours',
  'neighbor',
  'neighbors',
  'rival',
  'rivals',
  'adversary',
  'adversaries',
  'critics',
  'backers',
  'proxies',
  'friends',
  'enemies',
]);

function blocked(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  m: Mention,
  cueStart: number,
): boolean {
  const k = prevWord(tokens, m);
  const w = tokens[k]?.norm ?? '';
  // "pro-Taiwan", "anti-China": a modifier, never a subject.
  if (
    tokens[m.tokenStart - 1]?.norm === '-' &&
    ['pro', 'anti'].includes(tokens[m.tokenStart - 2]?.norm ?? '')
  )
    return true;
  // "As for Germany, …": the topic is the subject.
  if (w === 'for' && tokens[k - 1]?.norm === 'as') return false;
  // Fifth round: "along with China and Russia, abstained": a co-subject, not an object.
  if (w === 'with' && ['along', 'together'].includes(tokens[k - 1]?.norm ?? '')) return false;
  // "angry with Germany's decision not to join": the possessor holds the decision; fifth round:
  // also a nominal cue right after a judging verb ("welcomed Peru's withdrawal").
  if (m.possessive && DECISION_NOUNS.has(tokens[m.tokenEnd]?.norm ?? '')) return false;
  if (m.possessive && NOMINAL_CUES.has(m.head?.split(' ')[0] ?? '')) return false;
  // The object of a cue ("has not condemned Russia … nor joined") is not the subject of the next.
  if (cueEnds.has(k + 1) || cueEnds.has(m.tokenStart)) return true;
  if (PREPOSITIONS.has(w)) {
    // "officials from X", "governments in X", "a number of X", "the people of X" act as X.
    const before = tokens[k - 1]?.norm ?? '';
    if (
      (w === 'of' || w === 'from' || w === 'in') &&
      (OFFICIAL_NOUNS.has(before) ||
        QUANTITY.has(before) ||
        PUBLIC_NOUNS.has(before) ||
        before === 'mediators')
    )
      return false;
    return true;
  }
  if (OBJECT_VERBS.has(w) || (w === 'on' && OBJECT_VERBS.has(tokens[k - 1]?.norm ?? '')))
    return true;
  // Fourth round: the object of a gerund ("avoided criticising either Beijing or Washington").
  const gerund = ['either', 'neither', 'both'].includes(w) ? (tokens[k - 1]?.norm ?? '') : w;
  if (
    /^\p{L}{3,}ing$/u.test(gerund) &&
    !/^(?:during|according|including|notwithstanding)$/.test(gerund)
  )
    return true;
  // A modifier, not a subject: "the US plan", "a US-led coalition", "US allies" (the allies hold
  // the cue, not the US: "US allies reluctant on Red Sea force").
  const next = tokens[m.tokenEnd]?.norm ?? '';
  // Fifth round: "EU countries can't agree", "NATO members": the members act, not the organisation.
  if (!m.possessive && ORGANISATION_KINDS.has(m.entity.kind) && MEMBER_NOUNS.has(next)) return true;
  if (
    !m.possessive &&
    (PLAN_WORDS.has(next) ||
      RELATION_NOUNS.has(next) ||
      ISSUE_NOUNS.has(next) ||
      (next === '-' &&
        /^(?:led|backed|brokered|sponsored)$/.test(tokens[m.tokenEnd + 1]?.norm ?? '')))
  )
    return true;
  // Coordination: "between the US and China" blocks China too.
  if (w === 'and' || w === 'or' || w === ',') {
    // A list ("the US, South Korea and Japan"), not a frame ("According to Quincy, South Korea is").
    const prev = mentions.find((x) => x.tokenEnd === k && isParty(x));
    const listGoesOn = w !== ',' || ['and', 'or', ','].includes(tokens[m.tokenEnd]?.norm ?? '');
    if (prev && listGoesOn) return blocked(tokens, mentions, prev, cueStart);
  }
  if (m.possessive) {
    // "South Korea's disagreement": the possessive holds a nominal cue; "Seoul's alliance … is" does not.
    const between = tokens.slice(m.tokenEnd + 1, cueStart);
    const nominal = between.length <= 8 && !between.some((t) => VERBISH.has(t.norm));
    // The head noun: the first word of the phrase that is not a modifier ("new prime minister" → minister).
    const head = (m.head?.split(' ') ?? []).filter(
      (h) =>
        ![
          'new',
          'prime',
          'foreign',
          'senior',
          'former',
          'top',
          'chief',
          'incoming',
          'outgoing',
          'acting',
          'deputy',
        ].includes(h),
    );
    const official =
      head.length > 0 && (OFFICIAL_NOUNS.has(head[0]!) || PUBLIC_NOUNS.has(head[0]!));
    if (!nominal && !official) return true;
  }
  return false;
}

/** The mention and those coordinated with it before ("Russia and China", "Japan, Korea and the Philippines"). */
function withCoordinated(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  m: Mention,
  clauseStart: number,
  cueStart: number,
): Mention[] {
  const group = [m];
  let cur = m;
  let sawAnd = false;
  for (;;) {
    const k = prevWord(tokens, cur);
    const w = tokens[k]?.norm;
    if (w !== 'and' && w !== ',') break;
    // "X, Y": a list only once an "and" has been seen ("X, Y and Z"), else a frame or an apposition.
    if (w === ',' && !sawAnd) break;
    let j = k;
    if (w === 'and' && tokens[k - 1]?.norm === ',') j = k - 1;
    const prev = mentions.find((x) => (x.tokenEnd === j || x.tokenEnd === k) && isParty(x));
    if (
      !prev ||
      prev.possessive ||
      prev.tokenStart < clauseStart ||
      blocked(tokens, mentions, prev, cueStart)
    )
      break;
    if (w === 'and') sawAnd = true;
    group.unshift(prev);
    cur = prev;
  }
  return group;
}

function isParty(m: Mention): boolean {
  return m.entity.role === 'party';
}

/** Prepositions that introduce a cue's object ("concerned about China", "support for Kyiv"). */
const OBJECT_PREPOSITIONS = new Set(
  // Fifth round: "of" too ("wary of China", "critical of Beijing"); a nominal cue's "of X" names
  // its holder first (rule 1 of `findHolders`), which is then not its object.
  'about over at with toward towards to for against on of'.split(' '),
);

/** "the US plan", "a US-led coalition": a mention that modifies a noun, not an object. */
function isModifier(tokens: readonly Token[], m: Mention): boolean {
  const next = tokens[m.tokenEnd]?.norm ?? '';
  return (
    PLAN_WORDS.has(next) ||
    ISSUE_NOUNS.has(next) ||
    (next === '-' && /^(?:led|backed|brokered|sponsored)$/.test(tokens[m.tokenEnd + 1]?.norm ?? ''))
  );
}

/** Verbs of a purpose that serves the holder itself ("to protect its shipping interests"). */
const SELF_PURPOSE_VERBS = new Set(
  'protect protects protecting defend defends defending safeguard safeguards safeguarding preserve preserves preserving secure securing maintain maintains maintaining'.split(
    ' ',
  ),
);
/** What a holder protects for itself: its interests, rights, market, shipping. */
const OWN_STAKES = new Set(['interests', 'interest', 'rights', 'shipping', 'market', 'markets']);
/** Nouns before "concerns", "fears" that name their topic ("security concerns"). */
const TOPIC_NOUNS = new Set(
  'security safety economic economy health privacy environmental humanitarian energy trade financial legal technical cyber'.split(
    ' ',
  ),
);
const TEMPORAL = new Set(['after', 'before', 'since', 'upon']);
/** Nouns of a held position ("its stance", "China's claims"). */
const POSITION_NOUNS = new Set(
  'stance stances position positions view views claim claims line narrative'.split(' '),
);

/**
 * Fourth round, object-aware polarity: false when the cue at [start, end) is plainly about
 * something other than the issue, so its direction says nothing about it:
 * - a for-cue whose purpose is the holder's own stake ("pledges to defend its interests", "would
 *   send a frigate to protect Italian shipping", "vowing to safeguard its rights and interests");
 * - a cue inside a temporal adjunct ("four years after signing", "before joining"): it dates
 *   another act, it does not say where the holder stands now;
 * - a worry named by its topic ("security concerns", "economic fears"): about that topic;
 * - "allow" whose object is neither the holder's own (its airspace, itself) nor an issue noun
 *   ("no longer allow Huawei to access its network"): a restriction on a third party.
 */
function aboutTheIssue(
  tokens: readonly Token[],
  clause: Clause,
  start: number,
  end: number,
  direction: Direction,
  mentions: readonly Mention[],
  holders: readonly Mention[],
  roles: IssueRoles,
): boolean {
  if (direction === 1) {
    for (let i = start; i < Math.min(clause.end, end + 8); i++) {
      if (!SELF_PURPOSE_VERBS.has(tokens[i]!.norm)) continue;
      if (i > start && tokens[i - 1]?.norm !== 'to') continue;
      if (tokens.slice(i + 1, i + 6).some((t) => OWN_STAKES.has(t.norm))) return false;
    }
  }
  if (TEMPORAL.has(tokens[start - 1]?.norm ?? '') && /ing$/.test(tokens[start]!.norm)) return false;
  // "will not allow its airspace to be used" lends the holder's own to the issue; "no longer
  // allow Huawei to access its network" restricts a third party: not about the issue.
  if (/^(?:allow|allows|allowed|permit|permits|permitted)$/.test(tokens[start]!.norm)) {
    let k = end;
    if (tokens[k]?.norm === 'the') k++;
    const obj = tokens.slice(k, k + 3).map((t) => t.norm);
    const own =
      POSSESSIVE_DETERMINERS.has(obj[0] ?? '') ||
      obj[0] === 'itself' ||
      mentions.some((m) => m.tokenStart === k && holders.some((h) => h.entity.id === m.entity.id));
    if (!own && !obj.some((w) => ISSUE_NOUNS.has(w))) return false;
  }
  // Fifth round: a cue whose object is someone's position ("thanked Cambodia for supporting its
  // stance", "backed Beijing's claims") is about that actor's position, not the issue.
  {
    let k = end;
    if (tokens[k]?.norm === 'the') k++;
    const owner = mentions.find((m) => m.tokenStart === k && m.possessive);
    const after = owner
      ? owner.tokenEnd
      : POSSESSIVE_DETERMINERS.has(tokens[k]?.norm ?? '')
        ? k + 1
        : -1;
    if (
      after >= 0 &&
      tokens.slice(after, after + 3).some((t) => POSITION_NOUNS.has(t.norm)) &&
      !(owner && roles.proponents.has(owner.entity.id))
    )
      return false;
  }
  if (
    direction === -1 &&
    /^(?:concerns?|fears?|worries)$/.test(tokens[start]!.norm) &&
    TOPIC_NOUNS.has(tokens[start - 1]?.norm ?? '')
  )
    return false;
  return true;
}

/** "cautious in deciding whether…", "hesitant to decide": an open question right after the cue. */
function undecided(tokens: readonly Token[], clause: Clause, end: number): boolean {
  return tokens.slice(end, Math.min(clause.end, end + 4)).some(
    (t, j) =>
      /^(?:whether|decide|deciding)$/.test(t.norm) ||
      // Fifth round: "a decision on…" is open; "the EU's decision", "its decision" is taken, and
      // is what the cue is about ("strong opposition to the EU's decision").
      (t.norm === 'decision' && ['a', 'any', 'no'].includes(tokens[end + j - 1]?.norm ?? '')),
  );
}

const TALKS = new Set(['talks', 'negotiations', 'discussions', 'consultations', 'dialogue']);
/** "participation in the talks", "agreed to join talks on…": the object is the talks. */
function aboutTalks(tokens: readonly Token[], clause: Clause, end: number): boolean {
  const after = tokens.slice(end, Math.min(clause.end, end + 8)).map((t) => t.norm);
  const k = after.findIndex((w) => TALKS.has(w));
  if (k < 0) return false;
  // Only the talks themselves as the object: "in/to/into/on (the) talks", not "after talks".
  const before = after.slice(Math.max(0, k - 2), k).filter((w) => w !== 'the');
  return before.length > 0 && ['in', 'to', 'into', 'join', 'joining'].includes(before.at(-1)!);
}

/** Who holds the cue at [start, end). */
function findHolders(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  clauses: readonly Clause[],
  start: number,
  end: number,
  relational: boolean,
): { holders: Mention[]; certainty: number; firstPerson?: boolean } {
  // 1. "the reluctance of X", "opposition from X", "support among X".
  const nominal = NOMINAL_CUES.has(tokens[end - 1]?.norm ?? '');
  // "its support of the task force": after a possessive determiner, "of" gives the object.
  const owned = POSSESSIVE_DETERMINERS.has(tokens[end - 2]?.norm ?? '');
  const byWord =
    nominal &&
    !(owned && tokens[end]?.norm === 'of') &&
    ['of', 'from', 'by', 'among'].includes(tokens[end]?.norm ?? '')
      ? end + 1
      : -1;
  // Fifth round: "there were five abstentions: Brazil, China and India" — the list after a
  // colon names the holders.
  if (nominal && !relational && tokens[end]?.norm === ':') {
    const list: Mention[] = [];
    for (let i = end + 1; i < tokens.length; i++) {
      const m = mentions.find((x) => x.tokenStart === i && isParty(x) && !x.possessive);
      if (m) {
        list.push(m);
        i = m.tokenEnd - 1;
      } else if (![',', 'and', 'the'].includes(tokens[i]!.norm)) break;
    }
    if (list.length > 0 && list.length === new Set(list.map((m) => m.entity.id)).size)
      return { holders: list, certainty: 0.9 * Math.min(...list.map((m) => m.certainty)) };
  }
  if (byWord >= 0 && !relational) {
    // The holder is named right there, or is not an actor ("opposition among its allies").
    const skip = tokens[byWord]?.norm === 'the' ? byWord + 1 : byWord;
    const after = mentions.find(
      (m) => m.tokenStart >= byWord && m.tokenStart <= skip + 2 && isParty(m),
    );
    return after
      ? { holders: [after], certainty: 0.9 * after.certainty }
      : { holders: [], certainty: 0 };
  }
  // 2. The nearest subject before the cue in its clause.
  const clauseIndex = clauses.indexOf(clauseAt(clauses, start));
  // Fifth round: a cue inside a relative clause ("wanted the ruling, which denied China's
  // claims") belongs to the relative pronoun's antecedent. When the antecedent is not an actor
  // (the ruling), nobody outside the relative clause holds it.
  const own = clauses[clauseIndex]!;
  let rel = -1;
  for (let i = start - 1; i >= own.start; i--) {
    if (tokens[i]!.norm === ',' || tokens[i]!.norm === ';') break;
    if (['which', 'who', 'whom'].includes(tokens[i]!.norm)) {
      rel = i;
      break;
    }
  }
  const antecedentEnd = rel >= 0 ? (tokens[rel - 1]?.norm === ',' ? rel - 1 : rel) : -1;
  for (let c = clauseIndex; c >= 0; c--) {
    const clause = clauses[c]!;
    const limit = c === clauseIndex ? start : clause.end;
    const before = mentions.filter(
      (m) => m.tokenStart >= clause.start && m.tokenEnd <= limit && isParty(m),
    );
    for (let k = before.length - 1; k >= 0; k--) {
      const m = before[k]!;
      if (rel >= 0 && m.tokenStart < rel && m.tokenEnd !== antecedentEnd)
        return { holders: [], certainty: 0 };
      // Fifth round: "… in relation to President Putin and we ourselves are still discussing":
      // a first-person subject between the mention and the cue is the subject, not the mention.
      if (tokens.slice(m.tokenEnd, start).some((t) => t.norm === 'we' || t.text === 'I'))
        return { holders: [], certainty: 0, firstPerson: true };
      // "the case for India, which is unlikely to join": the antecedent of a relative clause.
      const relative =
        tokens[m.tokenEnd]?.norm === ',' &&
        ['which', 'who'].includes(tokens[m.tokenEnd + 1]?.norm ?? '') &&
        !tokens.slice(m.tokenEnd + 2, start).some((t) => t.norm === ',');
      if (!relative && blocked(tokens, mentions, m, start)) continue;
      // Plural coreference ("the three juntas") gives several mentions on the same words.
      const same = before.filter(
        (x) => x !== m && x.tokenStart === m.tokenStart && x.tokenEnd === m.tokenEnd,
      );
      const group = [
        ...withCoordinated(tokens, mentions, m, clause.start, start).filter(isParty),
        ...same,
      ];
      const certainty = Math.min(...group.map((g) => g.certainty)) * (c === clauseIndex ? 1 : 0.7);
      return { holders: group, certainty };
    }
    // 3. Go back a clause only when this one has no subject of its own.
    const first = tokens
      .slice(clause.start + (clause.opener ? 1 : 0))
      .find((t) => t.norm !== 'that' && t.norm !== ',');
    if (!first || !PRONOUN_OR_VERB.has(first.norm)) break;
  }
  return { holders: [], certainty: 0 };
}

/** Modifiers of the cue at [start, end) within its clause. */
function modifiers(
  tokens: readonly Token[],
  clause: Clause,
  start: number,
  end: number,
  floor: number,
  scope?: readonly boolean[],
) {
  const from = Math.max(clause.start, floor, start - 6);
  const window = tokens.slice(from, start).map((t) => t.norm);
  const after = tokens.slice(end, Math.min(clause.end, end + 3)).map((t) => t.norm);
  const near = tokens.slice(Math.max(from, start - 4), start).map((t) => t.norm);
  let negated = false;
  let nearTotal = false;
  const nearFrom = Math.max(from, start - 4);
  const negators: number[] = [];
  near.forEach((w, i) => {
    // "without" negates only the word after it ("without statehood").
    const isNeg =
      ((NEGATORS.has(w) || /n't$/.test(w)) &&
        near[i + 1] !== 'only' &&
        (w !== 'without' || i === near.length - 1)) ||
      // Fifth round: "little interest in", "scant support" (not "a little"); "failed to ratify".
      (/^(?:little|scant)$/.test(w) &&
        near[i - 1] !== 'a' &&
        tokens[nearFrom + i - 1]?.norm !== 'a') ||
      (/^(?:fail|fails|failed|failing)$/.test(w) && near[i + 1] === 'to');
    if (isNeg) {
      negated = true;
      negators.push(nearFrom + i);
      if (NEAR_TOTAL.has(near[i - 1] ?? '')) nearTotal = true;
    }
  });
  for (const [a, b] of NEGATING_PAIRS) {
    for (let i = 0; i + 1 < window.length; i++)
      if (window[i] === a && window[i + 1] === b) {
        negated = true;
        negators.push(from + i);
      }
  }
  if (scope) negated = scope.slice(start, end).some(Boolean);
  const hedges = [...window, ...after].filter((w) => HEDGES.has(w));
  const intensifiers = tokens
    .slice(Math.max(from, start - 3), start)
    .map((t) => t.norm)
    .filter((w) => INTENSIFIERS.has(w));
  let comparison: 'comparative' | 'superlative' | undefined;
  const prev2 = tokens.slice(Math.max(from, start - 2), start).map((t) => t.norm);
  const next6 = tokens.slice(end, end + 6).map((t) => t.norm);
  if (prev2.includes('most')) comparison = 'superlative';
  else if (prev2.includes('more')) {
    const than = next6.indexOf('than');
    comparison =
      than >= 0 && ['any', 'all', 'every', 'anyone'].includes(next6[than + 1] ?? '')
        ? 'superlative'
        : 'comparative';
  }
  const weaker = prev2.includes('less');
  return { negated, nearTotal, hedges, intensifiers, comparison, weaker, negators };
}

export interface SentenceInput {
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  /** The entity that says this sentence (its own speaker or inherited), if any. */
  readonly speaker?: Entity;
  /** The sentence's own speaker ("Moscow called it…"), if any. */
  readonly speakerMention?: Mention;
  /** Hedge from the reporting verb ("hinted"). */
  readonly reportingHedge?: number;
  /** Per token: inside a negation's scope (from an NLP package); absent: the four-word window. */
  readonly negationScope?: readonly boolean[];
}

const capitalised = (t: Token | undefined) => t !== undefined && /^\p{Lu}\p{Ll}/u.test(t.text);

/** A headline in title case ("US Allies Reluctant to Join…"): most longer words capitalised. */
function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text));
  return words.length > 0 && words.filter(capitalised).length / words.length > 0.6;
}

/**
 * The cue at [start, end) is written capitalised, not at the start of its sentence, next to
 * another capitalised word: part of a name ("Defense Cooperation Agreement", "Operation
 * Prosperity Guardian").
 */
function insideName(tokens: readonly Token[], start: number, end: number): boolean {
  if (start === 0 || !capitalised(tokens[start])) return false;
  if (/^["“‘'(]$/.test(tokens[start - 1]!.text)) return false;
  return capitalised(tokens[start - 1]) || capitalised(tokens[end]);
}

/** Reads the stance cues of one sentence. */
export function readStances(s: SentenceInput, roles: IssueRoles): CueReading[] {
  const { tokens, mentions } = s;
  const clauses = splitClauses(tokens);
  const cues = matchCues(tokens);
  cueEnds = new Set(cues.map((c) => c.end));
  const titleCase = isTitleCase(tokens);
  const out: CueReading[] = [];
  const starts: number[] = [];
  /** Negators read as negating a cue that gave a reading (the rest may contradict a "for"). */
  const used = new Set<number>();
  // Fifth round: a passive frame ("Putin, who is expected to attend", "Japan was urged to join")
  // is someone else's wish or forecast about the subject, not the subject's: it and the cue it
  // frames are dropped.
  const passive = new Set<number>();
  cues.forEach((c, ci) => {
    if (!c.cue.spec.frame) return;
    const b1 = tokens[c.start - 1]?.norm ?? '';
    const b2 = tokens[c.start - 2]?.norm ?? '';
    // "is under pressure to join": the pressure is on the subject.
    const under = b1 === 'under';
    if (!under && !/ed$/.test(tokens[c.start]!.norm)) return;
    if (!under && !BE_FORMS.has(b1) && !(/ly$/.test(b1) && BE_FORMS.has(b2))) return;
    passive.add(ci);
    const n = cues[ci + 1];
    if (n && n.start - c.end <= 10 && clauseAt(clauses, n.start) === clauseAt(clauses, c.start))
      passive.add(ci + 1);
  });
  cues.forEach((c, ci) => {
    const clause = clauseAt(clauses, c.start);
    const next = cues[ci + 1];
    if (passive.has(ci)) return;
    // Fifth round: "Japan was asked to join", "is being urged to take part": a wish of others.
    {
      const p = tokens[c.start - 2]?.norm ?? '';
      const b1 = tokens[c.start - 3]?.norm ?? '';
      const b2 = tokens[c.start - 4]?.norm ?? '';
      if (
        tokens[c.start - 1]?.norm === 'to' &&
        PASSIVE_FRAMES.has(p) &&
        (BE_FORMS.has(b1) || (/ly$/.test(b1) && BE_FORMS.has(b2)))
      )
        return;
    }
    // Fifth round: a hedge that is ended ("reversing decades of neutrality", "abandoned its
    // non-alignment") is no longer held, and the verb that ends it says nothing about the issue.
    // So is any other cue so ended: "lifted its veto" and "dropped its objections" are for,
    // "ended its support" and "reversed its decision to join" against (read below).
    const ender = endedBy(tokens, clause, c.start);
    if (c.cue.spec.direction === 0 && ender >= 0) return;
    if (
      next &&
      c.end <= next.start &&
      endedBy(tokens, clause, next.start) >= c.start &&
      endedBy(tokens, clause, next.start) < c.end
    )
      return;
    // "wants to maintain a balance": the framed cue says the direction.
    if (
      c.cue.spec.frame &&
      next &&
      next.start - c.end <= 10 &&
      clauseAt(clauses, next.start) === clause &&
      !next.cue.spec.frame &&
      // Fifth round: "wanted the ruling, which denied…": the relative clause is not framed.
      !tokens.slice(c.end, next.start).some((t) => ['which', 'who'].includes(t.norm))
    )
      return;
    // A restriction is a stance only where the issue is one ("announced the ban").
    if (c.cue.spec.restriction && !roles.restriction) return;
    // "pressuring Rome to abandon the pact": counts only through the cue it frames (above).
    if (c.cue.spec.frameOnly) return;
    // "refused to sign", "ruled out German participation", "noncommittal on sending troops":
    // the first cue carries.
    const prev = cues[ci - 1];
    if (prev && prev.cue.spec.negatesNext && c.start - prev.end <= 3) return;
    // Fifth round: "opposed quitting the pact", "rejected calls to withdraw": the leaving is the
    // object of the refusal, which carries (as for below).
    if (
      prev &&
      c.cue.spec.leaving &&
      prev.cue.spec.direction === -1 &&
      !prev.cue.spec.evaluative &&
      c.start - prev.end <= 3 &&
      clauseAt(clauses, prev.start) === clause
    )
      return;
    // Fifth round: an against-cue whose object is another against-cue ("rejected criticism of the
    // plan", "distanced itself from Peru's opposition to it") is a double negative: abstain. Not
    // across a conjunction, a comma, "in/as" (an adjunct: "withdrew … in protest") or the issue's
    // own noun, which is then the object.
    if (
      c.cue.spec.direction === -1 &&
      !c.cue.spec.evaluative &&
      !c.cue.spec.evaluates &&
      next !== undefined &&
      next.cue.spec.direction === -1 &&
      !next.cue.spec.leaving &&
      next.start - c.end <= 3 &&
      clauseAt(clauses, next.start) === clause &&
      !tokens
        .slice(c.end, next.start)
        .some(
          (t) =>
            ['and', 'or', ',', ';', 'in', 'as', 'after'].includes(t.norm) ||
            ISSUE_NOUNS.has(t.norm) ||
            PLAN_WORDS.has(t.norm),
        )
    )
      return;
    // Refusing or opposing the leaving is for.
    const refusesLeaving =
      c.cue.spec.direction === -1 &&
      !c.cue.spec.evaluative &&
      next !== undefined &&
      next.cue.spec.leaving === true &&
      next.start - c.end <= 3 &&
      clauseAt(clauses, next.start) === clause;
    if (
      prev &&
      prev.cue.spec.direction !== 1 &&
      !prev.cue.spec.frame &&
      ender < 0 &&
      c.cue.spec.direction === 1 &&
      c.start - prev.end <= 3 &&
      clauseAt(clauses, prev.start) === clause &&
      // Fifth round: "Germany Hesitates as UN Authorizes…": a conjunction and a new subject
      // start another clause, which the refusal does not carry.
      !tokens
        .slice(prev.end, c.start)
        .some(
          (t, j) =>
            SUBORDINATORS.has(t.norm) &&
            mentions.some((m) => m.tokenStart === prev.end + j + 1 && isParty(m)),
        )
    )
      return;
    // "supports a balance of power": the hedging cue it frames says the direction.
    if (
      c.cue.spec.direction === 1 &&
      next &&
      next.cue.spec.direction === 0 &&
      next.start - c.end <= 3 &&
      clauseAt(clauses, next.start) === clause
    )
      return;
    // "the coalition of the willing": a name, not a stance.
    if (
      tokens[c.start - 1]?.norm === 'the' &&
      c.end - c.start === 1 &&
      c.cue.spec.direction === 1 &&
      /(?:ing|ed)$/.test(tokens[c.start]!.norm) &&
      tokens[c.start - 2]?.norm === 'of'
    )
      return;
    // A cue that needs an object ("avoid joining", not "avoid citing scenarios").
    if (c.cue.spec.needsObject && !c.cue.spec.relational) {
      const follows =
        (next && next.start - c.end <= 3) ||
        tokens.slice(c.end, c.end + 5).some((t) => ISSUE_NOUNS.has(t.norm));
      if (!follows) return;
    }
    // "more willing to cooperate": one statement, not two.
    if (
      prev &&
      c.start - prev.end <= 2 &&
      prev.cue.spec.direction === c.cue.spec.direction &&
      !prev.cue.spec.frame
    )
      return;
    // A cue inside a mention ("Alliance of Sahel States") is a name, not a stance.
    if (mentions.some((m) => c.start >= m.tokenStart && c.start < m.tokenEnd)) return;
    // A capitalised cue inside a capitalised phrase of a sentence that is not in title case
    // ("the Enhanced Defense Cooperation Agreement") is part of a name, not a stance.
    if (!titleCase && insideName(tokens, c.start, c.end)) return;
    const found = findHolders(
      tokens,
      mentions,
      clauses,
      c.start,
      c.end,
      c.cue.spec.relational === true,
    );
    let { holders, certainty } = found;
    // Fifth round: "we" said by a state's leader or official ("…, Ramaphosa said") is that state.
    const sp0 = s.speakerMention;
    if (found.firstPerson && sp0 && sp0.entity.role === 'party' && sp0.entity.kind === 'state') {
      holders = [sp0];
      certainty = sp0.certainty * 0.8;
    }
    if (c.cue.spec.evaluative) {
      // An evaluation is the speaker's: "Moscow called it “a destructive step”".
      const sp = s.speakerMention;
      if (!sp || sp.entity.role !== 'party') return;
      holders = [sp];
      certainty = sp.certainty * 0.9;
    }
    if (holders.length === 0) return;
    // "reluctant to join", "hesitant to participate": the infinitive belongs to the cue before it.
    if (
      prev &&
      tokens[c.start - 1]?.norm === 'to' &&
      clauseAt(clauses, prev.start) === clause &&
      !prev.cue.spec.frame &&
      // "commitment to neutrality": the for-cue gave way to the hedging cue it frames (above).
      !(prev.cue.spec.direction === 1 && c.cue.spec.direction === 0 && c.start - prev.end <= 3)
    )
      return;
    // A source's recommendation ("Washington should…", "better for Washington to…") is not a stance.
    const recommended = (h: Mention) =>
      tokens.slice(h.tokenEnd, h.tokenEnd + 2).some((t) => DEONTIC.has(t.norm)) ||
      (tokens[h.tokenStart - 1]?.norm === 'for' &&
        ['better', 'time'].includes(tokens[h.tokenStart - 2]?.norm ?? ''));
    if (s.speaker?.role === 'source' && holders.some(recommended)) return;
    // Fourth round: "X should…" said by anyone but X (a spokesman of another state, the writer) is
    // a wish about X, not X's stance; X's own officials saying it ("Seoul's minister said") keep it.
    if (holders.some(recommended) && !holders.every((h) => h.entity.id === s.speaker?.id)) return;
    // Fourth round, object-aware: what the cue is about, when that is plainly not the issue.
    if (
      !aboutTheIssue(tokens, clause, c.start, c.end, c.cue.spec.direction, mentions, holders, roles)
    )
      return;
    // "…, while Takaichi refused, saying…": a refusal or denial with nothing after it in its
    // clause refuses something we cannot see (a demand, a request) — not the issue.
    if (c.cue.spec.negatesNext && c.cue.spec.direction < 0) {
      const nextWord = tokens[c.end]?.norm;
      if (nextWord === undefined || /^[,.;:!?)]$/.test(nextWord) || c.end >= clause.end) return;
    }
    const floor = prev ? prev.end : 0;
    const mod = modifiers(tokens, clause, c.start, c.end, floor, s.negationScope);
    // "less reluctant than Seoul": a relative statement, which places the holder on neither side.
    if (mod.weaker && tokens.slice(c.end, c.end + 6).some((t) => t.norm === 'than')) return;
    let direction: Direction = refusesLeaving ? 1 : c.cue.spec.direction;
    let strength = refusesLeaving ? 0.5 : c.cue.spec.strength;
    let object: string | undefined;
    if (c.cue.spec.relational) {
      const obj = mentions.find(
        (m) => m.tokenStart >= c.end && m.tokenStart <= c.end + 4 && isParty(m),
      );
      if (obj) {
        if (roles.targets.has(obj.entity.id)) {
          direction = (-direction || 0) as Direction;
          object = `${obj.entity.name} (the target)`;
        } else if (roles.proponents.has(obj.entity.id))
          object = `${obj.entity.name} (the proponent)`;
        else return;
      }
    }
    // "concerned about China's expansion", "alarmed over Russia": an against-cue whose object is
    // another actor is about that actor — against the issue only when that actor proposes it, for
    // it when the actor is the issue's target, and not about the issue otherwise.
    if (!c.cue.spec.relational && !object) {
      let k = c.end;
      let objectWords: readonly string[] = c.cue.words;
      // Fifth round: "pledged support for China": the cue merged into this one (same direction,
      // right after it: "more willing to cooperate") ends where the object starts.
      {
        const n = cues[ci + 1];
        if (
          n &&
          n.start - c.end <= 2 &&
          n.cue.spec.direction === c.cue.spec.direction &&
          !c.cue.spec.frame &&
          clauseAt(clauses, n.start) === clause
        ) {
          k = n.end;
          objectWords = [...c.cue.words, ...n.cue.words];
        }
      }
      if (tokens[k]?.norm === 'the') k++;
      const preposition = OBJECT_PREPOSITIONS.has(tokens[k]?.norm ?? '') ? tokens[k]!.norm : '';
      if (preposition) k++;
      if (tokens[k]?.norm === 'the') k++;
      {
        const obj = mentions.find(
          (m) =>
            m.tokenStart === k &&
            isParty(m) &&
            !isModifier(tokens, m) &&
            // Fifth round: "condemned China's aggression" is about China when China has a role
            // in the issue (the target, the proponent) and what follows is not an act of China
            // ("welcomed China's decision to…", judged below); another actor's possessive
            // ("withdraw from China's pact", "support Sweden's accession") leaves the cue as it was.
            (!m.possessive ||
              ((roles.targets.has(m.entity.id) || roles.proponents.has(m.entity.id)) &&
                !DECISION_NOUNS.has(m.head?.split(' ')[0] ?? '') &&
                !NOMINAL_CUES.has(m.head?.split(' ')[0] ?? '') &&
                !PLAN_WORDS.has(m.head?.split(' ')[0] ?? '') &&
                !ISSUE_NOUNS.has(m.head?.split(' ')[0] ?? ''))),
        );
        // Fifth round: "join NATO", "membership of the EU": an organisation joined is what the
        // cue is about, not another actor.
        // Fifth round: "imposed sanctions on Russia": the actor is the measure's target.
        const measure = objectWords.some(
          (w) => ISSUE_NOUNS.has(w) || ['embargo', 'duties', 'levies'].includes(w),
        );
        const joined =
          measure ||
          (obj !== undefined &&
            ORGANISATION_KINDS.has(obj.entity.kind) &&
            objectWords.some((w) => JOIN_WORDS.test(w)) &&
            !roles.targets.has(obj.entity.id));
        if (obj && !joined && !holders.some((h) => h.entity.id === obj.entity.id)) {
          // Fifth round: acting *against* an actor ("commit forces against Iraq") is for the
          // issue when the actor is its target and against it when the actor proposes it; the
          // other prepositions ("support for", "concerned about") read the actor as the cue's
          // object, turned around when it is the target.
          const against = preposition === 'against';
          if (roles.targets.has(obj.entity.id)) {
            if (!against) direction = (-direction || 0) as Direction;
            object = `${obj.entity.name} (the target)`;
          } else if (roles.proponents.has(obj.entity.id)) {
            if (against) direction = (-direction || 0) as Direction;
            object = `${obj.entity.name} (the proponent)`;
          } else return;
        }
      }
    }
    // Fifth round: a refusal carries the cue it refuses, and that cue's object is the refusal's:
    // "refused to support China" is for a coalition against China, "refused to back Peru" is
    // about Peru.
    if (c.cue.spec.negatesNext && direction === -1 && !object) {
      const n = cues[ci + 1];
      if (
        n &&
        n.cue.spec.direction === 1 &&
        n.start - c.end <= 3 &&
        clauseAt(clauses, n.start) === clause
      ) {
        let k = n.end;
        if (tokens[k]?.norm === 'the') k++;
        if (OBJECT_PREPOSITIONS.has(tokens[k]?.norm ?? '')) k++;
        if (tokens[k]?.norm === 'the') k++;
        const obj = mentions.find(
          (m) => m.tokenStart === k && isParty(m) && !m.possessive && !isModifier(tokens, m),
        );
        if (obj && !holders.some((h) => h.entity.id === obj.entity.id)) {
          if (roles.targets.has(obj.entity.id)) {
            direction = 1;
            strength *= 0.6;
            object = `${obj.entity.name} (the target)`;
          } else if (roles.proponents.has(obj.entity.id))
            object = `${obj.entity.name} (the proponent)`;
          else return;
        }
      }
    }
    // Fifth round: a judgement of an act ("welcomed Peru's withdrawal", "condemned the refusal
    // to join") has the judge's sign times the act's direction; judging a hedge says nothing.
    if (c.cue.spec.evaluates && !object) {
      const n = cues[ci + 1];
      if (
        n &&
        n.start - c.end <= 6 &&
        clauseAt(clauses, n.start) === clause &&
        !n.cue.spec.frame &&
        // "condemned the plan as “bloc confrontation”": the issue itself is what is judged, and
        // a second judgement is not an act.
        !n.cue.spec.evaluative &&
        !n.cue.spec.evaluates &&
        !tokens
          .slice(c.end, n.start)
          .some(
            (t) =>
              t.norm === 'as' ||
              t.norm === ',' ||
              ISSUE_NOUNS.has(t.norm) ||
              PLAN_WORDS.has(t.norm),
          )
      ) {
        const m = modifiers(tokens, clause, n.start, n.end, c.end, s.negationScope);
        const act = n.cue.spec.direction * (m.negated ? -1 : 1);
        if (act === 0 || (m.negated && n.cue.spec.direction === -1)) return;
        direction = (direction * act) as Direction;
      }
    }
    // Fifth round: "Chile's support for the pact has waned": a stance said to fade is not held.
    if (
      NOMINAL_CUES.has(tokens[c.end - 1]?.norm ?? c.cue.words.at(-1)!) ||
      NOMINAL_CUES.has(c.cue.words[0]!)
    ) {
      const rest = tokens.slice(c.end, Math.min(clause.end, c.end + 8)).map((t) => t.norm);
      if (rest.some((w) => WANING.has(w))) return;
    }
    // "support … only if", "on condition that": conditional support is neither for nor against.
    const conditional =
      direction === 1 &&
      CONDITIONS.some((cond) =>
        tokens.some(
          (_, i) =>
            i >= clause.start &&
            i + cond.length <= clause.end &&
            cond.every((w, j) => tokens[i + j]!.norm === w),
        ),
      );
    if (conditional) direction = 0;
    // Fifth round: "has yet to sign", "is yet to join": not done, and not refused either.
    if (
      direction !== 0 &&
      tokens[c.start - 1]?.norm === 'to' &&
      tokens[c.start - 2]?.norm === 'yet' &&
      tokens[c.start - 3] !== undefined &&
      /^(?:is|are|was|were|has|have|had|remains|remain)$/.test(tokens[c.start - 3]!.norm)
    )
      direction = 0;
    // Fourth round: an open question after the cue ("cautious in deciding whether to join",
    // "hesitant about a decision on…") is indecision, and taking part in talks is engaging, not
    // joining ("agreed to take part in the talks"): both hedge.
    if (direction !== 0 && (undecided(tokens, clause, c.end) || aboutTalks(tokens, clause, c.end)))
      direction = 0;
    const hedge =
      mod.hedges.reduce((f, h) => f * (HEDGES.get(h) ?? 1), 1) * (s.reportingHedge ?? 1);
    const boost = Math.min(
      1.5,
      mod.intensifiers.reduce((f, w) => f * (INTENSIFIERS.get(w) ?? 1), 1),
    );
    strength =
      strength *
      Math.max(0.3, hedge) *
      boost *
      (mod.weaker ? 0.6 : 1) *
      (mod.comparison === 'comparative' ? 1.1 : 1);
    if (mod.comparison === 'superlative') strength = 1;
    // Fifth round: "EU countries can't agree on tariffs", "failed to agree on": a group that
    // cannot agree among itself is divided, not against.
    const disagreement =
      mod.negated && /^agree/.test(c.cue.words[0]!) && c.cue.words.at(-1) === 'on';
    if (disagreement) direction = 0;
    if (mod.negated && !disagreement) {
      if (direction === 1) {
        direction = -1;
        strength = mod.nearTotal ? Math.max(strength, 0.9) : strength * 0.8;
      } else if (direction === -1) {
        direction = 1;
        strength *= 0.4;
      }
    }
    if (ender >= 0) {
      // Ended: "lifted its veto" is for (weakly), "ended its support" against.
      strength *= direction === -1 ? 0.6 : 0.8;
      direction = (-direction || 0) as Direction;
    }
    const salience = Math.max(
      -1,
      Math.min(
        1,
        (c.cue.spec.salience ?? 0) +
          (mod.intensifiers.length > 0 || mod.comparison === 'superlative' ? 1 : 0) -
          (mod.hedges.length > 0 ? 1 : 0),
      ),
    );
    const from = Math.max(clause.start, floor, c.start - 4);
    const lead = tokens
      .slice(from, c.start)
      .findIndex(
        (t) =>
          NEGATORS.has(t.norm) ||
          NEAR_TOTAL.has(t.norm) ||
          INTENSIFIERS.has(t.norm) ||
          (HEDGES.has(t.norm) && !CLAUSE_HEDGES.has(t.norm)) ||
          t.norm === 'more' ||
          t.norm === 'most',
      );
    const cueStart = lead >= 0 ? from + lead : c.start;
    let cueEnd = c.end;
    if (
      mod.comparison === 'superlative' &&
      !tokens.slice(cueStart, c.start).some((t) => t.norm === 'most')
    ) {
      const than = tokens.slice(c.end, c.end + 6).findIndex((t) => t.norm === 'than');
      if (than >= 0) cueEnd = c.end + than + 2;
    }
    const cueText = sentenceSlice(tokens, cueStart, cueEnd);
    if (mod.negated) for (const i of mod.negators) used.add(i);
    for (const holder of holders) {
      starts.push(c.start);
      out.push({
        holder,
        cue: cueText,
        kind: 'cue',
        direction,
        strength: round(Math.min(1, strength)),
        salience,
        negated: mod.negated,
        hedges: mod.hedges,
        intensifiers: mod.intensifiers,
        ...(mod.comparison ? { comparison: mod.comparison } : {}),
        concessive: clause.concessive,
        holderCertainty: round(certainty),
        ...(object ? { object } : {}),
        ...(conditional ? { conditional: true } : {}),
      });
    }
  });
  return noContradiction(mixedToHedging(out, starts, tokens), starts, tokens, clauses, used);
}

/** Words that put the claim after them in doubt ("officials doubt that", "it is unclear whether"). */
const DOUBTS = new Set(
  'doubt doubts doubted doubtful deny denies denied unclear uncertain unlikely whether questioned questions false untrue rumours rumors speculation'.split(
    ' ',
  ),
);
const DASHES = new Set(['—', '–', ':']);
const isNegator = (t: Token | undefined, next: Token | undefined) =>
  t !== undefined &&
  (NEGATORS.has(t.norm) || /n't$/.test(t.norm)) &&
  // "not only … but also" asserts both.
  next?.norm !== 'only' &&
  t.norm !== 'far';

/**
 * Precision by construction: a "for" reading stands only when nothing in its own sentence speaks
 * against it. It is dropped (the draft abstains) when
 * - a negation or a word of doubt stands before its holder in the holder's clause ("it is not true
 *   that X supports…", "officials doubt that X…", "it is unclear whether X…");
 * - a negation stands between its holder and its cue and was not read as negating a cue ("X has
 *   not repeatedly said it will abide by…", "X is not the plan's most enthusiastic backer");
 * - a word of doubt stands between its holder and its cue ("X is weighing whether to join");
 * - a negation follows its cue in the cue's clause and was not read as negating a cue ("Yoon
 *   pledged South Korea would not assume…");
 * - the same holder has, in the same sentence, an asserted hedging reading, or an against reading
 *   ("X, reluctant as ever, supports…"): then the against reading goes too — a sentence that says
 *   both of one holder gives no direction.
 * A condition anywhere after the cue ("…, but only if Congress approves") makes it hedging.
 * A negated "against" ("not opposed") is not read as "for": it is dropped too.
 */
function noContradiction(
  readings: CueReading[],
  starts: readonly number[],
  tokens: readonly Token[],
  clauses: readonly Clause[],
  used: ReadonlySet<number>,
): CueReading[] {
  const key = (r: CueReading) => `${r.holder.entity.id}/${r.holder.isPublic}`;
  const contrary = (from: number, to: number, doubtsToo: boolean) => {
    for (let i = Math.max(0, from); i < to; i++) {
      const t = tokens[i]!;
      if (isNegator(t, tokens[i + 1]) && !used.has(i)) return true;
      if (doubtsToo && DOUBTS.has(t.norm)) return true;
    }
    return false;
  };
  const asserted = (d: Direction) =>
    new Set(readings.filter((r) => r.direction === d && !r.concessive).map((r) => key(r)));
  const [against, hedging, forIt] = [asserted(-1), asserted(0), asserted(1)];
  const out: CueReading[] = [];
  readings.forEach((r, i) => {
    // For and against of one holder left standing side by side: the sentence gives no direction.
    if (r.direction === -1 && !r.concessive && forIt.has(key(r))) return;
    if (r.direction !== 1) return void out.push(r);
    // "not against" is not "for": abstain.
    if (r.negated) return;
    if (against.has(key(r)) || hedging.has(key(r))) return;
    const h = r.holder;
    const at = starts[i]!;
    // The holder's clause, and the clauses before it joined by a dash or colon ("BRUSSELS — X…").
    let k = clauses.indexOf(clauseAt(clauses, h.tokenStart));
    // Also a clause that a complementiser opens into ("It is not true that while X…"): the
    // denial covers all of what follows it.
    while (
      k > 0 &&
      (DASHES.has(clauses[k]!.opener ?? '') ||
        ['that', 'whether'].includes(tokens[clauses[k]!.start - 1]?.norm ?? ''))
    )
      k--;
    if (contrary(clauses[k]?.start ?? 0, h.tokenStart, true)) return;
    // Fifth round: a denial or doubt before a complementiser ("It is not true that", "Officials
    // doubt that", "unclear whether") covers everything after it, whatever clauses follow
    // ("It is not true that although …, X …"; "… that X is yet to decide, … Y who …").
    for (let i = 0; i < h.tokenStart; i++)
      if (
        ['that', 'whether'].includes(tokens[i]!.norm) &&
        contrary(clauseAt(clauses, i).start, i, true)
      )
        return;
    // What the cue says, up to the end of its clause ("pledged South Korea would not assume…").
    const cueClause = clauseAt(clauses, at);
    if (contrary(at + 1, cueClause.end, false)) return;
    if (h.tokenEnd <= at && contrary(h.tokenEnd, at, true)) return;
    if (h.tokenEnd > at && contrary(clauseAt(clauses, at).start, at, false)) return;
    const later = conditionAfter(tokens, at);
    out.push(later ? { ...r, direction: 0, conditional: true } : r);
  });
  return out;
}

/** A condition ("only if", "unless", "provided that") after token `at`, before a new subject. */
function conditionAfter(tokens: readonly Token[], at: number): boolean {
  for (let i = at; i < tokens.length; i++)
    if (
      CONDITIONS.some(
        (cond) =>
          i + cond.length <= tokens.length && cond.every((w, j) => tokens[i + j]!.norm === w),
      )
    )
      return true;
  return false;
}

/**
 * One sentence that says both for and against of the same holder ("will help out … but will not
 * directly intervene") asserts neither side: its asserted statements become hedging (direction 0)
 * and are marked `mixed`. Conceded statements ("despite…") keep their direction: the concession
 * is already weighed down.
 */
function mixedToHedging(
  readings: CueReading[],
  starts: readonly number[],
  tokens: readonly Token[],
): CueReading[] {
  const key = (r: CueReading) => `${r.holder.entity.id}/${r.holder.isPublic}`;
  const asserted = (i: number) => !readings[i]!.concessive && readings[i]!.direction !== 0;
  // Only a contrast ("…, but will not…", "while", "yet") makes the two sides one hedged position;
  // without one, the second cue is part of the first one's object ("will not allow its airspace
  // or logistical support to be used") and each keeps its direction.
  const contrasted = (i: number, j: number) => {
    const [a, b] = starts[i]! < starts[j]! ? [starts[i]!, starts[j]!] : [starts[j]!, starts[i]!];
    return tokens.slice(a, b).some((t) => CONTRASTS.has(t.norm));
  };
  const mixed = readings.map(
    (r, i) =>
      asserted(i) &&
      readings.some(
        (o, j) =>
          j !== i &&
          asserted(j) &&
          key(o) === key(r) &&
          o.direction === -r.direction &&
          contrasted(i, j),
      ),
  );
  // A for-cue after an against-cue of the same holder, with no contrast between them, is inside
  // what the against-cue refuses ("will not allow its airspace, … or logistical support to be
  // used"): the against-cue carries, the for-cue is dropped.
  const absorbed = readings.map(
    (r, i) =>
      !mixed[i] &&
      r.direction === 1 &&
      // "… and wants peace": a new predicate of the same subject, not an object.
      !['and', ',', ';'].includes(tokens[starts[i]! - 1]?.norm ?? '') &&
      readings.some(
        (o, j) =>
          asserted(j) &&
          o.direction === -1 &&
          key(o) === key(r) &&
          starts[j]! < starts[i]! &&
          !contrasted(i, j),
      ),
  );
  return readings
    .map((r, i) => (mixed[i] ? { ...r, direction: 0 as const, strength: 0.5, mixed: true } : r))
    .filter((_, i) => !absorbed[i]);
}

/** Words that join two contrasting statements of one holder into one hedged position. */
const CONTRASTS = new Set(['but', 'yet', 'while', 'whereas', 'although', 'though', 'however']);

function sentenceSlice(tokens: readonly Token[], a: number, b: number): string {
  // Tokens carry offsets into the sentence; rebuild the words with their original spacing.
  let out = '';
  for (let i = a; i < b && i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    out += i > a && prev && t.start > prev.end ? ` ${t.text}` : t.text;
  }
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;
