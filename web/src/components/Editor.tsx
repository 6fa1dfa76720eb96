/**
 * The scenario editor: question and issues on top, then the actors × issues grid — each cell an
 * actor's position and salience on an issue (with the low–high ranges when shown). Focusing a
 * number shows its evidence; problems from validation mark their cells as you type.
 */
import {
  type Draft,
  type Json,
  type MeasureField,
  getIn,
  readMeasure,
  setIn,
  writeMeasure,
} from '../doc.ts';
import type { Problem } from '../api.ts';
import { ACTOR_KINDS, freshId } from '../evidence-edit.ts';
import { IdInput } from './IdInput.tsx';
import { NumberInput } from './NumberInput.tsx';
import { SourcesEditor } from './SourcesEditor.tsx';

export interface Focus {
  actor?: string;
  issue?: string;
  field: 'position' | 'salience' | 'capability' | 'referencePoint';
  /** Path of the measure in the draft. */
  path: (string | number)[];
}

type Obj = { [k: string]: Json };
const asObj = (x: Json | undefined): Obj =>
  x && typeof x === 'object' && !Array.isArray(x) ? x : {};
const asArr = (x: Json | undefined): Json[] => (Array.isArray(x) ? x : []);
const str = (x: Json | undefined) => (typeof x === 'string' ? x : '');

