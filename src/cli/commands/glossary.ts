/** `entente glossary [TERM]`: one term, or all of them (options: program/glossary.ts). */
import { InputError } from '../../core/errors.ts';
import { GLOSSARY, findTerm, glossaryMarkdown, nearestTerms } from '../../core/glossary.ts';
import { io } from '../io.ts';

export function glossaryCommand(
  query: string | undefined,
  flags: { json?: boolean; markdown?: boolean },
): void {
  if (flags.markdown) {
    io.out(glossaryMarkdown());
    return;
  }
  if (query === undefined) {
    if (flags.json) {
      io.json(GLOSSARY);
      return;
    }
    const width = Math.max(...GLOSSARY.map((t) => t.id.length));
    io.out(
      [
        ...GLOSSARY.map((t) => `${t.id.padEnd(width)}  ${t.term}`),
        '',
        `${GLOSSARY.length} terms; \`entente glossary TERM\` explains one (docs/glossary.md has them all).`,
      ].join('\n'),
    );
    return;
  }
  const term = findTerm(query);
  if (!term) {
    throw new InputError({
      path: 'glossary',
      message: `unknown term "${query}"; nearest: ${nearestTerms(query).join(', ')} (\`entente glossary\` lists every term)`,
    });
  }
  if (flags.json) {
    io.json(term);
    return;
  }
  io.out(
    [
      `${term.term} (${term.id})`,
      `  ${term.definition}`,
      `  Source: ${term.source}.`,
      ...(term.aliases?.length ? [`  Also: ${term.aliases.join(', ')}.`] : []),
    ].join('\n'),
  );
}
