/** The evidence behind the focused number: its derivation, quotes, sources and flags. */
import { type Draft, type Json, getIn, readMeasure } from '../doc.ts';
import type { Focus } from './Editor.tsx';

type Obj = { [k: string]: Json };
const asObj = (x: Json | undefined): Obj =>
  x && typeof x === 'object' && !Array.isArray(x) ? x : {};
const str = (x: Json | undefined) => (typeof x === 'string' ? x : '');

/** Only http(s) links are clickable; anything else is shown as text. */
const safeUrl = (u: string) => (/^https?:\/\//i.test(u) ? u : null);

export function EvidencePanel(props: { draft: Draft; focus: Focus | null }) {
  const { draft, focus } = props;
  if (!focus) return <p className="muted">Focus a number in the grid to see its evidence.</p>;
  const m = readMeasure(getIn(draft, focus.path));
  const evidence = (Array.isArray(draft.evidence) ? draft.evidence : []).map(asObj);
  const sources = new Map(
    (Array.isArray(draft.sources) ? draft.sources : []).map(asObj).map((s) => [str(s.id), s]),
  );
  const ids = new Set(m.evidence);
  for (const e of evidence) {
    const supports = Array.isArray(e.supports) ? e.supports.map(asObj) : [];
    if (
      supports.some(
        (s) =>
          str(s.field) === focus.field &&
          (focus.actor === undefined || str(s.actor) === focus.actor) &&
          (focus.issue === undefined || s.issue === undefined || str(s.issue) === focus.issue),
      )
    )
      ids.add(str(e.id));
  }
  const items = evidence.filter((e) => ids.has(str(e.id)));
  const actorName = focus.actor
    ? str(
        (Array.isArray(draft.actors) ? draft.actors : [])
          .map(asObj)
          .find((a) => a.id === focus.actor)?.name,
      )
    : '';
  return (
    <div className="evidence-panel" data-testid="evidence-panel">
      <h3>
        Evidence: {actorName || focus.issue} {focus.issue && actorName ? `· ${focus.issue}` : ''} ·{' '}
        {focus.field}
      </h3>
      <p>
        Value <strong>{String(m.value ?? '—')}</strong>
        {m.low !== undefined || m.high !== undefined
          ? ` (range ${m.low ?? '?'}–${m.high ?? '?'})`
          : ''}
        {m.unverified && <span className="flag"> UNVERIFIED</span>}
      </p>
      {m.derivation && <p className="derivation">{m.derivation}</p>}
      {items.length === 0 ? (
        <p className="flag">No evidence cited for this number.</p>
      ) : (
        <ol>
          {items.map((e) => {
            const src = sources.get(str(e.source));
            const url = src ? safeUrl(str(src.url)) : null;
            return (
              <li key={str(e.id)}>
                <strong>{str(e.id)}</strong>
                {e.unverified === true && <span className="flag"> UNVERIFIED</span>}
                {e.quote !== undefined && <blockquote>{str(e.quote)}</blockquote>}
                <div className="small">
                  {src ? (
                    <>
                      {url ? (
                        <a href={url} target="_blank" rel="noreferrer noopener">
                          {str(src.title)}
                        </a>
                      ) : (
                        str(src.title)
                      )}
                      {src.publisher !== undefined && `, ${str(src.publisher)}`}
                      {src.date !== undefined && `, ${str(src.date)}`}
                    </>
                  ) : (
                    <span className="flag">unknown source {str(e.source)}</span>
                  )}
                  {e.locator !== undefined && <span className="muted"> ({str(e.locator)})</span>}
                </div>
                {e.note !== undefined && <div className="muted small">{str(e.note)}</div>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
