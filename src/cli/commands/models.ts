/** `entente models`: the models, their options and defaults (options: program/models.ts). */
import type { OptionSpec } from '../../models/model.ts';
import { listModels } from '../../models/registry.ts';
import { io } from '../io.ts';

function describeSpec(spec: OptionSpec): string {
  if (spec.type === 'enum') return spec.values.join('|');
  if (spec.type === 'boolean') return 'true|false';
  const range =
    spec.min !== undefined || spec.max !== undefined
      ? ` ${spec.min ?? '-∞'}..${spec.max ?? '∞'}`
      : '';
  return `${spec.type}${range}`;
}

export function modelsCommand(flags: { json?: boolean }): void {
  const models = listModels();
  if (flags.json) {
    io.json(
      models.map((m) => ({
        id: m.id,
        name: m.name,
        summary: m.summary,
        citation: m.citation,
        multiIssue: m.multiIssue,
        defaults: m.defaults,
        options: m.options,
      })),
    );
    return;
  }
  const out: string[] = [];
  for (const m of models) {
    out.push(`${m.id} — ${m.name}`, `  ${m.summary}`, `  Source: ${m.citation}`);
    for (const [key, spec] of Object.entries(m.options as Record<string, OptionSpec>)) {
      const dflt = JSON.stringify((m.defaults as Record<string, unknown>)[key]);
      out.push(`  ${m.id}.${key}=${describeSpec(spec)} (default ${dflt}): ${spec.doc}`);
    }
    out.push('');
  }
  io.out(out.join('\n'));
}
