/**
 * A cheap check that a text is English, so the rules (which are English) are not run on text they
 * cannot read. Two signals: the script of the letters (Latin or not) and the share of English
 * function words among the words. English prose has 35-50 % function words from the list below;
 * French, Spanish, German or Indonesian prose has under 10 %.
 */

const ENGLISH = new Set(
  'the of and to a in that is was for on are with as by be at this it from or have has an not but which they were their its would will been also can more than who had other said says about into after over between such these there only should could when while up out all no most some what one two new against may'.split(
    ' ',
  ),
);

/** Function words of languages a user may plausibly paste, to name the language when we refuse. */
const OTHERS: Record<string, Set<string>> = {
  French: new Set(
    'le la les des du de et est une un que qui dans pour pas sur au aux avec ce cette il elle sont été par plus'.split(
      ' ',
    ),
  ),
  Spanish: new Set(
    'el la los las de del y que en un una por con para no es se su al lo como más pero sus fue ha'.split(
      ' ',
    ),
  ),
  Portuguese: new Set(
    'o a os as de do da dos das e que em um uma para com não por se mais na no foi ao'.split(' '),
  ),
  German: new Set(
    'der die das und ist nicht ein eine zu den von mit sich des auf für im dem als auch es an werden aus er sie'.split(
      ' ',
    ),
  ),
  Italian: new Set(
    'il lo la gli le di e che un una per non con si della del alla è sono anche come più'.split(
      ' ',
    ),
  ),
  Dutch: new Set(
    'de het een en van is dat op te in niet met voor zijn er aan ook als bij door'.split(' '),
  ),
  Indonesian: new Set(
    'yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga adalah oleh'.split(' '),
  ),
  Turkish: new Set('ve bir bu da de için ile olarak daha çok gibi ama olan en'.split(' ')),
};

export interface LanguageCheck {
  readonly english: boolean;
  /** The dominant script of the letters. */
  readonly script: string;
  /** Share of letters in the Latin script (0-1). */
  readonly latinShare: number;
  /** Share of words that are English function words (0-1). */
  readonly englishShare: number;
  /** Number of words looked at. */
  readonly words: number;
  /** A guess at the language when it is not English ("French", "Cyrillic script"…), if any. */
  readonly guess?: string;
}

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Han (Chinese)', /\p{Script=Han}/u],
  ['Hangul (Korean)', /\p{Script=Hangul}/u],
  ['Japanese kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
];

/** The minimum share of English function words for a text of 30 words or more to count as English. */
export const MIN_ENGLISH_SHARE = 0.15;

export function checkLanguage(text: string): LanguageCheck {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const counts = new Map<string, number>();
  let letters = 0;
  for (const ch of sample) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  const latin = counts.get('Latin') ?? 0;
  const latinShare = letters ? latin / letters : 0;
  const script = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
  const words = (sample.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 20_000);
  const englishShare = words.length ? words.filter((w) => ENGLISH.has(w)).length / words.length : 0;
  if (latinShare < 0.5) {
    return {
      english: false,
      script,
      latinShare,
      englishShare,
      words: words.length,
      guess: `${script} script`,
    };
  }
  // Too short to judge by function words: accept.
  if (words.length < 30 || englishShare >= MIN_ENGLISH_SHARE) {
    return { english: true, script, latinShare, englishShare, words: words.length };
  }
  let guess: string | undefined;
  let best = 0;
  for (const [lang, set] of Object.entries(OTHERS)) {
    const share = words.filter((w) => set.has(w)).length / words.length;
    if (share > best) [best, guess] = [share, lang];
  }
  return {
    english: false,
    script,
    latinShare,
    englishShare,
    words: words.length,
    ...(guess && best > englishShare ? { guess } : {}),
  };
}
