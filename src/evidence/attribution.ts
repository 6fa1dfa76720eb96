/**
 * Who says what: reporting frames in a sentence ("X says/writes/points out…", "…, X said",
 * "According to X, …") and the chain of provenance they build. "According to Isna, the American
 * think tank points out…" gives the chain think tank ← ISNA: the claim is the think tank's,
 * reported by ISNA; the article's publisher (RCO NEWS) is the last link. Sentences without a frame
 * inherit the chain of the sentence before them in the paragraph, and the first sentence of a
 * paragraph inherits the document's own claimant when the article reports on one source.
 */
import type { Entity } from './gazetteer/gazetteer.ts';
import type { Mention } from './mentions.ts';
import type { Token } from './tokens.ts';

/** Verbs that introduce what someone says (lower case, as written). */
export const REPORTING_VERBS = new Set(
  `say says said write writes wrote note notes noted explain explains explained emphasize emphasizes emphasized emphasise emphasises emphasised stress stresses stressed point points pointed conclude concludes concluded argue argues argued warn warns warned add adds added state states stated tell tells told report reports reported claim claims claimed believe believes believed detail details detailed describe describes described insist insists insisted maintain maintains maintained suggest suggests suggested contend contends contended observe observes observed assert asserts asserted announce announces announced declare declares declared hint hints hinted accuse accuses accused confirm confirms confirmed acknowledge acknowledges acknowledged predict predicts predicted recommend recommends recommended urge urges urged call calls called reiterate reiterates reiterated reveal reveals revealed`.split(
    /\s+/,
  ),
);

/** One link of a provenance chain. */
export interface Link {
  readonly entity: Entity;
  /** The words of the text that name it ("the American think tank", "Isna"). */
  readonly text: string;
  /** `speaker` made the claim; `reporter` relayed it ("according to"); `publisher` published the article. */
  readonly role: 'speaker' | 'reporter' | 'publisher';
  /** The reporting verb, for speakers ("points out"). */
  readonly verb?: string;
  /** True when the link is inherited from an earlier sentence or the document. */
  readonly inherited?: boolean;
}

export interface Frame {
  readonly speaker?: { mention: Mention; verb: string; tokenIndex: number };
  readonly accordingTo: readonly Mention[];
}

/** Tokens allowed between a speaker and its verb ("Quincy also notes", "the country's new prime minister hinted"). */
const BETWEEN = new Set(
  `also then further repeatedly has have had recently now again 's ” " official officials minister prime president foreign irrigation new senior chairman spokesman spokeswoman spokesperson leader office trade defence defense economy industry government in this article a recent its`.split(
    ' ',
  ),
);

/** Finds the reporting frames of one sentence. */
export function findFrame(tokens: readonly Token[], mentions: readonly Mention[]): Frame {
  const accordingTo: Mention[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.norm === 'according' && tokens[i + 1]!.norm === 'to') {
      const m = mentions.find(
        (x) => x.tokenStart === i + 2 || (x.tokenStart === i + 3 && tokens[i + 2]!.norm === 'the'),
      );
      if (m) accordingTo.push(m);
    }
  }
  let speaker: Frame['speaker'];
  for (const m of mentions) {
    if (accordingTo.includes(m)) continue;
    for (let j = m.tokenEnd; j < Math.min(tokens.length, m.tokenEnd + 6); j++) {
      const t = tokens[j]!;
      // "Washington's point of view" is not "points out".
      const pointNoun = /^point/.test(t.norm) && !['out', 'to'].includes(tokens[j + 1]?.norm ?? '');
      if (REPORTING_VERBS.has(t.norm) && !pointNoun) {
        // "points out", "points to": keep the particle in the verb.
        const particle =
          ['out', 'to'].includes(tokens[j + 1]?.norm ?? '') && /^point/.test(t.norm)
            ? ` ${tokens[j + 1]!.norm}`
            : '';
        speaker = { mention: m, verb: t.norm + particle, tokenIndex: j };
        break;
      }
      // "Seoul's ICT minister said": an initialism before the title modifies it.
      if (!BETWEEN.has(t.norm) && !/^\p{Lu}{2,5}$/u.test(t.text)) break;
      if (mentions.some((x) => x !== m && x.tokenStart === j)) break;
    }
    if (speaker) break;
  }
  // "…, said Sogavare." / "…," Maduro said.
  return speaker ? { speaker, accordingTo } : { accordingTo };
}

/** The chain of one sentence from its own frame: the speaker first, then those who relayed it. */
export function ownChain(frame: Frame): Link[] {
  const links: Link[] = [];
  if (frame.speaker)
    links.push({
      entity: frame.speaker.mention.entity,
      text: frame.speaker.mention.text,
      role: 'speaker',
      verb: frame.speaker.verb,
    });
  for (const m of frame.accordingTo) {
    const role = frame.speaker || m.entity.kind === 'media' ? 'reporter' : 'speaker';
    links.push({ entity: m.entity, text: m.text, role });
  }
  return links;
}

/** "claim by the Quincy Institute (“the American think tank points out”), reported by ISNA, published by RCO NEWS". */
export function describeChain(chain: readonly Link[]): string {
  const name = (l: Link) =>
    l.entity.role === 'party' && l.text !== l.entity.name
      ? `${l.entity.name} (${l.text})`
      : l.entity.name;
  return chain
    .map((l, i) => {
      if (l.role === 'publisher') return `published by ${name(l)}`;
      if (l.role === 'reporter') return `reported by ${name(l)}`;
      return i === 0 ? `claim by ${name(l)}` : `relayed by ${name(l)}`;
    })
    .join(', ');
}
