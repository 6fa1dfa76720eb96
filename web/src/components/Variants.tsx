/**
 * The Variants view: the scenario's named what-ifs (`variants:`, docs/scenario-format.md) beside
 * the base — the answer in short, the coalition answer (each candidate's level, P(commits) and
 * margin), each model's forecast on each issue with a threshold — with every difference from the
 * base marked and its Δ, and the inputs each variant changes (base value → variant value, the
 * change's rationale and evidence). The numbers are `entente compare`'s (the same code, run in a
 * Web Worker on the draft: useCompare.ts); the rows are the reports' (src/report/compare-rows.ts).
 * The variants picked here are the ones the Report buttons put in the report.
 */
import type { CompareResult } from '../../../src/analysis/compare.ts';
import { compareRows, headlineDiff, inputChangeRows } from '../../../src/report/compare-rows.ts';
import type { Draft, Json } from '../doc.ts';
import { useCompare } from '../useCompare.ts';
import './variants.css';

interface VariantInfo {
  id: string;
  name: string;
  description: string | null;
  extends: string | null;
  changes: number;
}

/** The draft's variants, as written (the worker checks them). */
export function draftVariants(draft: Draft): VariantInfo[] {
  const list = draft.variants;
  if (!Array.isArray(list)) return [];
  const out: VariantInfo[] = [];
  for (const v of list) {
    if (!v || typeof v !== 'object' || Array.isArray(v) || typeof v.id !== 'string') continue;
    const str = (x: Json | undefined) => (typeof x === 'string' ? x : null);
    out.push({
      id: v.id,
      name: str(v.name) ?? v.id,
      description: str(v.description),
      extends: str(v.extends),
      changes: Array.isArray(v.changes) ? v.changes.length : 0,
    });
  }
  return out;
}

function SideBySide({ r }: { r: CompareResult }) {
  const rows = compareRows(r);
  const variants = r.columns.slice(1);
  let group = '';
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label="The base and the variants side by side (scrolls sideways)"
    >
      <table className="compare-table" data-testid="compare-table">
        <caption className="sr-only">
          Each number for the base and each variant, with the variant’s difference from the base
          (Δ); changed numbers are marked
        </caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Base</th>
            {variants.map((c) => (
              <th key={c.id} scope="col" colSpan={2} data-col={c.id}>
                {c.name}
                <span className="sub">value · Δ</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) => {
            const out = [];
            if (row.group !== group) {
              group = row.group;
              out.push(
                <tr key={`g-${group}`} className="group-row">
                  <th scope="rowgroup" colSpan={2 + 2 * variants.length}>
                    <span className="group-label">{group}</span>
                  </th>
                </tr>,
              );
            }
            const base = row.cells[0]!;
            out.push(
              <tr key={`${row.group}/${row.label}`} data-row={`${row.group} — ${row.label}`}>
                <th scope="row">{row.label}</th>
                <td className="num" data-col="base" data-kind="value">
                  {base.text}
                </td>
                {variants.map((c, k) => {
                  const cell = row.cells[k + 1]!;
                  return [
                    <td
                      key={`${c.id}-v`}
                      className={`num${cell.changed ? ' changed' : ''}`}
                      data-col={c.id}
                      data-kind="value"
                      data-changed={cell.changed ? 'yes' : 'no'}
                    >
                      {cell.changed ? <strong>{cell.text}</strong> : cell.text}
                      {cell.changed && <span className="sr-only"> (changed)</span>}
                    </td>,
                    <td
                      key={`${c.id}-d`}
                      className={`num delta${cell.changed ? ' changed' : ''}`}
                      data-col={c.id}
                      data-kind="delta"
                    >
                      {cell.delta}
                    </td>,
                  ];
                })}
              </tr>,
            );
            return out;
          })}
        </tbody>
      </table>
    </div>
  );
}

