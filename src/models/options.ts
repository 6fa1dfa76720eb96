/**
 * Reads `key=value` option text (CLI `--option`, HTTP query) into a model's typed options, with
 * errors that name the option and list what is accepted.
 */
import { InputError } from '../core/errors.ts';
import type { AnyModel, OptionSpec } from './model.ts';

function parseOne(model: string, key: string, spec: OptionSpec, raw: string): unknown {
  const fail = (expected: string) =>
    new InputError({
      path: `--option ${key}`,
      message: `${model}: "${raw}" is not valid: expected ${expected}`,
    });
  switch (spec.type) {
    case 'boolean':
      if (['true', '1', 'yes', 'on'].includes(raw)) return true;
      if (['false', '0', 'no', 'off'].includes(raw)) return false;
      throw fail('true or false');
    case 'enum':
      if (spec.values.includes(raw)) return raw;
      throw fail(`one of ${spec.values.join(', ')}`);
    case 'number':
    case 'integer': {
      if (spec.type === 'number' && spec.nullable && ['off', 'none', 'null'].includes(raw))
        return null;
      const v = Number(raw);
      const okInt = spec.type === 'number' || Number.isInteger(v);
      if (raw.trim() === '' || !Number.isFinite(v) || !okInt)
        throw fail(spec.type === 'integer' ? 'an integer' : 'a number');
      if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
        throw fail(`a value in ${spec.min ?? '-∞'}..${spec.max ?? '∞'}`);
      }
      return v;
    }
  }
}

/** Merges `key=value` strings over the model's defaults. Unknown keys are an error. */
export function parseModelOptions(
  model: AnyModel,
  pairs: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(model.defaults as Record<string, unknown>) };
  const specs = model.options as Record<string, OptionSpec>;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError({ path: '--option', message: `"${pair}" is not KEY=VALUE` });
    const key = pair.slice(0, eq).trim();
    const spec = specs[key];
    if (!spec) {
      const known = Object.keys(specs);
      throw new InputError({
        path: `--option ${key}`,
        message: `${model.id} has no option "${key}"${known.length ? `; options: ${known.join(', ')}` : ' (it takes none)'}`,
      });
    }
    out[key] = parseOne(model.id, key, spec, pair.slice(eq + 1).trim());
  }
  return out;
}
