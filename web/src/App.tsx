/**
 * The workbench: scenario list on the left; for the open scenario an editor (grid, evidence,
 * problems, live what-if), results as pictures, and versions. Runs, saves and reports go through
 * the API; the what-if runs the models in a Web Worker.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LeversResult } from '../../src/analysis/levers/levers.ts';
import type { MonteCarloResult } from '../../src/analysis/monte-carlo/summarize.ts';
import type { TornadoResult } from '../../src/analysis/sensitivity/tornado.ts';
import {
  ApiError,
  type ForecastResult,
  type RunKind,
  type ScenarioSource,
  type StoredRun,
  api,
  onUnauthorized,
  setToken,
  waitForRun,
} from './api.ts';
import { type Draft, getIn, newScenario, resolveIdPath, setIn, writeMeasure } from './doc.ts';
import { Dashboard } from './components/Dashboard.tsx';
import { Editor, type Focus } from './components/Editor.tsx';
import { EvidencePanel } from './components/EvidencePanel.tsx';
import { Results } from './components/Results.tsx';
import { type OpenRequest, ScenarioList } from './components/ScenarioList.tsx';
import { Versions } from './components/Versions.tsx';
import { Variants, draftVariants } from './components/Variants.tsx';
import { Problems, WhatIfPanel } from './components/WhatIfPanel.tsx';
import { useWhatIf } from './useWhatIf.ts';
import { forecastHeadline } from '../../src/analysis/headline.ts';

type Origin =
  | { kind: 'builtin'; id: string }
  | { kind: 'stored'; id: string; version: number }
  | { kind: 'new' };

interface Doc {
  origin: Origin;
  draft: Draft;
  /** True once edited since opening or saving. */
  dirty: boolean;
}

type Tab = 'dashboard' | 'edit' | 'results' | 'variants' | 'versions';
const TABS: { id: Tab; label: string }[] = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'edit', label: 'Editor' },
  { id: 'results', label: 'Results' },
  { id: 'variants', label: 'Variants' },
  { id: 'versions', label: 'Versions' },
];

