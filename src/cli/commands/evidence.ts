/**
 * `entente evidence FILE`: every number of a scenario with the evidence behind it (quote, source,
 * locator), flagging numbers with none and numbers still proposed. Options: program/evidence.ts.
 */
import { listNumberEvidence, type NumberEvidence } from '../../evidence/number-evidence.ts';
import { io } from '../io.ts';
import { loadScenario } from '../load.ts';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function render(n: NumberEvidence, previous?: NumberEvidence): string {
  const range =
    n.low !== undefined || n.high !== undefined
      ? ` (${n.low ?? n.value}–${n.high ?? n.value})`
      : '';
  const flags = [
    n.evidence.length === 0 ? 'NO EVIDENCE' : '',
    n.status === 'proposed'
      ? `PROPOSED${n.confidence !== undefined ? ` (confidence ${n.confidence})` : ''}`
      : '',
    n.unverified ? 'UNVERIFIED' : '',
  ].filter((x) => x);
  const lines = [`${n.label} = ${n.value}${range}${flags.length ? `  [${flags.join(', ')}]` : ''}`];
  if (n.derivation) lines.push(`    derivation: ${clip(n.derivation, 160)}`);
  const same =
    previous !== undefined &&
    n.evidence.length > 0 &&
    previous.label.split('.').slice(0, -1).join('.') ===
      n.label.split('.').slice(0, -1).join('.') &&
    previous.evidence.map((e) => e.id).join() === n.evidence.map((e) => e.id).join();
  if (same) {
    lines.push(
      `    same ${n.evidence.length} evidence item${n.evidence.length > 1 ? 's' : ''} as ${previous.label}`,
    );
    return lines.join('\n');
  }
  for (const e of n.evidence) {
    const where = [e.source, e.locator].filter((x) => x).join(', ');
    const status = e.status === 'proposed' ? ' (proposed)' : '';
    lines.push(
      `    ${e.id}${status} [${where || 'no source'}]${e.quote ? ` “${clip(e.quote, 140)}”` : ''}`,
    );
  }
  return lines.join('\n');
}

export function evidenceCommand(
  file: string | undefined,
  flags: { missing?: boolean; json?: boolean },
): void {
  const { scenario, file: shown } = loadScenario(file);
  const all = listNumberEvidence(scenario);
  const list = flags.missing
    ? all.filter((n) => n.evidence.length === 0 || n.status === 'proposed')
    : all;
  if (flags.json) {
    io.json({ file: shown, numbers: list });
    return;
  }
  const without = all.filter((n) => n.evidence.length === 0).length;
  const proposed = all.filter((n) => n.status === 'proposed').length;
  io.out(
    [
      `${shown}: ${all.length} numbers · ${all.length - without} with evidence · ${without} without · ${proposed} proposed`,
      '',
      ...list.map((n, i) => render(n, list[i - 1])),
    ].join('\n'),
  );
}
