/**
 * An Entente scenario → KTAB's CSV or XML. Positions are mapped from each issue's scale to KTAB's
 * 0–100; an actor without a stance on an issue gets the midpoint with salience 0. KTAB requires
 * each actor's saliences to sum to at most 100: larger sums are scaled down to 100 (the SMP
 * uses only their ratios and the total, which it caps at 100 the same way), with a warning.
 * Zero power or all-zero saliences cannot be written (KTAB crashes on them).
 */
import { InputError, type Problem } from '../../core/errors.ts';
import { type ScenarioInput, valueOf } from '../../core/scenario.ts';
import { KTAB_DEFAULT_PARAMETERS, type KtabModelParameters } from './ktab-vocabulary.ts';
import { KTAB_SCALE } from './check-ktab.ts';
import type { KtabActor, KtabData } from './ktab-data.ts';
import { KTAB_PARAMETERS, writeParameter } from './ktab-parameters.ts';
import { escapeXml } from './xml.ts';

export function scenarioToKtabData(s: ScenarioInput, warnings: string[] = []): KtabData {
  const problems: Problem[] = [];
  const actors: KtabActor[] = s.actors.map((actor, a) => {
    const power = valueOf(actor.capability);
    if (!(power > 0)) {
      problems.push({
        path: `actors[${a}].capability`,
        message: `actor "${actor.id}" has capability ${power}; KTAB needs a positive power (zero power crashes KTAB)`,
      });
    }
    const positions: number[] = [];
    let saliences: number[] = [];
    const absent: string[] = [];
    for (const issue of s.issues) {
      const stance = actor.stances[issue.id];
      const { min, max } = issue.scale;
      if (!stance) {
        absent.push(issue.id);
        positions.push(KTAB_SCALE / 2);
        saliences.push(0);
        continue;
      }
      const x = valueOf(stance.position);
      // Identity on KTAB's own scale, so numbers round-trip exactly.
      positions.push(min === 0 && max === KTAB_SCALE ? x : ((x - min) * KTAB_SCALE) / (max - min));
      saliences.push(valueOf(stance.salience));
    }
    if (absent.length > 0) {
      warnings.push(
        `actor "${actor.id}" has no stance on ${absent.join(', ')}: written at the midpoint with salience 0`,
      );
    }
    const sum = saliences.reduce((t, v) => t + v, 0);
    if (sum > KTAB_SCALE) {
      saliences = saliences.map((v) => (v * KTAB_SCALE) / sum);
      warnings.push(
        `actor "${actor.id}": saliences sum to ${+sum.toFixed(4)}; scaled to sum to 100 as KTAB requires (the SMP's results are unchanged)`,
      );
    } else if (sum === 0) {
      problems.push({
        path: `actors[${a}].stances`,
        message: `actor "${actor.id}" has zero salience on every issue; KTAB needs a positive salience somewhere`,
      });
    }
    return { name: actor.name, description: actor.description ?? '', power, positions, saliences };
  });
  if (problems.length > 0) throw new InputError(problems);
  return {
    name: s.title,
    description: s.question,
    dimensions: s.issues.map((i) => i.name),
    actors,
  };
}

/** Quotes a CSV field when it needs it. */
function csvField(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function ktabDataToCsv(data: KtabData): string {
  const lines = [
    [data.name, data.description, String(data.actors.length), String(data.dimensions.length)]
      .map(csvField)
      .join(','),
    [
      'Actor',
      'Description',
      'Power',
      ...data.dimensions.flatMap((d) => [`${d} Position`, `${d} Salience`]),
    ]
      .map(csvField)
      .join(','),
    ...data.actors.map((a) =>
      [
        csvField(a.name),
        csvField(a.description),
        String(a.power),
        ...a.positions.flatMap((x, k) => [String(x), String(a.saliences[k])]),
      ].join(','),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export function ktabDataToXml(
  data: KtabData,
  options: Partial<KtabModelParameters> = {},
  seed?: string,
): string {
  const o = { ...KTAB_DEFAULT_PARAMETERS, ...options } satisfies KtabModelParameters;
  const tag = (indent: number, name: string, value: string) =>
    `${' '.repeat(indent)}<${name}>${escapeXml(value)}</${name}>`;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<Scenario>'];
  out.push(tag(2, 'name', data.name), tag(2, 'desc', data.description));
  const s = seed ?? data.seed;
  if (s !== undefined) out.push(tag(2, 'prngSeed', s));
  out.push('  <ModelParameters>');
  for (const p of KTAB_PARAMETERS) out.push(tag(4, p.element, writeParameter(p, o[p.option])));
  out.push('  </ModelParameters>', '  <Dimensions>');
  for (const d of data.dimensions) out.push(tag(4, 'dName', d));
  out.push('  </Dimensions>', '  <Actors>');
  for (const a of data.actors) {
    out.push(
      '    <Actor>',
      tag(6, 'name', a.name),
      tag(6, 'description', a.description),
      tag(6, 'capability', String(a.power)),
    );
    out.push(
      '      <Position>',
      ...a.positions.map((x) => tag(8, 'dCoord', String(x))),
      '      </Position>',
    );
    out.push(
      '      <Salience>',
      ...a.saliences.map((x) => tag(8, 'dSal', String(x))),
      '      </Salience>',
    );
    out.push('    </Actor>');
  }
  out.push('  </Actors>', '</Scenario>');
  return `${out.join('\n')}\n`;
}

/** The scenario as KTAB CSV. Conversion notes are pushed to `warnings`. */
export function scenarioToKtabCsv(s: ScenarioInput, warnings: string[] = []): string {
  return ktabDataToCsv(scenarioToKtabData(s, warnings));
}

/**
 * The scenario as KTAB XML with the SMP's options as `<ModelParameters>` (defaults filled in);
 * `seed` becomes `<prngSeed>`. Conversion notes are pushed to `warnings`.
 */
export function scenarioToKtabXml(
  s: ScenarioInput,
  smpOptions: Partial<KtabModelParameters> = {},
  extra: { seed?: string; warnings?: string[] } = {},
): string {
  return ktabDataToXml(scenarioToKtabData(s, extra.warnings ?? []), smpOptions, extra.seed);
}
