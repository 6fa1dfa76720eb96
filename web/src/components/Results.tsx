/**
 * Results as pictures: per issue the forecast comparison (with Monte Carlo intervals when a
 * simulation ran), the outcome histogram with the threshold and P(≥ threshold), trajectories
 * (EUM, SMP), the tornado, the dyad network; and actors on a 2-D plane of two issues.
 * Hovering or clicking an actor (in a chart, a table row or the picker) highlights it in every
 * chart of the view (highlight.tsx).
 */
import { useMemo, useState } from 'react';
import type { ForecastResult } from '../../../src/analysis/forecast.ts';
import type { LeversResult } from '../../../src/analysis/levers/levers.ts';
import type { MonteCarloResult } from '../../../src/analysis/monte-carlo/summarize.ts';
import type { TornadoResult } from '../../../src/analysis/sensitivity/tornado.ts';
import { actorPositionsChart } from '../../../src/charts/actors.ts';
import { forecastChart } from '../../../src/charts/forecast.ts';
import { histogramChart } from '../../../src/charts/histogram.ts';
import { leversChart } from '../../../src/charts/levers.ts';
import { planeChart, shortModelName } from '../../../src/charts/plane.ts';
import { tornadoChart } from '../../../src/charts/tornado.ts';
import { trajectoriesChart } from '../../../src/charts/trajectories.ts';
import { leverRows, tornadoSections } from '../../../src/charts/from-results.ts';
import { pressures, trajectories } from '../../../src/report/scenario-report/model-detail.ts';
import { HighlightProvider } from '../highlight.tsx';
import { ActorPicker, useActorRow } from './ActorPicker.tsx';
import DyadNetwork from './DyadNetwork.tsx';
import { PlotView } from './PlotView.tsx';

const fmt = (x: number | undefined | null) =>
  x === undefined || x === null || !Number.isFinite(x) ? '–' : (Math.round(x * 10) / 10).toString();

/** Models whose tornado on the issue has at least one bar. */
function tornadoModels(t: TornadoResult, issueId: string): string[] {
  const models = t.issues.find((i) => i.id === issueId)?.models ?? {};
  return Object.keys(models).filter((m) => models[m]!.bars.some((b) => b.swing > 0));
}

export interface Analyses {
  forecast: ForecastResult | null;
  /** Where the forecast came from. */
  forecastSource: string;
  monteCarlo: MonteCarloResult | null;
  tornado: TornadoResult | null;
  levers: LeversResult | null;
}