function Headlines({ r }: { r: CompareResult }) {
  return (
    <div className="headline-grid">
      {headlineDiff(r).map((h) => {
        const lines = h.id === 'base' ? h.lines : h.lines.filter((l) => l.changed);
        return (
          <div key={h.id} className="headline-col" data-testid={`headline-${h.id}`}>
            <h4>{h.name}</h4>
            {lines.length === 0 ? (
              <p className="muted small">The same as the base.</p>
            ) : (
              <ul>
                {lines.map((l, i) => (
                  <li key={i} className={l.changed ? 'changed' : undefined}>
                    {l.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}

function InputsChanged({ r }: { r: CompareResult }) {
  return (
    <>
      {r.columns.slice(1).map((c) => (
        <div key={c.id} className="variant-inputs" data-testid={`inputs-${c.id}`}>
          <h4>
            {c.name}{' '}
            <span className="muted small">
              ({c.id}
              {c.extends ? `, after ${c.extends}` : ''})
            </span>
          </h4>
          {c.description && <p className="small">{c.description}</p>}
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label={`Inputs ${c.name} changes (scrolls sideways)`}
          >
            <table className="compact inputs-table">
              <thead>
                <tr>
                  <th scope="col">Input</th>
                  <th scope="col">Base</th>
                  <th scope="col">Variant</th>
                  <th scope="col">Rationale</th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {inputChangeRows(c).map((x, i) => (
                  <tr key={i}>
                    <th scope="row">
                      <code>{x.path}</code>
                      {x.from && x.from !== c.id && (
                        <span className="muted small"> (from {x.from})</span>
                      )}
                    </th>
                    <td className="num" data-label="Base">
                      {x.base}
                    </td>
                    <td className="num changed" data-label="Variant">
                      <strong>{x.variant}</strong>
                    </td>
                    <td className="small" data-label="Rationale">
                      {x.note ?? '—'}
                    </td>
                    <td className="small" data-label="Evidence">
                      {x.evidence.join(', ') || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {c.warnings.length > 0 && (
            <ul className="warnings small">
              {c.warnings.map((w, i) => (
                <li key={i}>▲ outside the evidence: {w}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </>
  );
}

export function Variants(props: {
  draft: Draft;
  /** The variants picked (in the scenario's order); null: all of them (the default). */
  picked: readonly string[] | null;
  onPick: (ids: string[]) => void;
}) {
  const all = draftVariants(props.draft);
  const picked = props.picked ?? all.map((v) => v.id);
  const chosen = all.map((v) => v.id).filter((id) => picked.includes(id));
  const cmp = useCompare(all.length && chosen.length ? props.draft : null, chosen);
  if (all.length === 0) {
    return (
      <div className="variants-view" data-testid="variants">
        <section className="card" data-testid="no-variants">
          <h3>No variants</h3>
          <p>
            This scenario has no variants. A variant is a named what-if: a list of changes to the
            scenario’s inputs (set, scale, add or remove at a path such as{' '}
            <code>coalition.commitment.credibility</code>), each with its rationale and evidence.
            Add a <code>variants:</code> list to the scenario file (docs/scenario-format.md,
            “Variants”) to compare them here, in reports and with <code>entente compare</code>.
          </p>
        </section>
      </div>
    );
  }
  const r = cmp.result;
  // Show a result only for the variants now chosen (an older answer may be on screen meanwhile).
  const current =
    r &&
    r.columns.length === chosen.length + 1 &&
    r.columns.slice(1).every((c, i) => c.id === chosen[i]);
  const toggle = (id: string, on: boolean) =>
    props.onPick(all.map((v) => v.id).filter((x) => (x === id ? on : chosen.includes(x))));
  return (
    <div className="variants-view" data-testid="variants">
      <section className="card" aria-labelledby="var-pick">
        <h3 id="var-pick">Variants to compare with the base</h3>
        <fieldset className="variant-picker">
          <legend className="sr-only">Variants</legend>
          {all.map((v) => (
            <label key={v.id} className="variant-choice">
              <input
                type="checkbox"
                checked={chosen.includes(v.id)}
                onChange={(e) => toggle(v.id, e.target.checked)}
                data-testid={`pick-${v.id}`}
              />{' '}
              <strong>{v.name}</strong>{' '}
              <span className="muted small">
                {v.id} · {v.changes} change{v.changes === 1 ? '' : 's'}
                {v.extends ? `, after ${v.extends}` : ''}
              </span>
              {v.description && <span className="desc small">{v.description}</span>}
            </label>
          ))}
        </fieldset>
        <p>
          <button type="button" onClick={() => props.onPick(all.map((v) => v.id))}>
            All
          </button>{' '}
          <button type="button" onClick={() => props.onPick([])}>
            None
          </button>{' '}
          <span className="muted small" role="status" data-testid="compare-status">
            {chosen.length === 0
              ? 'Pick one or more variants.'
              : cmp.busy
                ? 'comparing…'
                : cmp.error
                  ? ''
                  : cmp.ms !== null
                    ? `compared in ${Math.round(cmp.ms)} ms`
                    : ''}
          </span>
        </p>
        {cmp.error && chosen.length > 0 && (
          <p className="error" role="alert" data-testid="compare-error">
            {cmp.error}
          </p>
        )}
        <p className="muted small">
          The Report buttons include the variants picked here ({chosen.length} of {all.length}).
        </p>
      </section>
      {r && current && chosen.length > 0 && (
        <>
          <section className="card" aria-labelledby="var-head" aria-busy={cmp.busy}>
            <h3 id="var-head">The answer in short</h3>
            <p className="muted small">
              The base’s headline, then what each variant says differently.
            </p>
            <Headlines r={r} />
          </section>
          <section className="card" aria-labelledby="var-side" aria-busy={cmp.busy}>
            <h3 id="var-side">Side by side</h3>
            <p className="muted small">
              Every model ran on each with the same options and seed ({r.seed}); P(commits) over{' '}
              {r.commitmentDraws} draws of the commitment terms. Δ = variant − base; a{' '}
              <span className="changed-sample">marked</span> number differs from the base at the
              precision shown.
            </p>
            <SideBySide r={r} />
          </section>
          <section className="card" aria-labelledby="var-inputs">
            <h3 id="var-inputs">The inputs each variant changes</h3>
            <InputsChanged r={r} />
          </section>
          <p className="muted small">
            The same numbers from the command line:{' '}
            <code>
              entente compare FILE --variants {chosen.join(',')} --seed {r.seed}
            </code>
          </p>
        </>
      )}
    </div>
  );
}
