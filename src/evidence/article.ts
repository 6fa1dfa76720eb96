/**
 * From a file's bytes to article text ready for reading: decoded (see `decode.ts`), stripped of
 * HTML when it is a web page, and checked to be English. Problems are {@link InputError}s naming
 * the file; what was done to the text is returned as notices for the shell to print.
 */
import { InputError } from '../core/errors.ts';
import { decodeArticle } from './decode.ts';
import { looksLikeHtml, stripHtml } from './html.ts';
import { checkLanguage } from './language.ts';

export interface PreparedArticle {
  readonly text: string;
  readonly html: boolean;
  /** What was done to the text, e.g. "HTML: 42 tags stripped". */
  readonly notices: readonly string[];
}

export function prepareArticle(bytes: Uint8Array, file: string): PreparedArticle {
  let text = decodeArticle(bytes, file);
  const notices: string[] = [];
  const html = looksLikeHtml(text);
  if (html) {
    const stripped = stripHtml(text);
    if (stripped.text.length === 0) {
      throw new InputError({
        file,
        path: '',
        message: 'is HTML with no text once its tags are stripped',
      });
    }
    notices.push(
      `${file}: read as HTML: ${stripped.tags} tags stripped and character references decoded`,
    );
    text = stripped.text;
  }
  const lang = checkLanguage(text);
  if (!lang.english) {
    const what = lang.guess ? `looks like ${lang.guess}` : 'does not look like English';
    throw new InputError({
      file,
      path: '',
      message: `${what} (${Math.round(lang.englishShare * 100)}% English function words, ${Math.round(lang.latinShare * 100)}% Latin letters): only English text is supported`,
    });
  }
  return { text, html, notices };
}