interface Server {
  forecast: ForecastResult | null;
  forecastRun: string | null;
  monteCarlo: MonteCarloResult | null;
  tornado: TornadoResult | null;
  levers: LeversResult | null;
}
const NO_RESULTS: Server = {
  forecast: null,
  forecastRun: null,
  monteCarlo: null,
  tornado: null,
  levers: null,
};

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function App() {
  const [doc, setDoc] = useState<Doc | null>(null);
  const [tab, setTab] = useState<Tab>('dashboard');
  const [focus, setFocus] = useState<Focus | null>(null);
  const [showRanges, setShowRanges] = useState(true);
  // On a phone the actions fold behind one button, so the answer is on the first screen.
  const [actionsOpen, setActionsOpen] = useState(false);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [needToken, setNeedToken] = useState(false);
  const [author, setAuthor] = useState(() => localStorage.getItem('entente.author') ?? '');
  const [message, setMessage] = useState('');
  const [mcRuns, setMcRuns] = useState(500);
  const [target, setTarget] = useState('');
  /** The model the levers search (empty: the server's default). */
  const [leverModel, setLeverModel] = useState('');
  const [job, setJob] = useState<StoredRun | null>(null);
  const [server, setServer] = useState<Server>(NO_RESULTS);
  const [listRefresh, setListRefresh] = useState(0);
  /** The variants picked in the Variants view (null: all, the default); reports include them. */
  const [variantPick, setVariantPick] = useState<string[] | null>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const whatIf = useWhatIf(doc?.draft ?? null);

  useEffect(() => localStorage.setItem('entente.author', author), [author]);
  // Any call answering 401 (the scenario list included) shows the token field.
  useEffect(() => onUnauthorized(() => setNeedToken(true)), []);
  // Unsaved edits: the browser asks before the page is left or reloaded.
  const dirty = doc?.dirty === true;
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  const fail = useCallback((e: unknown) => {
    if (e instanceof ApiError && e.status === 401) setNeedToken(true);
    setError(e instanceof Error ? e.message : String(e));
    setStatus('');
  }, []);

  const open = async (r: OpenRequest | { kind: 'stored'; id: string; version: number }) => {
    if (
      doc?.dirty &&
      !window.confirm(
        `“${title || 'This scenario'}” has unsaved changes. Open another and lose them?`,
      )
    )
      return;
    setError(null);
    try {
      if (r.kind === 'new') {
        // A fresh id, not one a stored scenario has (a second "New scenario → Save" must work).
        const taken = new Set((await api.scenarios()).map((x) => x.id));
        let id = 'my-scenario';
        for (let n = 2; taken.has(id); n++) id = `my-scenario-${n}`;
        setDoc({ origin: { kind: 'new' }, draft: { ...newScenario(), id }, dirty: true });
      } else if (r.kind === 'builtin') {
        const b = await api.builtin(r.id);
        setDoc({ origin: { kind: 'builtin', id: r.id }, draft: b.scenario as Draft, dirty: false });
      } else {
        const v = await api.scenario(r.id, 'version' in r ? r.version : undefined);
        setDoc({
          origin: { kind: 'stored', id: r.id, version: v.version },
          draft: v.scenario as Draft,
          dirty: false,
        });
      }
      setServer(NO_RESULTS);
      setFocus(null);
      setTab('dashboard');
      setStatus('');
      // Nothing carries over from the scenario open before: levers target, Monte Carlo runs.
      setTarget('');
      setLeverModel('');
      setMcRuns(500);
      setVariantPick(null);
    } catch (e) {
      fail(e);
    }
  };

  const ref = (d: Doc): ScenarioSource =>
    d.origin.kind === 'stored' && !d.dirty
      ? { scenarioId: d.origin.id, version: d.origin.version }
      : d.origin.kind === 'builtin' && !d.dirty
        ? { builtin: d.origin.id }
        : { scenario: d.draft };

  const run = async (kind: RunKind) => {
    if (!doc) return;
    setError(null);
    setStatus(`${kind}: starting…`);
    try {
      const extra: Record<string, unknown> =
        kind === 'simulate'
          ? { runs: mcRuns }
          : kind === 'levers'
            ? { target, ...(leverModel ? { models: [{ id: leverModel }] } : {}) }
            : {};
      const started = await api.startRun(kind, ref(doc), extra);
      setJob(started);
      const done = await waitForRun(started.id, (r) => {
        setJob(r);
        setStatus(
          `${kind}: ${r.status}${r.status === 'running' ? ` ${Math.round(100 * r.progress)}%` : ''}`,
        );
      });
      setJob(null);
      if (done.status !== 'done') {
        setStatus(`${kind}: ${done.status}${done.error ? ` (${done.error})` : ''}`);
        return;
      }
      setServer((s) => ({
        ...s,
        ...(kind === 'forecast'
          ? { forecast: done.result as ForecastResult, forecastRun: done.id }
          : {}),
        ...(kind === 'simulate' ? { monteCarlo: done.result as MonteCarloResult } : {}),
        ...(kind === 'sensitivity' ? { tornado: done.result as TornadoResult } : {}),
        ...(kind === 'levers' ? { levers: done.result as LeversResult } : {}),
      }));
      setStatus(`${kind} done (run ${done.id.slice(0, 8)})`);
      setTab('results');
    } catch (e) {
      setJob(null);
      fail(e);
    }
  };

  const save = async () => {
    if (!doc) return;
    setError(null);
    try {
      const who = author.trim() || 'anonymous';
      const v =
        doc.origin.kind === 'stored'
          ? await api.save(doc.origin.id, doc.draft, who, doc.origin.version, message || undefined)
          : await api.create(doc.draft, who, message || undefined);
      setDoc({
        origin: { kind: 'stored', id: v.scenarioId, version: v.version },
        draft: v.scenario as Draft,
        dirty: false,
      });
      setMessage('');
      setStatus(`saved ${v.scenarioId} as version ${v.version}`);
      setListRefresh((n) => n + 1);
    } catch (e) {
      fail(e);
    }
  };

  /** Deletes the stored scenario with its versions and runs, after asking. */
  const remove = async () => {
    if (!doc || doc.origin.kind !== 'stored') return;
    const id = doc.origin.id;
    if (
      !window.confirm(
        `Delete “${title || id}” (${id}) with every version and run? This cannot be undone.`,
      )
    )
      return;
    setError(null);
    try {
      await api.remove(id);
      setDoc(null);
      setServer(NO_RESULTS);
      setStatus(`deleted ${id}`);
      setListRefresh((n) => n + 1);
    } catch (e) {
      fail(e);
    }
  };

  /** One click on a lever: its input set to the lever's value (rounded to 0.01); the what-if follows. */
  const applyLever = (path: string, to: number) => {
    if (!doc) return;
    const at = resolveIdPath(doc.draft, path);
    if (!at) {
      setError(`the lever's input ${path} is not in this draft`);
      return;
    }
    const value = Math.round(to * 100) / 100;
    edit(setIn(doc.draft, at, writeMeasure(getIn(doc.draft, at), 'value', value)));
    setStatus(`applied: ${path} = ${value} (the what-if and the dashboard follow)`);
    setTab('dashboard');
  };

  /** An edit: the draft changes, and a status about a finished run no longer describes it. */
  const edit = (draft: Draft) => {
    if (!doc) return;
    setDoc({ ...doc, draft, dirty: true });
    if (job === null)
      setStatus((s) => (s && !s.endsWith('(edited since)') ? `${s} (edited since)` : s));
  };

  const exportReport = async (format: 'html' | 'pdf' | 'md') => {
    if (!doc) return;
    setError(null);
    setStatus(`preparing the ${format.toUpperCase()} report…`);
    try {
      // The variants picked in the Variants view (all by default); [] gives no Variants section.
      const picked = variantPick?.filter((id) => draftVariants(doc.draft).some((v) => v.id === id));
      const { blob, name } = await api.report(ref(doc), format, picked ? { variants: picked } : {});
      download(blob, name);
      setStatus(`report ${name} ready`);
    } catch (e) {
      fail(e);
    }
  };

  const currentHash = whatIf.result?.scenario.hash ?? null;
  const fresh = <T extends { scenario: { hash: string } } | null>(r: T): T | null =>
    r && (currentHash === null || r.scenario.hash === currentHash) ? r : null;
  const serverForecast = fresh(server.forecast);
  const analyses = {
    forecast: serverForecast ?? whatIf.result,
    forecastSource: serverForecast
      ? `Server run ${server.forecastRun?.slice(0, 8) ?? ''}`
      : 'Live what-if, in the browser',
    monteCarlo: fresh(server.monteCarlo),
    tornado: fresh(server.tornado),
    levers: fresh(server.levers),
  };
  const modelNames = useMemo(
    () => new Map((whatIf.result?.models ?? []).map((m) => [m.id, m.name])),
    [whatIf.result],
  );
  const actorIds = useMemo(
    () =>
      Array.isArray(doc?.draft.actors)
        ? doc.draft.actors.map((a) =>
            a && typeof a === 'object' && !Array.isArray(a) && typeof a.id === 'string' ? a.id : '',
          )
        : [],
    [doc?.draft.actors],
  );
  const actorNames = useMemo(
    () =>
      new Map(
        (Array.isArray(doc?.draft.actors) ? doc.draft.actors : []).flatMap((a) =>
          a && typeof a === 'object' && !Array.isArray(a) && typeof a.id === 'string'
            ? [[a.id, typeof a.name === 'string' ? a.name : a.id] as [string, string]]
            : [],
        ),
      ),
    [doc?.draft.actors],
  );
  const currentKey = doc
    ? doc.origin.kind === 'new'
      ? 'new'
      : `${doc.origin.kind}:${doc.origin.id}`
    : null;
  const title = doc && typeof doc.draft.title === 'string' ? doc.draft.title : '';

  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.id);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="app">
      <header className="top">
        <h1>Entente workbench</h1>
        <label className="small">
          Your name{' '}
          <input
            value={author}
            onChange={(e) => setAuthor(e.target.value)}
            placeholder="for saved versions"
          />
        </label>
        {needToken && (
          <label className="small">
            Access token{' '}
            <input
              type="password"
              data-testid="token"
              onChange={(e) => {
                setToken(e.target.value);
                setListRefresh((n) => n + 1);
              }}
            />
          </label>
        )}
        <a className="small" href="/docs">
          API docs
        </a>
      </header>
      <div className={`layout${doc ? ' has-doc' : ''}`}>
        <nav aria-label="Scenarios" className="side">
          <ScenarioList
            onOpen={(r) => void open(r)}
            refresh={listRefresh}
            current={currentKey}
            onError={fail}
          />
        </nav>
        <main id="main" tabIndex={-1}>
          {!doc ? (
            <div className="welcome">
              <h2>Open a scenario</h2>
              <p>
                Pick a built-in scenario on the left, or start a new one. Change any number and the
                forecasts update as you type.
              </p>
              <p className="status" role="status" aria-live="polite" data-testid="status">
                {status}
              </p>
              {error && (
                <pre className="error" role="alert" data-testid="error">
                  {error}
                </pre>
              )}
            </div>
          ) : (
            <>
              <div className="doc-head">
                <h2 data-testid="doc-title">
                  {title}
                  {doc.dirty && <span className="muted small"> (edited)</span>}
                </h2>
                <p className="muted small">
                  {doc.origin.kind === 'stored'
                    ? `stored · version ${doc.origin.version}`
                    : doc.origin.kind === 'builtin'
                      ? 'built-in (save to keep your changes)'
                      : 'new, not saved'}
                  {doc.origin.kind === 'stored' && (
                    <>
                      {' · '}
                      <button
                        type="button"
                        className="link"
                        onClick={() => void remove()}
                        data-testid="delete"
                      >
                        Delete scenario…
                      </button>
                    </>
                  )}
                </p>
              </div>
              <button
                type="button"
                className="actions-toggle"
                aria-expanded={actionsOpen}
                aria-controls="actions"
                onClick={() => setActionsOpen((o) => !o)}
                data-testid="actions-toggle"
              >
                {actionsOpen ? 'Hide actions ▴' : 'Run, simulate, save, report ▾'}
              </button>
              <div
                id="actions"
                className={`toolbar${actionsOpen ? ' open' : ''}`}
                role="toolbar"
                aria-label="Actions"
              >
                <button
                  type="button"
                  onClick={() => void run('forecast')}
                  disabled={job !== null}
                  data-testid="run"
                >
                  Run
                </button>
                <span className="group">
                  <button
                    type="button"
                    onClick={() => void run('simulate')}
                    disabled={job !== null}
                    data-testid="simulate"
                  >
                    Simulate
                  </button>
                  <label className="small">
                    runs{' '}
                    <input
                      className="num"
                      value={mcRuns}
                      onChange={(e) =>
                        setMcRuns(Math.max(1, Math.min(1_000_000, Number(e.target.value) || 1)))
                      }
                      aria-label="Monte Carlo runs"
                    />
                  </label>
                </span>
                <button
                  type="button"
                  onClick={() => void run('sensitivity')}
                  disabled={job !== null}
                >
                  Sensitivity
                </button>
                <span className="group">
                  <label className="small">
                    target{' '}
                    <input
                      value={target}
                      onChange={(e) => setTarget(e.target.value)}
                      placeholder="coalition>=75"
                      aria-label="Levers target"
                    />
                  </label>
                  <label className="small">
                    model{' '}
                    <select
                      value={leverModel}
                      onChange={(e) => setLeverModel(e.target.value)}
                      aria-label="Levers model"
                    >
                      <option value="">default</option>
                      {[...modelNames].map(([id, name]) => (
                        <option key={id} value={id}>
                          {name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button
                    type="button"
                    onClick={() => void run('levers')}
                    disabled={job !== null || !target}
                  >
                    Levers
                  </button>
                </span>
                {job && (
                  <span className="group">
                    <progress max={1} value={job.progress} aria-label="Progress" />
                    <button type="button" onClick={() => void api.cancel(job.id)}>
                      Cancel
                    </button>
                  </span>
                )}
                <span className="group">
                  <label className="small">
                    note{' '}
                    <input
                      value={message}
                      onChange={(e) => setMessage(e.target.value)}
                      placeholder="what changed"
                      aria-label="Version note"
                    />
                  </label>
                  <button type="button" onClick={() => void save()} data-testid="save">
                    Save version
                  </button>
                </span>
                <span className="group" aria-label="Export a report">
                  Report:
                  <button type="button" onClick={() => void exportReport('html')}>
                    HTML
                  </button>
                  <button
                    type="button"
                    onClick={() => void exportReport('pdf')}
                    data-testid="export-pdf"
                  >
                    PDF
                  </button>
                  <button type="button" onClick={() => void exportReport('md')}>
                    Markdown
                  </button>
                  <button type="button" onClick={() => window.print()}>
                    Print
                  </button>
                </span>
              </div>
              <p className="status" role="status" aria-live="polite" data-testid="status">
                {status}
              </p>
              {error && (
                <pre className="error" role="alert" data-testid="error">
                  {error}
                </pre>
              )}
              <div role="tablist" aria-label="Views" className="tabs">
                {TABS.map((t, i) => (
                  <button
                    key={t.id}
                    ref={(el) => {
                      tabRefs.current[i] = el;
                    }}
                    role="tab"
                    type="button"
                    id={`tab-${t.id}`}
                    aria-selected={tab === t.id}
                    aria-controls={`panel-${t.id}`}
                    tabIndex={tab === t.id ? 0 : -1}
                    onClick={() => setTab(t.id)}
                    onKeyDown={(e) => onTabKey(e, i)}
                    disabled={t.id === 'versions' && doc.origin.kind !== 'stored'}
                  >
                    {t.label}
                    {t.id === 'variants' ? ` (${draftVariants(doc.draft).length})` : ''}
                  </button>
                ))}
              </div>
              <div
                role="tabpanel"
                id={`panel-${tab}`}
                aria-labelledby={`tab-${tab}`}
                className="panel"
              >
                {tab === 'dashboard' && (
                  <Dashboard
                    question={typeof doc.draft.question === 'string' ? doc.draft.question : ''}
                    actorNames={actorNames}
                    forecast={analyses.forecast}
                    headline={serverForecast ? forecastHeadline(serverForecast) : whatIf.headline}
                    source={analyses.forecastSource}
                    monteCarlo={analyses.monteCarlo}
                    stale={!serverForecast && whatIf.stale}
                    busy={whatIf.busy}
                    onOpen={(v) => setTab(v)}
                  />
                )}
                {tab === 'edit' && (
                  <div className="edit-layout">
                    <div>
                      <label className="small">
                        <input
                          type="checkbox"
                          checked={showRanges}
                          onChange={(e) => setShowRanges(e.target.checked)}
                        />{' '}
                        Show ranges (low–high)
                      </label>
                      <Editor
                        draft={doc.draft}
                        onChange={edit}
                        problems={whatIf.problems}
                        warnings={whatIf.warnings}
                        showRanges={showRanges}
                        onFocus={setFocus}
                        focus={focus}
                      />
                    </div>
                    <aside
                      className="side-panels"
                      // Scrolls on its own on wide screens: reachable by keyboard.
                      tabIndex={0}
                      aria-label="Live forecast, problems and evidence"
                    >
                      <WhatIfPanel whatIf={whatIf} modelNames={modelNames} />
                      <Problems
                        problems={whatIf.problems}
                        warnings={whatIf.warnings}
                        modelError={whatIf.error}
                      />
                      <EvidencePanel
                        draft={doc.draft}
                        focus={focus}
                        problems={whatIf.problems}
                        warnings={whatIf.warnings}
                        onChange={edit}
                      />
                    </aside>
                    {/* On a phone: the what-if of the issue being edited, docked under the field. */}
                    <div className="whatif-dock">
                      <WhatIfPanel
                        whatIf={whatIf}
                        modelNames={modelNames}
                        issues={focus?.issue ? [focus.issue] : undefined}
                        compact
                      />
                    </div>
                  </div>
                )}
                {tab === 'results' && (
                  <Results analyses={analyses} actorIds={actorIds} onApplyLever={applyLever} />
                )}
                {tab === 'variants' && (
                  <Variants draft={doc.draft} picked={variantPick} onPick={setVariantPick} />
                )}
                {tab === 'versions' && doc.origin.kind === 'stored' && (
                  <Versions
                    scenarioId={doc.origin.id}
                    draft={doc.draft}
                    refresh={listRefresh}
                    onOpen={(version) =>
                      void open({ kind: 'stored', id: (doc.origin as { id: string }).id, version })
                    }
                  />
                )}
              </div>
            </>
          )}
        </main>
      </div>
    </div>
  );
}
