/**
 * The simplest stakeholder table: `actor,capability,position,salience` (one issue), as in the
 * Bueno de Mesquita datasets of `data/bdm/`. Converted to a scenario for editing and running.
 */
import { InputError, type Problem } from '../core/errors.ts';
import type { ScenarioInput } from '../core/scenario.ts';
import { readCsv } from './csv.ts';

export interface ActorCsvOptions {
  /** Scenario id; default from the file name. */
  id: string;
  title?: string;
  issueId?: string;
  issueName?: string;
  /** Scale bounds; default 0–100 when every position fits, else the positions' floor/ceiling. */
  scale?: { min: number; max: number };
  /** Salience scale of the file: 100 (0–100) or 1 (0–1); default: 1 when every salience ≤ 1. */
  salienceScale?: 1 | 100;
  /** ISO date the scenario describes (the shell gives today's: formats never read the clock). */
  asOf: string;
}

const REQUIRED = ['actor', 'capability', 'position', 'salience'] as const;

export function actorCsvToScenario(
  text: string,
  file: string,
  opts: ActorCsvOptions,
): ScenarioInput {
  const rows = readCsv(text);
  const problems: Problem[] = [];
  if (rows.length === 0)
    throw new InputError({
      file,
      line: 1,
      path: '',
      message: 'empty file: expected a header actor,capability,position,salience',
    });
  const header = rows[0]!.map((f) => f.text.trim().toLowerCase());
  const col: Record<string, number> = {};
  for (const name of REQUIRED) {
    const j = header.indexOf(name);
    if (j < 0)
      problems.push({
        file,
        line: 1,
        column: 1,
        path: name,
        message: `missing column "${name}"; header must name actor,capability,position,salience`,
      });
    col[name] = j;
  }
  if (problems.length) throw new InputError(problems);
  const records: { name: string; capability: number; position: number; salience: number }[] = [];
  for (const row of rows.slice(1)) {
    const cell = (name: (typeof REQUIRED)[number]) => row[col[name]!];
    const name = cell('actor')?.text.trim() ?? '';
    const lineNo = row[0]!.line;
    if (!name) {
      problems.push({ file, line: lineNo, column: 1, path: 'actor', message: 'empty actor name' });
      continue;
    }
    const num = (field: 'capability' | 'position' | 'salience'): number => {
      const f = cell(field);
      const v = Number(f?.text.trim());
      if (!f || f.text.trim() === '' || !Number.isFinite(v)) {
        problems.push({
          file,
          line: f?.line ?? lineNo,
          column: f?.column ?? 1,
          path: field,
          message: `"${f?.text ?? ''}" is not a number (actor ${name})`,
        });
        return NaN;
      }
      return v;
    };
    records.push({
      name,
      capability: num('capability'),
      position: num('position'),
      salience: num('salience'),
    });
  }
  if (problems.length) throw new InputError(problems);
  if (records.length < 2)
    throw new InputError({
      file,
      path: '',
      message: `a scenario needs at least 2 actors, found ${records.length}`,
    });
  const salienceScale = opts.salienceScale ?? (records.every((r) => r.salience <= 1) ? 1 : 100);
  const positions = records.map((r) => r.position);
  const lo = Math.min(...positions);
  const hi = Math.max(...positions);
  const scale =
    opts.scale ??
    (lo >= 0 && hi <= 100 ? { min: 0, max: 100 } : { min: Math.floor(lo), max: Math.ceil(hi) });
  const issueId = opts.issueId ?? 'issue';
  const used = new Set<string>();
  const slug = (name: string) => {
    const base =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'actor';
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
  return {
    id: opts.id,
    title: opts.title ?? opts.id,
    question: `What outcome will the actors reach on ${opts.issueName ?? issueId}?`,
    asOf: opts.asOf,
    sources: [{ id: 'csv', title: `Imported from ${file}` }],
    issues: [{ id: issueId, name: opts.issueName ?? issueId, scale }],
    actors: records.map((r) => ({
      id: slug(r.name),
      name: r.name,
      kind: 'state' as const,
      capability: r.capability,
      stances: {
        [issueId]: { position: r.position, salience: r.salience * (salienceScale === 1 ? 100 : 1) },
      },
    })),
    evidence: [],
    notes: [
      `Imported from ${file}${salienceScale === 1 ? '; saliences were on 0–1 and were multiplied by 100' : ''}.`,
    ],
  };
}
