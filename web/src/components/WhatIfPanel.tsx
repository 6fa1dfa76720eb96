/** Live forecasts of the draft, computed in the browser's worker as you type. */
import type { WhatIf } from '../useWhatIf.ts';
import type { Problem } from '../api.ts';
import { fmt, fmtAgainst } from '../format.ts';

export function WhatIfPanel(props: {
  whatIf: WhatIf;
  modelNames: Map<string, string>;
  /** Show only these issues (the one being edited, on a phone); default all. */
  issues?: readonly string[];
  compact?: boolean;
}) {
  const { result, ms, busy, error, stale } = props.whatIf;
  const issues = result?.issues.filter((i) => !props.issues || props.issues.includes(i.id)) ?? [];
  return (
    <section
      className={`whatif${props.compact ? ' compact-whatif' : ''}`}
      aria-labelledby={props.compact ? undefined : 'whatif-h'}
      aria-label={props.compact ? 'What-if for this issue' : undefined}
      data-testid={props.compact ? 'whatif-near' : 'whatif'}
      data-seq={props.whatIf.seq}
    >
      {!props.compact && (
        <h3 id="whatif-h">
          What-if <span className="muted small">(live, in your browser)</span>
        </h3>
      )}
      <p className="muted small" aria-live="polite">
        {busy ? (
          'computing…'
        ) : ms !== null ? (
          <>
            all models in{' '}
            <span data-testid={props.compact ? undefined : 'whatif-ms'} data-timing="">
              {ms.toFixed(1)}
            </span>{' '}
            ms
          </>
        ) : (
          ''
        )}
        {stale && !busy && ' · showing the last result that ran'}
      </p>
      {error && !props.compact && (
        <p className="error" role="alert" data-testid="whatif-error">
          {error}
        </p>
      )}
      {issues.map((issue) => {
        const table = (
          <table key={issue.id} className={`compact${stale ? ' stale' : ''}`}>
            <caption>
              {issue.name}
              {issue.threshold ? ` (threshold ${fmt(issue.threshold.value)})` : ''}
            </caption>
            <tbody>
              {Object.entries(issue.forecasts).map(([m, f]) => {
                const v = issue.verdicts[m];
                return (
                  <tr key={m}>
                    <th scope="row">{props.modelNames.get(m) ?? m}</th>
                    <td
                      className="num"
                      data-testid={props.compact ? undefined : `whatif-${issue.id}-${m}`}
                    >
                      {fmtAgainst(f, issue.threshold?.value, v?.meets)}
                    </td>
                    <td>
                      {v ? (
                        <span className={v.meets ? 'yes' : 'no'}>{v.meets ? 'yes' : 'no'}</span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
        if (!props.compact) return table;
        // Docked on a phone: one line per issue (the models' spread and how many reach the
        // threshold), the table one tap away, so the dock does not hide the field being edited.
        const values = Object.values(issue.forecasts).filter((x) => Number.isFinite(x));
        const meeting = Object.values(issue.verdicts).filter((v) => v.meets).length;
        const spread = values.length
          ? `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}`
          : '–';
        return (
          <details key={issue.id} className="dock-issue" data-testid={`whatif-near-${issue.id}`}>
            <summary>
              <strong>{issue.name}</strong>: models {spread}
              {issue.threshold
                ? `; ${meeting} of ${values.length} reach ${fmt(issue.threshold.value)}`
                : ''}
            </summary>
            {table}
          </details>
        );
      })}
    </section>
  );
}

/**
 * The draft's state: its problems (blocking), or, when it validates, whether the models ran on
 * it — a valid file the models cannot run (every actor weightless on an issue) is not "valid"
 * in any sense that helps — and the values outside their evidence range (never blocking).
 */
export function Problems(props: {
  problems: readonly Problem[];
  warnings?: readonly Problem[];
  modelError?: string | null;
}) {
  const all = props.warnings ?? [];
  // Values outside their evidence range, apart from other warnings (e.g. a source URL that is
  // not http(s)); neither blocks anything.
  const warnings = all.filter((p) => /outside its evidence range/.test(p.message));
  const others = all.filter((p) => !/outside its evidence range/.test(p.message));
  const outside = (
    <>
      {warnings.length > 0 && (
        <div className="warnings" data-testid="warnings">
          <h3>
            {warnings.length} value{warnings.length === 1 ? '' : 's'} outside the evidence
          </h3>
          <p className="muted small">Allowed: runs, saves and reports go ahead and mark them.</p>
          <ul>
            {warnings.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {others.length > 0 && (
        <div className="warnings" data-testid="other-warnings">
          <h3>
            {others.length} warning{others.length === 1 ? '' : 's'}
          </h3>
          <ul>
            {others.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
  if (props.problems.length === 0)
    return (
      <>
        {props.modelError ? (
          <p className="error" data-testid="model-problem">
            The scenario reads well but the models cannot run on it: {props.modelError}
          </p>
        ) : (
          <p className="ok" data-testid="valid">
            ✓ Valid scenario
          </p>
        )}
        {outside}
      </>
    );
  return (
    <div className="problems" role="status" aria-live="polite" data-testid="problems">
      <h3>
        {props.problems.length} problem{props.problems.length === 1 ? '' : 's'}
      </h3>
      <p className="muted small">The what-if waits for these to be fixed.</p>
      <ul>
        {props.problems.map((p, i) => (
          <li key={i}>
            <code>{p.path || '(scenario)'}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
