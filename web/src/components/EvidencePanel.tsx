/**
 * The evidence behind the focused number, editable: its derivation and UNVERIFIED flag, and the
 * quotes (evidence items) that support it — each with its source, locator and flag —, added,
 * edited or unlinked. Validation runs as you type (the CLI's messages), each problem at its field.
 */
import { type Draft, type Json, getIn, readMeasure } from '../doc.ts';
import {
  addQuote,
  quotesFor,
  removeQuote,
  setListField,
  setMeasureNote,
} from '../evidence-edit.ts';
import type { Problem } from '../api.ts';
import type { Focus } from './Editor.tsx';
import { IdInput } from './IdInput.tsx';

type Obj = { [k: string]: Json };
const asObj = (x: Json | undefined): Obj =>
  x && typeof x === 'object' && !Array.isArray(x) ? x : {};
const str = (x: Json | undefined) => (typeof x === 'string' ? x : '');

/** Only http(s) links are clickable; anything else is shown as text. */
const safeUrl = (u: string) => (/^https?:\/\//i.test(u) ? u : null);

/** Problems (path: message) at a field or under it, e.g. `evidence[3]` → `evidence[3].source`. */
export function problemsUnder(problems: readonly Problem[], prefix: string): Problem[] {
  return problems.filter(
    (p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`),
  );
}

function FieldProblems(props: { problems: readonly Problem[]; testId?: string }) {
  if (props.problems.length === 0) return null;
  return (
    <span className="cell-problem" role="note" data-testid={props.testId}>
      {props.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}
    </span>
  );
}

export function EvidencePanel(props: {
  draft: Draft;
  focus: Focus | null;
  problems?: readonly Problem[];
  warnings?: readonly Problem[];
  onChange?: (d: Draft) => void;
}) {
  const { draft, focus } = props;
  const problems = props.problems ?? [];
  const onChange = props.onChange ?? (() => undefined);
  if (!focus) return <p className="muted">Focus a number in the grid to see its evidence.</p>;
  const m = readMeasure(getIn(draft, focus.path));
  const evidence = (Array.isArray(draft.evidence) ? draft.evidence : []).map(asObj);
  const sourceList = (Array.isArray(draft.sources) ? draft.sources : []).map(asObj);
  const sources = new Map(sourceList.map((s) => [str(s.id), s]));
  const quotes = quotesFor(draft, focus);
  const actorName = focus.actor
    ? str(
        (Array.isArray(draft.actors) ? draft.actors : [])
          .map(asObj)
          .find((a) => a.id === focus.actor)?.name,
      )
    : '';
  const what = `${actorName || focus.issue} ${focus.issue && actorName ? `· ${focus.issue}` : ''} · ${focus.field}`;
  return (
    <div className="evidence-panel" data-testid="evidence-panel">
      <h3>Evidence: {what}</h3>
      <p>
        Value <strong>{String(m.value ?? '—')}</strong>
        {m.low !== undefined || m.high !== undefined
          ? ` (range ${m.low ?? '?'}–${m.high ?? '?'})`
          : ''}
        {m.unverified && <span className="flag"> UNVERIFIED</span>}
      </p>
      <label className="ev-field">
        Derivation (how the number follows from the evidence)
        <textarea
          rows={2}
          data-testid="ev-derivation"
          value={m.derivation ?? ''}
          onChange={(e) =>
            onChange(setMeasureNote(draft, focus.path, 'derivation', e.target.value))
          }
        />
      </label>
      <label className="ev-check">
        <input
          type="checkbox"
          data-testid="ev-unverified"
          checked={m.unverified}
          onChange={(e) =>
            onChange(setMeasureNote(draft, focus.path, 'unverified', e.target.checked))
          }
        />{' '}
        UNVERIFIED: rests on an indicator not checked against its source
      </label>
      {quotes.length === 0 ? (
        <p className="flag">No evidence cited for this number.</p>
      ) : (
        <ol className="quotes">
          {quotes.map((q) => {
            const e = evidence[q.index]!;
            const at = `evidence[${q.index}]`;
            const sid = str(e.source);
            const src = sources.get(sid);
            const url = src ? safeUrl(str(src.url)) : null;
            const set = (key: string, v: Json | undefined, keepEmpty = false) =>
              onChange(setListField(draft, 'evidence', q.index, key, v, { keepEmpty }));
            return (
              <li key={q.index} data-testid={`quote-${q.id}`}>
                <div className="ev-head">
                  <IdInput
                    draft={draft}
                    kind="evidence"
                    index={q.index}
                    value={q.id}
                    onChange={onChange}
                    label={`Evidence id (${at})`}
                    className="small"
                    problem={problemsUnder(problems, `${at}.id`)
                      .map((p) => `${p.path}: ${p.message}`)
                      .join('; ')}
                  />
                  <label className="small">
                    <input
                      type="checkbox"
                      checked={e.unverified === true}
                      onChange={(ev) => set('unverified', ev.target.checked)}
                    />{' '}
                    UNVERIFIED
                  </label>
                  <button
                    type="button"
                    className="link small"
                    aria-label={`Remove ${q.id} from this number`}
                    onClick={() => {
                      const r = removeQuote(draft, focus, q.id);
                      onChange(r.draft);
                    }}
                  >
                    Remove
                  </button>
                </div>
                {q.elsewhere > 0 && (
                  <div className="muted small">
                    Also cited in {q.elsewhere} other place{q.elsewhere === 1 ? '' : 's'}: edits
                    show there too; Remove only unlinks it here.
                  </div>
                )}
                <label className="ev-field">
                  Quote (the source’s words, verbatim)
                  <textarea
                    rows={3}
                    data-testid={`quote-text-${q.id}`}
                    value={str(e.quote)}
                    onChange={(ev) => set('quote', ev.target.value, true)}
                  />
                </label>
                <FieldProblems problems={problemsUnder(problems, `${at}.quote`)} />
                <div className="ev-row">
                  <label className="ev-field">
                    Source
                    <select
                      data-testid={`quote-source-${q.id}`}
                      value={sid}
                      aria-invalid={
                        problemsUnder(problems, `${at}.source`).length ? 'true' : undefined
                      }
                      onChange={(ev) => set('source', ev.target.value, true)}
                    >
                      {!src && <option value={sid}>{sid || '(none)'} — unknown</option>}
                      {sourceList.map((s) => (
                        <option key={str(s.id)} value={str(s.id)}>
                          {str(s.id)} — {str(s.title)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="ev-field">
                    Locator
                    <input
                      value={str(e.locator)}
                      placeholder="paragraph, page, row"
                      onChange={(ev) => set('locator', ev.target.value)}
                    />
                  </label>
                </div>
                <FieldProblems
                  problems={problemsUnder(problems, `${at}.source`)}
                  testId={`quote-source-problem-${q.id}`}
                />
                {src && (
                  <div className="small">
                    {url ? (
                      <a href={url} target="_blank" rel="noreferrer noopener">
                        {str(src.title)}
                      </a>
                    ) : (
                      str(src.title)
                    )}
                    {src.publisher !== undefined && `, ${str(src.publisher)}`}
                    {src.date !== undefined && `, ${str(src.date)}`}
                  </div>
                )}
                {e.note !== undefined && <div className="muted small">{str(e.note)}</div>}
                <FieldProblems
                  problems={problemsUnder(problems, at).filter(
                    (p) => !/\.(id|quote|source)$/.test(p.path),
                  )}
                />
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        data-testid="add-quote"
        onClick={() => onChange(addQuote(draft, focus).draft)}
      >
        Add quote
      </button>
      {sourceList.length === 0 && (
        <p className="muted small">Add a source below the grid first; a quote cites one.</p>
      )}
    </div>
  );
}