export function Results(props: {
  analyses: Analyses;
  actorIds: string[];
  /** Applies a lever to the draft: the input at `path` set to `to`. */
  onApplyLever?: (path: string, to: number) => void;
}) {
  const { forecast, monteCarlo, tornado, levers } = props.analyses;
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const i of forecast?.issues ?? []) for (const a of i.actors) m.set(a.id, a.name);
    return m;
  }, [forecast]);
  const modelNames = useMemo(
    () => new Map((forecast?.models ?? []).map((m) => [m.id, m.name])),
    [forecast],
  );
  // The scenario's actors in its order: every chart colours an actor the same way.
  const actors = useMemo(
    () => props.actorIds.map((id) => ({ id, name: names.get(id) ?? id })),
    [props.actorIds, names],
  );
  const sensitivity = useMemo(() => (tornado ? tornadoSections(tornado, 12) : []), [tornado]);
  const leverBars = useMemo(() => (levers ? leverRows(levers, 10) : []), [levers]);
  const [planeX, setPlaneX] = useState(0);
  const [planeY, setPlaneY] = useState(1);
  if (!forecast)
    return <p className="muted">No results yet: press Run, or edit a number for a live what-if.</p>;
  const issues = forecast.issues;
  return (
    <HighlightProvider>
      <div className="results" data-testid="results">
        <p className="muted small">
          {props.analyses.forecastSource} · seed {forecast.seed} · scenario{' '}
          <code>{forecast.scenario.hash.slice(0, 19)}…</code>
        </p>
        <ActorPicker
          actors={actors}
          only={new Set(issues.flatMap((i) => i.actors.map((a) => a.id)))}
        />
        {issues.map((issue) => {
          const trajs = trajectories(forecast, props.actorIds, issue.id);
          const press = pressures(forecast, props.actorIds, issue.id);
          const mcIssue = monteCarlo?.issues.find((i) => i.id === issue.id);
          return (
            <section key={issue.id} className="issue-results" aria-labelledby={`res-${issue.id}`}>
              <h2 id={`res-${issue.id}`}>{issue.name}</h2>
              {issue.question && <p className="question">{issue.question}</p>}
              <h3>Forecasts by model{mcIssue ? ' (with 10–90% intervals)' : ''}</h3>
              <PlotView
                spec={(ctx) =>
                  forecastChart(
                    issue,
                    mcIssue
                      ? Object.fromEntries(
                          Object.entries(mcIssue.outcomes)
                            .filter(([, o]) => o.runs > 0)
                            .map(([m, o]) => [m, { q10: o.q10, q90: o.q90 }]),
                        )
                      : null,
                    modelNames,
                    ctx,
                  )
                }
                deps={[issue, mcIssue, modelNames]}
                label={`Forecasts for ${issue.name}`}
              />
              <table className="compact">
                <thead>
                  <tr>
                    <th scope="col">Model</th>
                    <th scope="col">Forecast</th>
                    {issue.threshold && <th scope="col">≥ {issue.threshold.value}?</th>}
                    {mcIssue && <th scope="col">10–90%</th>}
                    {mcIssue && issue.threshold && <th scope="col">P(≥ threshold)</th>}
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(issue.forecasts).map(([m, f]) => {
                    const v = issue.verdicts[m];
                    const o = mcIssue?.outcomes[m];
                    return (
                      <tr key={m}>
                        <th scope="row">{modelNames.get(m) ?? m}</th>
                        <td className="num" data-testid={`forecast-${issue.id}-${m}`}>
                          {fmt(f)}
                        </td>
                        {issue.threshold && (
                          <td>
                            {v ? (
                              <span className={v.meets ? 'yes' : 'no'}>
                                {v.meets ? 'yes' : 'no'}
                              </span>
                            ) : (
                              ''
                            )}
                          </td>
                        )}
                        {mcIssue && (
                          <td className="num">{o ? `${fmt(o.q10)}–${fmt(o.q90)}` : ''}</td>
                        )}
                        {mcIssue && issue.threshold && (
                          <td className="num" data-testid={`p-${issue.id}-${m}`}>
                            {o?.pAtOrAbove ? `${(100 * o.pAtOrAbove.p).toFixed(1)}%` : ''}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <ActorsOnIssue issue={issue} actors={actors} modelNames={modelNames} />
              {monteCarlo && mcIssue && (
                <>
                  <h3>Distribution of outcomes ({monteCarlo.runs} runs)</h3>
                  {[
                    // In the forecast table's order, then any model only the simulation ran.
                    ...Object.keys(issue.forecasts).filter((m) => mcIssue.outcomes[m]),
                    ...Object.keys(mcIssue.outcomes).filter((m) => !(m in issue.forecasts)),
                  ].map((m) => (
                    <div key={m}>
                      <h4>{modelNames.get(m) ?? m}</h4>
                      <PlotView
                        spec={(ctx) => {
                          const o = mcIssue.outcomes[m];
                          return o && o.runs > 0
                            ? histogramChart(o, mcIssue.threshold, modelNames.get(m) ?? m, ctx)
                            : null;
                        }}
                        deps={[mcIssue, m]}
                        label={`Distribution of ${issue.name} under ${m}`}
                      />
                    </div>
                  ))}
                </>
              )}
              {trajs.map((t) => (
                <div key={t.model}>
                  <h3>
                    Positions by round: {modelNames.get(t.model) ?? t.model} ({t.rounds} rounds)
                  </h3>
                  <PlotView
                    spec={(ctx) =>
                      trajectoriesChart(
                        t,
                        actors,
                        issue.scale,
                        modelNames.get(t.model) ?? t.model,
                        ctx,
                      )
                    }
                    deps={[t, actors]}
                    label={`Trajectories on ${issue.name} under ${t.model}`}
                  />
                </div>
              ))}
              {tornado && tornadoModels(tornado, issue.id).length === 0 && (
                <p className="muted">
                  Sensitivity: no input moves this outcome — give the numbers low–high ranges (Show
                  ranges) for the tornado to vary them.
                </p>
              )}
              {tornado &&
                tornadoModels(tornado, issue.id).map((m) => (
                  <div key={`t-${m}`}>
                    <h3>Sensitivity (tornado): {modelNames.get(m) ?? m}</h3>
                    <PlotView
                      spec={(ctx) => {
                        const t = sensitivity.find((x) => x.issueId === issue.id && x.model === m);
                        return t ? tornadoChart(t, modelNames.get(m) ?? m, ctx) : null;
                      }}
                      deps={[sensitivity, issue.id, m]}
                      label={`Tornado for ${issue.name} under ${m}`}
                    />
                  </div>
                ))}
              {press.length > 0 && (
                <div>
                  <h3>Who pressures whom (EUM, round 1)</h3>
                  <DyadNetwork
                    pressures={press}
                    actors={actors}
                    issueName={issue.name}
                    label={`Pressure network on ${issue.name}`}
                  />
                </div>
              )}
            </section>
          );
        })}
        {levers && (
          <section aria-labelledby="levers-h">
            <h2 id="levers-h">
              Levers: {levers.goal === 'reach' ? 'to reach' : 'to undo'} {levers.target.text} (
              {levers.model.name})
            </h2>
            <p className="small">
              Now {fmt(levers.base)}.{' '}
              {levers.noSingleLever ? 'No single input reaches it within its range.' : ''}
            </p>
            {leverBars.length > 0 && (
              <PlotView
                spec={(ctx) => leversChart(leverBars, levers.target.text, ctx)}
                deps={[leverBars]}
                label={`Levers toward ${levers.target.text}`}
              />
            )}
            <table className="compact" data-testid="levers">
              <thead>
                <tr>
                  <th scope="col">Change</th>
                  <th scope="col">Who acts</th>
                  <th scope="col">By</th>
                  <th scope="col">% of range</th>
                  <th scope="col">Reached</th>
                  {props.onApplyLever && (
                    <th scope="col">
                      <span className="sr-only">Apply</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {levers.singles.slice(0, 10).map((s) => (
                  <tr key={s.input}>
                    <td>
                      {s.input}: {fmt(s.from)} → {fmt(s.to)}
                      {s.nonMonotone && (
                        <span
                          className="flag"
                          title="the outcome does not move one way along this input"
                        >
                          {' '}
                          non-monotone
                        </span>
                      )}
                      {!s.withinRange && s.range[1] > s.range[0] && (
                        <span className="flag"> outside evidence</span>
                      )}
                    </td>
                    <td className="small">{s.by.join(', ') || '–'}</td>
                    <td className="num">
                      {s.change > 0 ? '+' : ''}
                      {fmt(s.change)}
                    </td>
                    <td className="num">
                      {s.shareOfRange === null ? '–' : `${Math.round(100 * s.shareOfRange)}%`}
                    </td>
                    <td className="num">{fmt(s.reached)}</td>
                    {props.onApplyLever && (
                      <td>
                        <button
                          type="button"
                          className="small"
                          aria-label={`Apply: ${s.input} to ${fmt(s.to)}`}
                          data-testid={`apply-${s.path}`}
                          onClick={() => props.onApplyLever!(s.path, s.to)}
                        >
                          Apply
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
                {levers.pairs.slice(0, 5).map((p, i) => (
                  <tr key={`p${i}`}>
                    <td>
                      {p.changes
                        .map((c) => `${c.input}: ${fmt(c.from)} → ${fmt(c.to)}`)
                        .join(' and ')}
                    </td>
                    <td className="small">
                      {[...new Set(p.changes.flatMap((c) => c.by))].join(', ')}
                    </td>
                    <td />
                    <td />
                    <td className="num">{fmt(p.reached)}</td>
                    {props.onApplyLever && <td />}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {issues.length >= 2 && (
          <section aria-labelledby="plane-h">
            <h2 id="plane-h">Actors on two issues</h2>
            <div className="row">
              <label>
                Across{' '}
                <select value={planeX} onChange={(e) => setPlaneX(Number(e.target.value))}>
                  {issues.map((i, k) => (
                    <option key={i.id} value={k}>
                      {i.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Up{' '}
                <select value={planeY} onChange={(e) => setPlaneY(Number(e.target.value))}>
                  {issues.map((i, k) => (
                    <option key={i.id} value={k}>
                      {i.name}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <PlotView
              spec={(ctx) =>
                issues[planeX] && issues[planeY]
                  ? planeChart(issues[planeX], issues[planeY], actors, modelNames, ctx)
                  : null
              }
              deps={[forecast, actors, planeX, planeY]}
              label="Actors' positions on two issues, with each model's forecast as a cross"
            />
            <p className="small muted">
              Dot area ∝ capability × salience; crosses are the models’ forecasts.
            </p>
          </section>
        )}
      </div>
    </HighlightProvider>
  );
}

/**
 * The actors on one issue: their positions (the report's chart) and the table beside it, in
 * the same order; a row highlights its actor in every chart.
 */
function ActorsOnIssue(props: {
  issue: ForecastResult['issues'][number];
  actors: readonly { id: string; name: string }[];
  modelNames: ReadonlyMap<string, string>;
}) {
  const { issue } = props;
  const row = useActorRow();
  const movers = [...new Set(issue.actors.flatMap((a) => Object.keys(a.final)))];
  const rows = issue.actors.map((a) => ({
    ...a,
    positionRange: [a.position, a.position] as const,
  }));
  return (
    <>
      <h3>Actors on {issue.name}</h3>
      <PlotView
        spec={(ctx) => actorPositionsChart(issue, rows, props.actors, ctx)}
        deps={[issue, props.actors]}
        label={`Actors' positions on ${issue.name}`}
      />
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={`Actors on ${issue.name} (scrolls sideways)`}
      >
        <table className="compact actor-table" data-testid={`actors-${issue.id}`}>
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col">Capability</th>
              <th scope="col">Position</th>
              <th scope="col">Salience</th>
              {movers.map((m) => (
                <th scope="col" key={m}>
                  Final ({shortModelName(props.modelNames.get(m) ?? m)})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {issue.actors.map((a) => (
              <tr key={a.id} data-testid={`actor-row-${issue.id}-${a.id}`} {...row(a.id)}>
                <th scope="row">{a.name}</th>
                <td className="num">{fmt(a.capability)}</td>
                <td className="num">{fmt(a.position)}</td>
                <td className="num">{fmt(a.salience)}</td>
                {movers.map((m) => (
                  <td className="num" key={m}>
                    {fmt(a.final[m])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
