/** Escaping for user text in HTML/SVG and Markdown. Every scenario string passes through here. */

/** Text or attribute value → safe HTML (also safe inside SVG); the charts' escaping, shared. */
export { escapeXml as escapeHtml } from '../svg/escape.ts';

/**
 * A URL for an `href`: only http(s) and mailto survive (a `javascript:` URL in a source would
 * otherwise run when clicked); anything else yields null and is shown as text.
 */
export function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  return /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

/**
 * Text → Markdown that shows literally: inline markup characters (emphasis, code, links, HTML,
 * table pipes) are backslash-escaped, a line-start marker (heading, list, quote) is neutralised,
 * and line breaks become spaces (safe in a table cell).
 */
export function escapeMarkdown(text: unknown): string {
  return String(text)
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/^(\s*)([#+\-=]+)(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/, '$1$2\\$3');
}
