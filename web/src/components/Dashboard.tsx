/**
 * The first view of a scenario: its question, the answer in short (the headline the CLI and the
 * reports print, src/analysis/headline.ts), the coalition answer (each candidate's level and
 * P(commit), the selected equilibrium, who joins if X joins), the bargained issues with their
 * band and P(≥ threshold) once simulated, and the diagnostics — then links to the detail views.
 * Everything comes from the live what-if (or a server run / simulation of the same inputs).
 */
import type { ForecastResult } from '../../../src/analysis/forecast.ts';
import { type Headline, headlineLines } from '../../../src/analysis/headline.ts';
import type { MonteCarloResult } from '../../../src/analysis/monte-carlo/summarize.ts';
import { fmt } from '../format.ts';

const pct = (p: number | null | undefined) =>
  p === null || p === undefined || !Number.isFinite(p) ? '–' : `${Math.round(100 * p)}%`;

export function Dashboard(props: {
  question: string;
  /** Actor id → name, from the draft (the lead and rival need not be candidates). */
  actorNames: ReadonlyMap<string, string>;
  forecast: ForecastResult | null;
  headline: Headline | null;
  source: string;
  monteCarlo: MonteCarloResult | null;
  stale: boolean;
  busy: boolean;
  onOpen: (view: 'edit' | 'results') => void;
}) {
  const { forecast: r, headline: h, monteCarlo: mc } = props;
  const c = r?.coalition ?? null;
  const names = new Map((c?.candidates ?? []).map((x) => [x.id, x.name]));
  const name = (id: string) => names.get(id) ?? props.actorNames.get(id) ?? id;
  const levelLabel = new Map((c?.levels ?? []).map((l) => [l.id, l.label]));
  return (
    <div className="dashboard" data-testid="dashboard">
      <section className="card question-card" aria-labelledby="dash-q">
        <h3 id="dash-q">The question</h3>
        <p className="question" data-testid="dash-question">
          {props.question || (
            <span className="muted">(no question yet: add one in the Editor)</span>
          )}
        </p>
      </section>

      <section className="card answer-card" aria-labelledby="dash-a" aria-busy={props.busy}>
        <h3 id="dash-a">
          The answer in short{' '}
          <span className="muted small">
            ({props.source}
            {props.stale ? ', last inputs that ran' : ''})
          </span>
        </h3>
        {!h ? (
          <p className="muted">{props.busy ? 'computing…' : 'No answer yet.'}</p>
        ) : (
          <ul className="headline" data-testid="headline">
            {headlineLines(h).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </section>

      {c && (
        <section className="card coalition-card" aria-labelledby="dash-c" data-testid="coalition">
          <h3 id="dash-c">
            Who joins the coalition of {name(c.lead)} against {name(c.rival)}
          </h3>
          <p>
            Selected equilibrium ({c.selected.ruleText}):{' '}
            <strong data-testid="coalition-members">
              {c.selected.members.length
                ? c.selected.members.map(name).join(', ')
                : 'no candidate commits'}
            </strong>{' '}
            at {levelLabel.get(c.joinLevel) ?? c.joinLevel} or above
            {c.equilibria
              ? ` · ${c.equilibria.count} pure equilibri${c.equilibria.count === 1 ? 'um' : 'a'}`
              : ''}{' '}
            · P(prevail) {fmt(c.selected.prevail)}
          </p>
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label="Candidates (scrolls sideways)"
          >
            <table className="compact" data-testid="candidates">
              <caption className="sr-only">Each candidate’s level and P(commit)</caption>
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Level</th>
                  <th scope="col">P(commit)</th>
                  <th scope="col">Gap to join</th>
                  <th scope="col">Deciding term</th>
                </tr>
              </thead>
              <tbody>
                {c.candidates.map((x) => (
                  <tr key={x.id} data-testid={`candidate-${x.id}`}>
                    <th scope="row">{x.name}</th>
                    <td>
                      <span className={x.commits ? 'yes' : 'no'}>
                        {levelLabel.get(x.level) ?? x.level}
                      </span>
                    </td>
                    <td className="num" data-testid={`pcommit-${x.id}`}>
                      {x.probabilities ? pct(x.probabilities.commits) : '–'}
                    </td>
                    <td className="num">{x.toJoin === null ? 'joins' : x.toJoin.toFixed(2)}</td>
                    <td className="small">{x.decisive[0]?.term ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {c.ifJoins.length > 0 && (
            <>
              <h4>Who joins if one of them joins</h4>
              <ul className="if-joins" data-testid="if-joins">
                {c.ifJoins.map((j) => {
                  const others = j.profile.members.filter((m) => m !== j.candidate);
                  return (
                    <li key={j.candidate}>
                      If <strong>{name(j.candidate)}</strong> joins:{' '}
                      {others.length ? others.map(name).join(', ') : 'nobody else'}
                      {others.length ? ' join too' : ''}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {c.monteCarlo && (
            <p className="muted small">
              P(commit) over {c.monteCarlo.draws} draws of the evidence ranges (seed{' '}
              {c.monteCarlo.seed}); <code>entente commitment</code> gives more.
            </p>
          )}
        </section>
      )}

      {r && r.issues.length > 0 && (
        <section className="card issues-card" aria-labelledby="dash-i">
          <h3 id="dash-i">Bargained issues</h3>
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label="Bargained issues (scrolls sideways)"
          >
            <table className="compact" data-testid="dash-issues">
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  <th scope="col">Models’ forecasts</th>
                  <th scope="col">Threshold</th>
                  <th scope="col">10–90% band</th>
                  <th scope="col">P(≥ threshold)</th>
                </tr>
              </thead>
              <tbody>
                {r.issues.map((issue) => {
                  const hi = h?.issues.find((x) => x.id === issue.id);
                  const mi = mc?.issues.find((x) => x.id === issue.id);
                  const outs = mi ? Object.values(mi.outcomes).filter((o) => o.runs > 0) : [];
                  const band = outs.length
                    ? `${fmt(Math.min(...outs.map((o) => o.q10)))}–${fmt(Math.max(...outs.map((o) => o.q90)))}`
                    : '–';
                  const ps = outs.flatMap((o) => (o.pAtOrAbove ? [o.pAtOrAbove.p] : []));
                  return (
                    <tr key={issue.id}>
                      <th scope="row">{issue.name}</th>
                      <td className="num">
                        {hi && hi.models > 0
                          ? hi.low === hi.high
                            ? fmt(hi.low)
                            : `${fmt(hi.low)}–${fmt(hi.high)}`
                          : '–'}
                      </td>
                      <td>
                        {hi?.threshold
                          ? `${hi.threshold.meeting} of ${hi.models} reach ${fmt(hi.threshold.value)}`
                          : '–'}
                      </td>
                      <td className="num" data-testid={`band-${issue.id}`}>
                        {band}
                      </td>
                      <td className="num">
                        {ps.length
                          ? `${pct(Math.min(...ps))}${ps.length > 1 ? `–${pct(Math.max(...ps))}` : ''}`
                          : '–'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {!mc && (
            <p className="muted small">
              Bands and probabilities appear once you press <em>Simulate</em>.
            </p>
          )}
        </section>
      )}

      {r && (
        <section className="card diag-card" aria-labelledby="dash-d">
          <h3 id="dash-d">Read with care</h3>
          {r.diagnostics.length === 0 && (mc?.diagnostics.length ?? 0) === 0 ? (
            <p className="muted" data-testid="diagnostics">
              No diagnostics: no dictator, every model converged.
            </p>
          ) : (
            <ul data-testid="diagnostics">
              {[...r.diagnostics, ...(mc?.diagnostics ?? [])].map((d, i) => (
                <li key={i}>
                  <span className="tag">{d.kind}</span> {d.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <nav className="card detail-links" aria-label="Detail views">
        <button type="button" onClick={() => props.onOpen('edit')}>
          Edit the numbers →
        </button>
        <button type="button" onClick={() => props.onOpen('results')}>
          Charts and tables →
        </button>
      </nav>
    </div>
  );
}
