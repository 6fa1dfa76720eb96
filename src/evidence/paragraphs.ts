/**
 * The layout of an article: headline, subheadings, numbered body paragraphs and trailing
 * boilerplate ("end of message", "News>RCO NEWS"), each with the line it starts on. Paragraphs are
 * separated by blank lines when the text has any, otherwise each line is a paragraph (the form of
 * copied web articles). Paragraph numbers count body paragraphs only — the headline and the
 * subheadings are not counted — which is how the built-in scenarios' locators count them.
 */

export type BlockKind = 'headline' | 'subheading' | 'paragraph' | 'boilerplate';

export interface Block {
  readonly kind: BlockKind;
  /** The block's text, lines joined by a space. */
  readonly text: string;
  /** Offset of the text in the (normalised) article. */
  readonly start: number;
  /** 1-based line the block starts on. */
  readonly line: number;
  /** 1-based number among body paragraphs (0 for other blocks). */
  readonly paragraph: number;
}

export interface Layout {
  readonly blocks: readonly Block[];
  /** A publisher named in the boilerplate or a dateline ("News>RCO NEWS", "(Reuters)"). */
  readonly publisher?: string;
  /** A dateline place ("BRUSSELS —"), when the first paragraph starts with one. */
  readonly dateline?: string;
}

const words = (s: string) => s.split(/\s+/).filter((w) => w.length > 0).length;
const endsLikeSentence = (s: string) => /[.!:;,"”’)]$/.test(s.trim());
const BOILERPLATE =
  /^(?:end of (?:message|story|article)|(?:news|source|via|publisher|published by|copyright|©|\(c\))\b.*|[-–—*_=#]{3,})$/i;
const PUBLISHER = /^(?:news|source|via|publisher|published by)\s*[:>]\s*(.+)$/i;
const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(.+)$/i;
const DATELINE = /^([A-Z][A-Z .'-]{2,})(?:,\s*[A-Z][a-z]+)?\s*(?:\(([^)]+)\))?\s*[—–-]{1,2}\s+/;

interface RawBlock {
  text: string;
  start: number;
  line: number;
}

function rawBlocks(text: string): RawBlock[] {
  const lines = text.split('\n');
  // Blank-line separated when a blank line stands between two lines of text.
  const first = lines.findIndex((l) => l.trim() !== '');
  const last = lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim() !== '');
  const blankSeparated = lines.some((l, i) => l.trim() === '' && i > first && i < last);
  const out: RawBlock[] = [];
  let offset = 0;
  let current: RawBlock | undefined;
  lines.forEach((l, i) => {
    const trimmed = l.trim();
    const lead = l.length - l.trimStart().length;
    if (trimmed === '') current = undefined;
    else if (blankSeparated && current) current.text += ` ${trimmed}`;
    else {
      current = { text: trimmed, start: offset + lead, line: i + 1 };
      out.push(current);
      if (!blankSeparated) current = undefined;
    }
    offset += l.length + 1;
  });
  return out;
}

export function layoutArticle(text: string): Layout {
  const raw = rawBlocks(text);
  // Trailing boilerplate: short lines without sentence punctuation at the end, and marker lines.
  let end = raw.length;
  while (end > 1) {
    const t = raw[end - 1]!.text;
    if (BOILERPLATE.test(t) || (words(t) <= 4 && !endsLikeSentence(t))) end--;
    else break;
  }
  let publisher: string | undefined;
  for (const b of raw.slice(end)) {
    const m = PUBLISHER.exec(b.text) ?? COPYRIGHT.exec(b.text);
    if (m && !publisher) publisher = m[1]!.trim();
  }
  const blocks: Block[] = [];
  let n = 0;
  let dateline: string | undefined;
  raw.forEach((b, i) => {
    let kind: BlockKind;
    if (i >= end) kind = 'boilerplate';
    else if (i === 0 && raw.length > 1 && words(b.text) <= 25 && !/[.!]$/.test(b.text))
      kind = 'headline';
    else if (
      i > 0 &&
      i < end - 1 &&
      words(b.text) <= 12 &&
      !endsLikeSentence(b.text) &&
      !DATELINE.test(b.text)
    )
      kind = 'subheading';
    else kind = 'paragraph';
    if (kind === 'paragraph' && n === 0) {
      const d = DATELINE.exec(b.text);
      if (d) {
        dateline = d[1]!.trim();
        if (d[2] && !publisher) publisher = d[2].trim();
      }
    }
    blocks.push({
      kind,
      text: b.text,
      start: b.start,
      line: b.line,
      paragraph: kind === 'paragraph' ? ++n : 0,
    });
  });
  return { blocks, ...(publisher ? { publisher } : {}), ...(dateline ? { dateline } : {}) };
}
