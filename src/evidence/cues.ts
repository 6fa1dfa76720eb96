/**
 * The cue lexicon: words and phrases that say where an actor stands on the issue at hand and how
 * strongly. Each cue has a direction (+1 for, −1 against, 0 hedging or balancing), a strength
 * (0-1: "support" 0.7, "reluctant" 0.6, "oppose" 0.8, "veto" 0.9) and a salience hint (+1 when it
 * says the issue matters a great deal, −1 when it says it matters little).
 *
 * Forms are written as words separated by spaces; `a|b` lists alternatives for one word. Matching
 * is on lower-case tokens, longest form first.
 *
 * Modifiers read around a cue: negation ("not", "no", "never", "rather than"), hedges ("somewhat",
 * "mostly", "might", "only indirectly") that weaken it, intensifiers ("very", "strongly",
 * "explicitly") that strengthen it, and comparatives ("more reluctant than any") that make it the
 * strongest of its kind.
 */
import { tokenize } from './tokens.ts';

export interface CueSpec {
  readonly forms: readonly string[];
  readonly direction: 1 | -1 | 0;
  readonly strength: number;
  readonly salience?: -1 | 0 | 1;
  /**
   * The direction depends on whom the cue is about: "distrustful of America" opposes a US-led
   * plan, "distrustful of China" favours a coalition against China. Read with the object actor.
   */
  readonly relational?: boolean;
  /**
   * A verb that frames another cue ("wants to maintain a balance", "urged both sides to accept
   * it"): when another cue follows in its clause, that cue says the direction and this one is dropped.
   */
  readonly frame?: boolean;
  /**
   * Counts only with an object that says what it is about: an actor that proposes or is targeted
   * by the issue (relational cues), or another cue or an issue noun right after it ("avoid
   * joining", "avoid the coalition"; not "avoid citing scenarios").
   */
  readonly needsObject?: boolean;
  /**
   * Counts only when it frames another cue ("pressuring Rome to abandon the pact" is against):
   * alone ("China pressured Manila") it says nothing about the issue and is dropped.
   */
  readonly frameOnly?: boolean;
  /**
   * A restriction ("ban", "export controls", "curbs"): for, from the one who imposes it, only in
   * an article whose issue is a restriction (`IssueRoles.restriction`); elsewhere dropped.
   */
  readonly restriction?: boolean;
  /**
   * Fifth round: a verb that judges an act ("welcomed Peru's withdrawal", "condemned the refusal
   * to join"): when another cue follows it, the judge's direction is its own sign times the act's
   * direction (welcoming a withdrawal is against, condemning a refusal is for).
   */
  readonly evaluates?: boolean;
  /**
   * Fifth round: leaving the issue (withdraw, exit, quit, abandon, suspend): refusing or opposing
   * it ("refused to withdraw", "opposed quitting the pact") is for.
   */
  readonly leaving?: boolean;
  /** A verb that negates the cue right after it ("refused to sign"). */
  readonly negatesNext?: boolean;
  /** Fifth round: never right before one of these words ("not vote", but not "not vote for"). */
  readonly notBefore?: readonly string[];
  /** Only after one of these words ("is against"). */
  readonly after?: readonly string[];
  /**
   * An evaluation said by someone ("…called it “a destructive step”", "…made a deal
   * “impossible for now”"): its holder is the sentence's speaker, not the nearest subject.
   */
  readonly evaluative?: boolean;
}

const BE = [
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'not',
  "isn't",
  "aren't",
  'remain',
  'remains',
];