function pathKey(path: readonly (string | number)[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out ? `.${k}` : k;
  return out;
}

export function Editor(props: {
  draft: Draft;
  onChange: (d: Draft) => void;
  problems: readonly Problem[];
  /** Values outside their evidence range (allowed): their cells are marked. */
  warnings?: readonly Problem[];
  showRanges: boolean;
  onFocus: (f: Focus) => void;
  focus: Focus | null;
}) {
  const { draft, onChange } = props;
  const issues = asArr(draft.issues).map(asObj);
  const actors = asArr(draft.actors).map(asObj);
  const problemAt = new Map<string, string>();
  for (const p of props.problems) {
    // A problem on a measure's value belongs to the measure's cell.
    problemAt.set(p.path.replace(/\.value$/, ''), p.message);
  }
  const problemFor = (path: (string | number)[]) => problemAt.get(pathKey(path));
  const outsideAt = new Map<string, string>();
  for (const p of props.warnings ?? []) outsideAt.set(p.path.replace(/\.value$/, ''), p.message);
  const set = (path: (string | number)[], v: Json) => onChange(setIn(draft, path, v));
  const messagesAt = (path: string) =>
    props.problems
      .filter((p) => p.path === path)
      .map((p) => `${p.path}: ${p.message}`)
      .join('; ');
  /** The `index`-th actor's or issue's id renamed: the focused number follows it. */
  const renamed = (kind: 'actor' | 'issue', index: number, from: string) => (d: Draft) => {
    onChange(d);
    const f = props.focus;
    const to = str(asObj(asArr(kind === 'actor' ? d.actors : d.issues)[index]).id);
    if (!f || to === from) return;
    if (kind === 'actor' && f.actor === from) props.onFocus({ ...f, actor: to });
    if (kind === 'issue' && f.issue === from)
      props.onFocus({
        ...f,
        issue: to,
        path: f.path.map((k, n) => (n === 3 && f.path[2] === 'stances' && k === from ? to : k)),
      });
  };
  const setMeasure = (
    path: (string | number)[],
    field: MeasureField,
    v: number | string | undefined,
  ) => set(path, writeMeasure(getIn(draft, path), field, v));

  const measureCell = (path: (string | number)[], label: string, testId: string, focus: Focus) => {
    const m = readMeasure(getIn(draft, path));
    const problem = problemFor(path);
    const outside = outsideAt.get(pathKey(path));
    const focused = props.focus && pathKey(props.focus.path) === pathKey(path);
    return (
      <div
        className={`measure${focused ? ' focused' : ''}${m.unverified ? ' unverified' : ''}${outside ? ' outside' : ''}`}
      >
        <NumberInput
          value={m.value}
          label={label}
          testId={testId}
          invalid={Boolean(problem)}
          onFocus={() => props.onFocus(focus)}
          onChange={(v) => setMeasure(path, 'value', v)}
        />
        {props.showRanges && (
          <span className="range">
            <NumberInput
              value={m.low}
              label={`${label}, low`}
              placeholder="low"
              allowEmpty
              className="small"
              onFocus={() => props.onFocus(focus)}
              onChange={(v) => setMeasure(path, 'low', v)}
            />
            –
            <NumberInput
              value={m.high}
              label={`${label}, high`}
              placeholder="high"
              allowEmpty
              className="small"
              onFocus={() => props.onFocus(focus)}
              onChange={(v) => setMeasure(path, 'high', v)}
            />
          </span>
        )}
        {m.evidence.length > 0 && (
          <span
            className="ev-badge"
            title={`evidence: ${m.evidence.join(', ')}`}
            aria-hidden="true"
          >
            ●
          </span>
        )}
        {outside && !problem && (
          <span
            className="outside-mark"
            title={outside}
            data-testid={testId ? `${testId}-outside` : undefined}
          >
            ▲ outside evidence
            {m.low !== undefined || m.high !== undefined
              ? ` ${m.low ?? m.value}–${m.high ?? m.value}`
              : ''}
          </span>
        )}
        {problem && (
          <span className="cell-problem" role="note">
            {problem}
          </span>
        )}
      </div>
    );
  };

  const addActor = () => {
    const n = actors.length + 1;
    const stances: Obj = {};
    for (const i of issues) {
      const scale = asObj(i.scale);
      const mid = ((Number(scale.min) || 0) + (Number(scale.max) || 100)) / 2;
      stances[str(i.id)] = { position: mid, salience: 50 };
    }
    set(['actors', actors.length], {
      // A fresh id: after a removal, `actor-<count>` may be taken.
      id: freshId(
        actors.map((x) => str(x.id)),
        `actor-${n}`,
      ),
      name: `Actor ${n}`,
      kind: 'government',
      capability: 1,
      stances,
    });
  };
  const removeActor = (idx: number) => {
    if (!confirm(`Remove ${str(actors[idx]?.name) || 'this actor'}?`)) return;
    set(
      ['actors'],
      asArr(draft.actors).filter((_, i) => i !== idx),
    );
  };
  const addIssue = () => {
    const n = issues.length + 1;
    set(['issues', issues.length], {
      id: freshId(
        issues.map((x) => str(x.id)),
        `issue-${n}`,
      ),
      name: `Issue ${n}`,
      scale: { min: 0, max: 100 },
    });
  };

  return (
    <div className="editor">
      <fieldset className="meta">
        <legend>Scenario</legend>
        <label>
          Title <input value={str(draft.title)} onChange={(e) => set(['title'], e.target.value)} />
        </label>
        <label>
          Question{' '}
          <textarea
            rows={2}
            value={str(draft.question)}
            onChange={(e) => set(['question'], e.target.value)}
          />
        </label>
        <div className="row">
          <label>
            Id{' '}
            <input
              value={str(draft.id)}
              onChange={(e) => set(['id'], e.target.value)}
              aria-invalid={problemFor(['id']) ? 'true' : undefined}
            />
          </label>
          <label>
            As of{' '}
            <input
              value={str(draft.asOf)}
              onChange={(e) => set(['asOf'], e.target.value)}
              aria-invalid={problemFor(['asOf']) ? 'true' : undefined}
            />
          </label>
        </div>
      </fieldset>

      <table className="issues-table">
        <caption>Issues</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Scale min–max</th>
            <th scope="col">Threshold</th>
            <th scope="col">Status quo</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, k) => {
            const scale = asObj(issue.scale);
            const threshold = asObj(issue.threshold);
            return (
              <tr key={k}>
                <th scope="row">
                  <textarea
                    className="name"
                    rows={1}
                    aria-label={`Issue ${k + 1} name`}
                    title={str(issue.name)}
                    value={str(issue.name)}
                    onChange={(e) => set(['issues', k, 'name'], e.target.value)}
                  />
                  <IdInput
                    draft={draft}
                    kind="issue"
                    index={k}
                    value={str(issue.id)}
                    onChange={renamed('issue', k, str(issue.id))}
                    label={`Issue ${k + 1} id`}
                    testId={`issue-id-${k}`}
                    className="small"
                    problem={messagesAt(`issues[${k}].id`)}
                  />
                </th>
                <td>
                  <NumberInput
                    value={scale.min as number}
                    label={`${str(issue.name)}: scale min`}
                    onChange={(v) => set(['issues', k, 'scale', 'min'], v ?? '')}
                  />
                  –
                  <NumberInput
                    value={scale.max as number}
                    label={`${str(issue.name)}: scale max`}
                    onChange={(v) => set(['issues', k, 'scale', 'max'], v ?? '')}
                  />
                </td>
                <td>
                  <NumberInput
                    value={threshold.value as number | undefined}
                    allowEmpty
                    label={`${str(issue.name)}: threshold`}
                    onChange={(v) =>
                      set(
                        ['issues', k, 'threshold'],
                        v === undefined
                          ? null
                          : { label: str(threshold.label) || 'threshold', ...threshold, value: v },
                      )
                    }
                  />
                </td>
                <td>
                  {issue.referencePoint !== undefined
                    ? measureCell(
                        ['issues', k, 'referencePoint'],
                        `${str(issue.name)}: status quo`,
                        `cell-${str(issue.id)}-reference`,
                        {
                          issue: str(issue.id),
                          field: 'referencePoint',
                          path: ['issues', k, 'referencePoint'],
                        },
                      )
                    : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={addIssue}>
        Add issue
      </button>

      <p className="legend muted small" data-testid="legend">
        <span>
          <span className="ev-badge">●</span> cites evidence (focus the number to read it)
        </span>
        <span>
          <span className="unverified-sample" /> rests on an UNVERIFIED indicator
        </span>
        <span>
          <span className="outside-sample" /> outside its evidence range (allowed)
        </span>
      </p>
      <div className="grid-wrap">
        <table className="grid">
          <caption>
            Actors × issues: position{props.showRanges ? ' (low–high)' : ''} and salience (0–100)
          </caption>
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col">Capability</th>
              {issues.map((i, k) => (
                <th scope="col" key={k} colSpan={2}>
                  {str(i.name)}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
            <tr className="sub">
              <th />
              <th />
              {issues.map((_, k) => [
                <th scope="col" key={`p${k}`}>
                  position
                </th>,
                <th scope="col" key={`s${k}`}>
                  salience
                </th>,
              ])}
              <th />
            </tr>
          </thead>
          <tbody>
            {actors.map((actor, a) => {
              const aid = str(actor.id);
              const name = str(actor.name) || aid;
              const stances = asObj(actor.stances);
              return (
                <tr key={a}>
                  <th scope="row">
                    <textarea
                      className="name"
                      rows={1}
                      aria-label={`Actor ${a + 1} name`}
                      title={str(actor.name)}
                      value={str(actor.name)}
                      aria-invalid={messagesAt(`actors[${a}].name`) ? 'true' : undefined}
                      onChange={(e) => set(['actors', a, 'name'], e.target.value)}
                    />
                    <div className="actor-meta">
                      <IdInput
                        draft={draft}
                        kind="actor"
                        index={a}
                        value={aid}
                        onChange={renamed('actor', a, aid)}
                        label={`Actor ${a + 1} id`}
                        testId={`actor-id-${a}`}
                        className="small"
                        problem={messagesAt(`actors[${a}].id`)}
                      />
                      <select
                        className="small"
                        aria-label={`Actor ${a + 1} kind`}
                        data-testid={`actor-kind-${a}`}
                        value={str(actor.kind)}
                        onChange={(e) => set(['actors', a, 'kind'], e.target.value)}
                      >
                        {!(ACTOR_KINDS as readonly string[]).includes(str(actor.kind)) && (
                          <option value={str(actor.kind)}>{str(actor.kind) || '(none)'}</option>
                        )}
                        {ACTOR_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {k}
                          </option>
                        ))}
                      </select>
                    </div>
                    {messagesAt(`actors[${a}].name`) && (
                      <span className="cell-problem" role="note">
                        {messagesAt(`actors[${a}].name`)}
                      </span>
                    )}
                  </th>
                  <td>
                    {measureCell(
                      ['actors', a, 'capability'],
                      `${name}: capability`,
                      `cell-${aid}-capability`,
                      {
                        actor: aid,
                        field: 'capability',
                        path: ['actors', a, 'capability'],
                      },
                    )}
                  </td>
                  {issues.map((issue, k) => {
                    const iid = str(issue.id);
                    if (!stances[iid]) {
                      return (
                        <td key={k} colSpan={2} className="no-stance">
                          <button
                            type="button"
                            className="link small"
                            aria-label={`Give ${name} a stance on ${str(issue.name)}`}
                            onClick={() =>
                              set(['actors', a, 'stances', iid], {
                                position: Number(asObj(issue.scale).min) || 0,
                                salience: 50,
                              })
                            }
                          >
                            + stance
                          </button>
                        </td>
                      );
                    }
                    return [
                      <td key={`p${k}`}>
                        {measureCell(
                          ['actors', a, 'stances', iid, 'position'],
                          `${name} — ${str(issue.name)} — position`,
                          `cell-${aid}-${iid}-position`,
                          {
                            actor: aid,
                            issue: iid,
                            field: 'position',
                            path: ['actors', a, 'stances', iid, 'position'],
                          },
                        )}
                      </td>,
                      <td key={`s${k}`}>
                        {measureCell(
                          ['actors', a, 'stances', iid, 'salience'],
                          `${name} — ${str(issue.name)} — salience`,
                          `cell-${aid}-${iid}-salience`,
                          {
                            actor: aid,
                            issue: iid,
                            field: 'salience',
                            path: ['actors', a, 'stances', iid, 'salience'],
                          },
                        )}
                      </td>,
                    ];
                  })}
                  <td>
                    <button
                      type="button"
                      className="link small"
                      aria-label={`Remove ${name}`}
                      onClick={() => removeActor(a)}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={addActor}>
        Add actor
      </button>
      <SourcesEditor
        draft={draft}
        onChange={onChange}
        problems={props.problems}
        warnings={props.warnings ?? []}
      />
    </div>
  );
}
