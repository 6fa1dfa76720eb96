/**
 * HTML → text: saved web pages are common input. Scripts, styles and comments are dropped, block
 * elements become paragraph breaks, other tags vanish and character references are decoded.
 */

/** True when the text is an HTML document or fragment rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  const tags = text.match(
    /<\/?(?:p|div|span|br|a|h[1-6]|body|head|article|section|li|ul|ol|table|tr|td|em|strong|b|i|script|style|meta|title)\b[^>]*>/gi,
  );
  return (tags?.length ?? 0) >= 3;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  euro: '€',
  pound: '£',
  yen: '¥',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  szlig: 'ß',
  shy: '',
  zwnj: '',
  zwj: '',
};

/** Decodes named (a common set) and numeric character references; unknown ones are kept. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)
        ? String.fromCodePoint(cp)
        : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const BLOCK =
  /<\/?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|figure|figcaption|aside|nav|main|hr|title|dd|dt)\b[^>]*>/gi;

/** Strips tags from HTML, keeping paragraphs as blank-line separated blocks. */
export function stripHtml(html: string): { text: string; tags: number } {
  let tags = 0;
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<head\b[^>]*>[\s\S]*?<\/head\s*>/gi, (h) => {
      // Keep the page title as the headline.
      const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(h);
      return title ? `\n\n${title[1]}\n\n` : '\n\n';
    })
    .replace(BLOCK, () => {
      tags++;
      return '\n\n';
    })
    .replace(/<\/?[a-z!][^>]*>/gi, () => {
      tags++;
      return '';
    })
    .split('\n')
    .map((l) =>
      decodeEntities(l)
        .replace(/[ \t\u00a0]+/g, ' ')
        .trim(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, tags };
}