export const CUES: readonly CueSpec[] = [
  // For.
  {
    forms: ['support|supports|supported|supporting|supportive', 'support for'],
    direction: 1,
    strength: 0.7,
  },
  { forms: ['backs|backed|backing', 'backer|backers'], direction: 1, strength: 0.7 },
  { forms: ['endorse|endorses|endorsed|endorsing|endorsement'], direction: 1, strength: 0.7 },
  {
    forms: ['favour|favours|favoured|favor|favors|favored', 'in favour|favor of'],
    direction: 1,
    strength: 0.6,
  },
  {
    forms: [
      'welcome|welcomes|welcomed|welcoming',
      'praise|praises|praised|praising',
      'applaud|applauds|applauded|applauding',
    ],
    direction: 1,
    strength: 0.5,
    evaluates: true,
  },
  { forms: ['champion|champions|championed'], direction: 1, strength: 0.8, salience: 1 },
  {
    forms: ['push|pushes|pushed|pushing for', 'press|presses|pressed|pressing for'],
    direction: 1,
    strength: 0.7,
  },
  { forms: ['pushing|pushes|pushed|push hard for'], direction: 1, strength: 0.9, salience: 1 },
  // Fifth round: asking for it in other words ("pleading for the supply of tanks", "lobbied for
  // the deal"), and saying one would welcome it ("will look favourably on it").
  {
    forms: [
      'plead|pleads|pleaded|pleading for',
      'appeal|appeals|appealed|appealing for',
      'lobby|lobbies|lobbied|lobbying for',
      'look|looks|looked|looking favourably|favorably on|upon',
      'view|views|viewed|viewing favourably|favorably',
    ],
    direction: 1,
    strength: 0.6,
  },
  // Fifth round: a stated priority ("is among their highest priorities") frames what it ranks.
  {
    forms: ['priority|priorities', 'top priority'],
    direction: 1,
    strength: 0.6,
    frame: true,
  },
  { forms: ['pressed|presses|pressing'], direction: 1, strength: 0.6, frame: true },
  {
    forms: ['pressure|pressures|pressured|pressuring'],
    direction: 1,
    strength: 0.6,
    frame: true,
    frameOnly: true,
  },
  {
    forms: [
      'urge|urges|urged|urging',
      'call|calls|called on',
      'call|calls|called for',
      'ask|asks|asked for',
    ],
    direction: 1,
    strength: 0.5,
    frame: true,
  },
  {
    forms: [
      'want|wants|wanted',
      'seek|seeks|sought|seeking',
      'hope|hopes|hoped|hoping',
      'aim|aims to',
    ],
    direction: 1,
    strength: 0.5,
    frame: true,
  },
  { forms: ['expect|expects|expected'], direction: 1, strength: 0.3, frame: true },
  {
    forms: ['offer|offers|offered|offering to', 'offered|offers'],
    direction: 1,
    strength: 0.3,
    frame: true,
  },
  { forms: ['eager|eagerness', 'enthusiastic', 'keen'], direction: 1, strength: 0.8, salience: 1 },
  { forms: ['willing|willingness', 'ready to', 'prepared to'], direction: 1, strength: 0.55 },
  {
    forms: ['committed to', 'determined to', 'commitment to'],
    direction: 1,
    strength: 0.8,
    salience: 1,
  },
  { forms: ['open to', 'remains|remain open'], direction: 1, strength: 0.3 },
  { forms: ['hail|hails|hailed'], direction: 1, strength: 0.7, evaluates: true },
  { forms: ['centrepiece|centerpiece'], direction: 1, strength: 0.7, salience: 1 },
  { forms: ['accept|accepts|accepted|accepting'], direction: 1, strength: 0.4 },
  {
    forms: ['agree|agrees|agreed to|on', 'approve|approves|approved', 'ratify|ratifies|ratified'],
    direction: 1,
    strength: 0.5,
  },
  { forms: ['sign|signs|signed|signing'], direction: 1, strength: 0.4 },
  // Fifth round: imposing the measure ("has imposed provisional tariffs", "will not impose
  // sanctions"); an actor after it ("sanctions on Russia") is the measure's target.
  {
    forms: [
      'impose|imposes|imposed|imposing sanctions|tariffs|duties|levies',
      'impose|imposes|imposed|imposing new|provisional|additional|fresh|punitive|further sanctions|tariffs|duties|levies',
      'impose|imposes|imposed|imposing an|the embargo',
    ],
    direction: 1,
    strength: 0.6,
  },
  // Fifth round: votes and authorisations ("voted in favour of", "authorizes action").
  {
    forms: [
      'vote|votes|voted|voting in favour|favor of',
      'vote|votes|voted|voting for',
      'authorize|authorizes|authorized|authorizing|authorise|authorises|authorised|authorising',
      'authorization|authorisation',
    ],
    direction: 1,
    strength: 0.6,
  },
  // Fifth round: establishing, resuming or normalising relations (recognition, normalisation).
  {
    forms: [
      'establish|establishes|established|establishing diplomatic|formal|official ties|relations',
      'establish|establishes|established|establishing ties|relations',
      'establishment of diplomatic|formal|official ties|relations',
      'establishment of ties|relations',
      'normalise|normalises|normalised|normalising|normalize|normalizes|normalized|normalizing ties|relations',
      'resume|resumes|resumed|resuming diplomatic ties|relations',
      'resumption of diplomatic ties|relations',
      'restore|restores|restored|restoring diplomatic ties|relations',
    ],
    direction: 1,
    strength: 0.6,
  },
  { forms: ['abide|abides by', 'implement|implements|implemented'], direction: 1, strength: 0.5 },
  {
    forms: [
      'cooperate|cooperation',
      'join|joins|joined|joining',
      'return|returns|returned|returning to',
      'rejoin|rejoins|rejoined',
      'going|go|come|coming back',
    ],
    direction: 1,
    strength: 0.4,
  },
  { forms: ['sponsor|sponsors|sponsored'], direction: 1, strength: 0.7 },
  {
    // Participation: weak alone, decisive when negated ("will not take part", "no participation").
    forms: [
      'take|takes|took|taking part',
      'participate|participates|participated|participating|participation',
      'contribute|contributes|contributed|contributing',
      'deploy|deploys|deployed troops|forces',
      'commit|commits|committed troops|forces|itself',
      'commit|commits|committed its|their troops|forces',
      'signed|signs up',
      'involvement',
      'send|sends|sending|sent their|its troops|soldiers|forces',
      'send|sends|sending|sent troops|soldiers|forces|ships|warships|vessels|personnel',
      'send|sends|sending|sent a warship|frigate|destroyer',
      'help|helps|helped|helping out',
      'provide|provides|providing assistance|support',
      // Fifth round: supplying arms ("will not supply tanks", "refused to deliver missiles").
      'supply|supplies|supplied|supplying|deliver|delivers|delivered|delivering|provide|provides|provided|providing|send|sends|sent|sending weapons|arms|tanks|missiles|ammunition|munitions|jets',
    ],
    direction: 1,
    strength: 0.45,
  },
  { forms: ['pledge|pledges|pledged', 'vow|vows|vowed'], direction: 1, strength: 0.6 },
  { forms: ['allow|allows|allowed|permit|permits|permitted'], direction: 1, strength: 0.35 },
  { forms: ['pro-'], direction: 1, strength: 0.5, relational: true, needsObject: true },
  {
    forms: ['share|shares|shared'],
    direction: 1,
    strength: 0.5,
    relational: true,
    needsObject: true,
  },
  { forms: ['host|hosts|hosting'], direction: 1, strength: 0.3 },
  { forms: ['defend|defends|defending'], direction: 1, strength: 0.4 },
  {
    forms: ['intervene|intervenes militarily', 'fight alongside', 'send|sends troops'],
    direction: 1,
    strength: 0.8,
    salience: 1,
  },
  {
    forms: ['intervene|intervenes|intervened|intervening'],
    direction: 1,
    strength: 0.8,
    salience: 1,
  },
  { forms: ['promote|promotes|promoting|promoted'], direction: 1, strength: 0.6 },
  {
    forms: [
      'interest|interested in',
      'interest|interested',
      'desire|desires',
      'intention|intentions of|to',
    ],
    direction: 1,
    strength: 0.6,
  },
  {
    forms: [
      'close to',
      'closer to',
      'aligned with',
      'side|sides|sided|siding with',
      'trust in',
      'positive view|views of',
    ],
    direction: 1,
    strength: 0.5,
    relational: true,
  },
  {
    forms: [
      'ban|bans|banned|banning',
      'restrict|restricts|restricted|restricting',
      'restriction|restrictions',
      'curb|curbs|curbed|curbing',
      'export control|controls',
      'embargo',
    ],
    direction: 1,
    strength: 0.5,
    restriction: true,
  },
  // Against.
  {
    forms: ['oppose|opposes|opposed|opposing', 'opposition to', 'opposition'],
    direction: -1,
    strength: 0.8,
  },
  {
    forms: ['reject|rejects|rejected|rejecting', 'rejection'],
    direction: -1,
    strength: 0.8,
    negatesNext: true,
  },
  {
    forms: ['refuse|refuses|refused|refusing', 'refusal'],
    direction: -1,
    strength: 0.7,
    negatesNext: true,
  },
  {
    forms: [
      'block|blocks|blocked|blocking',
      'hold|holds|held up',
      'holding up',
      'blocking minority',
    ],
    direction: -1,
    strength: 0.7,
  },
  { forms: ['veto|vetoes|vetoed'], direction: -1, strength: 0.9 },
  { forms: ['vote|votes|voted|voting against'], direction: -1, strength: 0.7 },
  { forms: ['resist|resists|resisted|resistance'], direction: -1, strength: 0.6 },
  {
    forms: ['condemn|condemns|condemned|condemnation', 'denounce|denounces|denounced'],
    direction: -1,
    strength: 0.8,
    evaluates: true,
  },
  {
    forms: [
      'balk|balks|balked|balking at',
      'balk|balks|balked|balking',
      'rebuff|rebuffs|rebuffed|rebuffing',
      'rule|rules|ruled|ruling out',
      'dismiss|dismisses|dismissed|dismissing',
      'push|pushes|pushed|pushing back',
      'pushback',
      'no plans to',
      'distance|distances|distanced|distancing themselves|itself from',
      'stay|stays|stayed|staying out of',
      'shun|shuns|shunned|shunning',
      'spurn|spurns|spurned|spurning',
      'refrain|refrains|refrained|refraining from',
      'opt|opts|opted|opting out',
      'objection|objections',
      'object|objects|objected|objecting to',
    ],
    direction: -1,
    strength: 0.6,
  },
  {
    forms: [
      'decline|declines|declined|declining to',
      'deny|denies|denied|denying',
      // Fifth round: a refusal by neglect ("ignored calls to align…, including joining…").
      'ignore|ignores|ignored|ignoring calls|demands|appeals|requests|pressure|pleas',
      'disregard|disregards|disregarded|disregarding calls|demands|appeals|requests|pressure|pleas',
    ],
    direction: -1,
    strength: 0.6,
    negatesNext: true,
  },
  {
    forms: ['unlikely to', 'reticence|reticent', 'stop|stops|stopped short of', 'absent from'],
    direction: -1,
    strength: 0.45,
  },
  {
    forms: ['criticise|criticises|criticised|criticize|criticizes|criticized|criticism|criticisms'],
    direction: -1,
    strength: 0.5,
    evaluates: true,
  },
  { forms: ['complain|complains|complained'], direction: -1, strength: 0.4 },
  { forms: ['warn|warns|warned'], direction: -1, strength: 0.3 },
  { forms: ['reluctant|reluctance|reluctantly'], direction: -1, strength: 0.6 },
  { forms: ['hesitant|hesitate|hesitates|hesitation'], direction: -1, strength: 0.5 },
  { forms: ['cautious|caution'], direction: -1, strength: 0.4 },
  {
    forms: ['wary', 'sceptical|skeptical|scepticism|skepticism', 'lukewarm'],
    direction: -1,
    strength: 0.5,
  },
  { forms: ['hostile|hostility'], direction: -1, strength: 0.8, relational: true },
  {
    forms: ['distrust|distrustful|mistrust', 'suspicion|suspicious', 'negative view|views of'],
    direction: -1,
    strength: 0.5,
    relational: true,
  },
  {
    forms: ['in no hurry', 'on hold', 'keep|keeps|kept its|their distance'],
    direction: -1,
    strength: 0.5,
  },
  { forms: ['turn|turns|turned their|its backs|back on'], direction: -1, strength: 0.8 },
  {
    forms: [
      'doomed to fail',
      'bloc confrontation',
      'destructive',
      'destructive step',
      'act of war',
      'declaration of war',
      'betrayal',
      'impossible',
      'unrealistic',
      'no legal right',
    ],
    direction: -1,
    strength: 0.7,
    evaluative: true,
  },
  {
    forms: ['historic opportunity', 'long overdue', 'turning point', 'a basis for discussion'],
    direction: 1,
    strength: 0.6,
    evaluative: true,
  },
  {
    forms: [
      'suspend|suspends|suspended|suspending|suspension',
      'in abeyance',
      'withdraw|withdraws|withdrew|withdrawn|withdrawing from',
      'withdrawal from',
      'pull|pulls|pulled|pulling out of',
      'exit|exits|exited|exiting',
      'quit|quits|quitting',
      'abandon|abandons|abandoned|abandoning',
    ],
    direction: -1,
    strength: 0.8,
    leaving: true,
  },
  // Fifth round: retreating from it, in the phrasal verbs news uses ("backed away from the deal",
  // "walked away from", "backtracked on"); longer than "backed", so they win over it.
  {
    forms: [
      'back|backs|backed|backing away|off|down from',
      'back|backs|backed|backing away|off|down',
      'walk|walks|walked|walking away from',
      'backtrack|backtracks|backtracked|backtracking on|from',
      'step|steps|stepped|stepping back from',
      'retreat|retreats|retreated|retreating from',
    ],
    direction: -1,
    strength: 0.7,
    leaving: true,
  },
  // Fifth round: leaving, only with what is left named ("leaving the coalition").
  {
    forms: ['leave|leaves|leaving'],
    direction: -1,
    strength: 0.6,
    leaving: true,
    needsObject: true,
  },
  {
    forms: ['delay|delays|delayed|delaying', 'postpone|postpones|postponed'],
    direction: -1,
    strength: 0.4,
  },
  {
    forms: ['concern|concerns|concerned', 'worried|worries', 'fear|fears|feared', 'alarmed'],
    direction: -1,
    strength: 0.4,
  },
  { forms: ['doubt|doubts', 'disagreement'], direction: -1, strength: 0.5 },
  // An objection voiced: "expressed alarm over the new sites", "a furious response from Beijing",
  // "elicited protest from China".
  {
    forms: ['alarm', 'protest|protests', 'furious|angry response|reaction'],
    direction: -1,
    strength: 0.5,
  },
  {
    forms: ['avoid|avoids|avoided|avoiding'],
    direction: -1,
    strength: 0.4,
    negatesNext: true,
    needsObject: true,
  },
  { forms: ['against'], direction: -1, strength: 0.5, after: BE },
  // Neither: hedging, balancing, mediating.
  {
    forms: ['balance|balancing', 'diplomatic balance', 'hedge|hedges|hedging'],
    direction: 0,
    strength: 0.5,
  },
  {
    forms: ['adjust|adjusts|adjusted their|its position between', 'choice between'],
    direction: 0,
    strength: 0.5,
  },
  {
    forms: [
      'neither for nor against',
      'undecided',
      'divided',
      'noncommittal|non-committal',
      'ambiguity|ambiguous',
      'ambivalent|ambivalence',
      'on the fence',
      'fence-sitting',
      'tightrope',
      'in doubt',
      'neutrality|neutral',
      'non-aligned|nonaligned|non-alignment|nonalignment',
    ],
    direction: 0,
    strength: 0.5,
  },
  // Fifth round: abstaining and not having decided are neither for nor against ("abstained from
  // the vote", "is yet to make a decision", "still discussing this matter", "would weigh every
  // step carefully").
  {
    forms: [
      'abstain|abstains|abstained|abstaining|abstention|abstentions',
      'not yet decided',
      'not decided',
      'yet to decide',
      'yet to make|take a|any|its|their decision',
      'yet to make up its|their mind',
      'still discussing|considering|deliberating|weighing',
      'weigh|weighs|weighed|weighing every step',
      'weigh|weighs|weighed|weighing whether|options',
      'weigh|weighs|weighed|weighing its|their|the options',
    ],
    direction: 0,
    strength: 0.4,
  },
  // "did not vote" abstains; "would not vote in favour of / for / against" refuses that vote.
  { forms: ['not vote'], direction: 0, strength: 0.4, notBefore: ['in', 'for', 'against'] },
  {
    forms: [
      'mediate|mediates|mediated|mediating|mediation|mediator',
      'offered|offers|offer to mediate',
    ],
    direction: 0,
    strength: 0.5,
  },
  { forms: ['restraint', 'dialogue', 'shifted between'], direction: 0, strength: 0.4 },
];

