import { useEffect, useState } from 'react';
import { api, type Builtin, type ScenarioSummary } from '../api.ts';

export type OpenRequest =
  | { kind: 'builtin'; id: string }
  | { kind: 'stored'; id: string; version?: number }
  | { kind: 'new' };

export function ScenarioList(props: {
  onOpen: (r: OpenRequest) => void;
  refresh: number;
  current: string | null;
  /** Told of a failed load (e.g. 401: the page then shows the token field). */
  onError?: (e: unknown) => void;
}) {
  const [builtins, setBuiltins] = useState<Builtin[]>([]);
  const [stored, setStored] = useState<ScenarioSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([api.builtins(), api.scenarios()])
      .then(([b, s]) => {
        setBuiltins(b);
        setStored(s);
        setError(null);
      })
      .catch((e: Error) => {
        setError(e.message);
        props.onError?.(e);
      });
  }, [props.refresh]);

  return (
    <div className="scenario-list">
      <h2>Scenarios</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="button" onClick={() => props.onOpen({ kind: 'new' })}>
        New scenario
      </button>
      <h3>Saved</h3>
      {stored.length === 0 ? (
        <p className="muted">None yet: open a built-in and save it.</p>
      ) : (
        <ul>
          {stored.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="link"
                aria-current={props.current === `stored:${s.id}` ? 'true' : undefined}
                onClick={() => props.onOpen({ kind: 'stored', id: s.id })}
              >
                {s.title}
              </button>
              <span className="muted small">
                {' '}
                v{s.latestVersion} · {s.author} · {new Date(s.updatedAt).toLocaleString()}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>Built-in</h3>
      <ul>
        {builtins.map((b) => (
          <li key={b.id}>
            <button
              type="button"
              className="link"
              data-testid={`builtin-${b.id}`}
              aria-current={props.current === `builtin:${b.id}` ? 'true' : undefined}
              onClick={() => props.onOpen({ kind: 'builtin', id: b.id })}
            >
              {b.title}
            </button>
            <span className="muted small">
              {' '}
              {b.actors} actors · {b.issues.length} issue{b.issues.length === 1 ? '' : 's'} ·{' '}
              {b.asOf}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
