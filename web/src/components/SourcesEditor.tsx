/**
 * The scenario's sources: add, edit (id — renamed everywhere —, title, publisher, URL, date,
 * grade, note) and remove, with validation as you type at each field (the CLI's messages; a URL
 * that is not http(s) is a warning, as in `entente validate`).
 */
import type { Draft, Json } from '../doc.ts';
import {
  SOURCE_GRADES,
  addSource,
  referencesTo,
  removeSource,
  setListField,
} from '../evidence-edit.ts';
import type { Problem } from '../api.ts';
import { problemsUnder } from './EvidencePanel.tsx';
import { IdInput } from './IdInput.tsx';

type Obj = { [k: string]: Json };
const asObj = (x: Json | undefined): Obj =>
  x && typeof x === 'object' && !Array.isArray(x) ? x : {};
const str = (x: Json | undefined) => (typeof x === 'string' ? x : '');

const TEXT_FIELDS = [
  ['title', 'Title', true],
  ['publisher', 'Publisher', false],
  ['url', 'URL', false],
  ['date', 'Date (YYYY-MM-DD)', false],
] as const;

export function SourcesEditor(props: {
  draft: Draft;
  onChange: (d: Draft) => void;
  problems: readonly Problem[];
  warnings: readonly Problem[];
}) {
  const { draft, onChange } = props;
  const sources = (Array.isArray(draft.sources) ? draft.sources : []).map(asObj);
  const messages = (path: string) =>
    [...problemsUnder(props.problems, path), ...problemsUnder(props.warnings, path)].map(
      (p) => `${p.path}: ${p.message}`,
    );
  return (
    <details className="sources-editor" data-testid="sources-editor" open={sources.length < 8}>
      <summary>
        <h3>Sources ({sources.length})</h3>
      </summary>
      <ol>
        {sources.map((s, i) => {
          const at = `sources[${i}]`;
          const sid = str(s.id);
          const set = (key: string, v: Json | undefined, keepEmpty = false) =>
            onChange(setListField(draft, 'sources', i, key, v, { keepEmpty }));
          return (
            <li key={i} className="source-card" data-testid={`source-${i}`}>
              <div className="source-head">
                <IdInput
                  draft={draft}
                  kind="source"
                  index={i}
                  value={sid}
                  onChange={onChange}
                  label={`Source ${i + 1} id`}
                  testId={`source-id-${i}`}
                  problem={messages(`${at}.id`).join('; ')}
                />
                <button
                  type="button"
                  className="link small"
                  aria-label={`Remove source ${sid}`}
                  onClick={() => {
                    const cited = referencesTo(draft, 'source', sid).length;
                    if (
                      cited > 0 &&
                      !confirm(
                        `${cited} evidence item${cited === 1 ? '' : 's'} cite${cited === 1 ? 's' : ''} ${sid}: remove it anyway? They will name an unknown source until you change them.`,
                      )
                    )
                      return;
                    onChange(removeSource(draft, i));
                  }}
                >
                  Remove
                </button>
              </div>
              {TEXT_FIELDS.map(([key, label, required]) => {
                const msg = messages(`${at}.${key}`);
                return (
                  <label key={key} className="ev-field">
                    {label}
                    <input
                      value={str(s[key])}
                      data-testid={`source-${key}-${i}`}
                      inputMode={key === 'url' ? 'url' : undefined}
                      aria-invalid={msg.length ? 'true' : undefined}
                      onChange={(e) => set(key, e.target.value, required)}
                    />
                    {msg.length > 0 && (
                      <span
                        className="cell-problem"
                        role="note"
                        data-testid={`source-${key}-${i}-problem`}
                      >
                        {msg.join('; ')}
                      </span>
                    )}
                  </label>
                );
              })}
              <label className="ev-field">
                Grade
                <select value={str(s.grade)} onChange={(e) => set('grade', e.target.value)}>
                  <option value="">(not graded)</option>
                  {SOURCE_GRADES.map((g) => (
                    <option key={g} value={g}>
                      {g}
                    </option>
                  ))}
                </select>
              </label>
              <label className="ev-field">
                Note
                <textarea
                  rows={2}
                  value={str(s.note)}
                  onChange={(e) => set('note', e.target.value)}
                />
              </label>
              {messages(at)
                .filter((m) => !/^sources\[\d+\]\.(id|title|publisher|url|date)\b/.test(m))
                .map((m) => (
                  <span key={m} className="cell-problem" role="note">
                    {m}
                  </span>
                ))}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        data-testid="add-source"
        onClick={() => onChange(addSource(draft).draft)}
      >
        Add source
      </button>
    </details>
  );
}
