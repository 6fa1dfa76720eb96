/** Live forecasts of the draft, computed in the browser's worker as you type. */
import type { WhatIf } from '../useWhatIf.ts';
import type { Problem } from '../api.ts';

const fmt = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '–' : (Math.round(x * 10) / 10).toString();

export function WhatIfPanel(props: { whatIf: WhatIf; modelNames: Map<string, string> }) {
  const { result, ms, busy, error } = props.whatIf;
  return (
    <section className="whatif" aria-labelledby="whatif-h">
      <h3 id="whatif-h">
        What-if <span className="muted small">(live, in your browser)</span>
      </h3>
      <p className="muted small" aria-live="polite">
        {busy ? (
          'computing…'
        ) : ms !== null ? (
          <>
            all models in <span data-testid="whatif-ms">{ms.toFixed(1)}</span> ms
          </>
        ) : (
          ''
        )}
        {props.whatIf.problems.length > 0 && ' · fix the problems below to update'}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result?.issues.map((issue) => (
        <table key={issue.id} className="compact">
          <caption>
            {issue.name}
            {issue.threshold ? ` (threshold ${issue.threshold.value})` : ''}
          </caption>
          <tbody>
            {Object.entries(issue.forecasts).map(([m, f]) => {
              const v = issue.verdicts[m];
              return (
                <tr key={m}>
                  <th scope="row">{props.modelNames.get(m) ?? m}</th>
                  <td className="num" data-testid={`whatif-${issue.id}-${m}`}>
                    {fmt(f)}
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
      ))}
    </section>
  );
}

export function Problems(props: { problems: readonly Problem[]; onPick?: (p: Problem) => void }) {
  if (props.problems.length === 0)
    return (
      <p className="ok" data-testid="valid">
        ✓ Valid scenario
      </p>
    );
  return (
    <div className="problems" role="status" aria-live="polite" data-testid="problems">
      <h3>
        {props.problems.length} problem{props.problems.length === 1 ? '' : 's'}
      </h3>
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