export interface CompiledCue {
  readonly spec: CueSpec;
  readonly words: readonly string[];
}

/** Expands `a|b c` into every token sequence. */
function expand(form: string): string[][] {
  let out: string[][] = [[]];
  for (const slot of form.split(' ')) {
    const alts = slot.split('|');
    out = out.flatMap((prefix) => alts.map((a) => [...prefix, ...tokenize(a).map((t) => t.norm)]));
  }
  return out;
}

let compiled: Map<string, CompiledCue[]> | undefined;

/** Cues indexed by their first word, longest first. */
export function cueIndex(): Map<string, CompiledCue[]> {
  if (compiled) return compiled;
  const index = new Map<string, CompiledCue[]>();
  for (const spec of CUES) {
    for (const form of spec.forms) {
      for (const words of expand(form)) {
        const list = index.get(words[0]!) ?? [];
        list.push({ spec, words });
        index.set(words[0]!, list);
      }
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return (compiled = index);
}

/** Negators: a cue within four tokens after one of these is negated. */
export const NEGATORS = new Set([
  'not',
  'no',
  'never',
  "n't",
  'neither',
  'nor',
  'without',
  'hardly',
  'barely',
  'stop',
  'stopped',
  'cannot',
  'nobody',
  'none',
  'lack',
  'far',
]);
/** "rather than X", "instead of X": X is negated. */
export const NEGATING_PAIRS: readonly (readonly [string, string])[] = [
  ['rather', 'than'],
  ['instead', 'of'],
  ['far', 'from'],
  ['lack', 'of'],
];
/** "almost no desire": the negation is nearly total. */
export const NEAR_TOTAL = new Set(['almost', 'virtually', 'practically', 'nearly']);

/** Hedges and their factor on strength (and on confidence). */
export const HEDGES: ReadonlyMap<string, number> = new Map([
  ['somewhat', 0.6],
  ['partly', 0.6],
  ['partially', 0.6],
  ['mostly', 0.8],
  ['largely', 0.85],
  ['relatively', 0.7],
  ['slightly', 0.5],
  ['indirectly', 0.6],
  ['might', 0.8],
  ['may', 0.8],
  ['could', 0.8],
  ['would', 0.9],
  ['reportedly', 0.8],
  ['apparently', 0.8],
  ['seems', 0.8],
  ['possibly', 0.7],
  ['perhaps', 0.7],
  ['cautiously', 0.7],
  ['conditionally', 0.7],
  ['whether', 0.7],
  ['hinted', 0.8],
  ['principle', 0.7],
  ['condition', 0.7],
  ['circumstances', 0.7],
  ['if', 0.85],
  ['only', 0.8],
  ['once', 0.7],
]);

/** Nouns that take their holder after "of/from/by/among" ("the reluctance of X", "support from X"). */
export const NOMINAL_CUES = new Set(
  'protest protests alarm response reaction withdrawal exit objection objections support backing opposition criticisms pushback participation reticence ambivalence reluctance rejection resistance criticism condemnation hostility scepticism skepticism caution hesitation distrust mistrust suspicion concern concerns doubts disagreement endorsement commitment willingness eagerness refusal welcome abstention abstentions'.split(
    ' ',
  ),
);

/**
 * Conditions that make support conditional ("only if", "on condition that", "provided that",
 * "unless"): a "for" cue in their clause says neither for nor against — it is read as hedging.
 */
export const CONDITIONS: readonly (readonly string[])[] = [
  ['only', 'if'],
  ['on', 'condition'],
  ['provided', 'that'],
  ['conditional', 'on'],
  ['conditional', 'upon'],
  ['as', 'long', 'as'],
  ['unless'],
  ['only', 'with'],
];

/** Intensifiers and their factor on strength; they also raise salience. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.25],
  ['highly', 1.25],
  ['strongly', 1.3],
  ['strong', 1.3],
  ['deeply', 1.25],
  ['deep', 1.2],
  ['extremely', 1.3],
  ['firmly', 1.25],
  ['flatly', 1.3],
  ['explicitly', 1.2],
  ['overwhelmingly', 1.4],
  ['fully', 1.2],
  ['full', 1.2],
  ['hard', 1.2],
  ['repeatedly', 1.1],
  ['especially', 1.1],
  ['completely', 1.3],
  ['totally', 1.3],
  ['absolutely', 1.3],
  ['vehemently', 1.4],
  ['fiercely', 1.3],
  ['widespread', 1.1],
  ['main', 1.1],
  ['increasingly', 1.1],
  ['serious', 1.2],
  ['highest', 1.2],
]);
