/**
 * KTAB's XML scenario format: `<Scenario>` with `<name>`, `<desc>`, `<prngSeed>`,
 * `<ModelParameters>` (one element per model option), `<Dimensions>` (`<dName>` each) and
 * `<Actors>` (`<Actor>` with `<name>`, `<description>`, `<capability>`, `<Position>` of `<dCoord>`
 * and `<Salience>` of `<dSal>`, on 0–100). Element names are matched case-insensitively; unknown
 * elements are ignored. Source: KTAB `smp.cpp`, `SMPModel::readXML`.
 */
import { InputError, type Problem } from '../../core/errors.ts';
import type { KtabModelParameters } from './ktab-vocabulary.ts';
import { checkKtabActor } from './check-ktab.ts';
import type { KtabActor, KtabData } from './ktab-data.ts';
import { KTAB_PARAMETERS, readParameter } from './ktab-parameters.ts';
import { type XmlElement, child, children, parseXml } from './xml.ts';

export function parseKtabXml(text: string, file?: string): KtabData {
  const root = parseXml(text, file);
  const problems: Problem[] = [];
  const at = (el: XmlElement) => ({
    ...(file === undefined ? {} : { file }),
    line: el.line,
    column: el.column,
  });
  const fail = (el: XmlElement, path: string, message: string): never => {
    throw new InputError({ ...at(el), path, message });
  };
  if (root.name.toLowerCase() !== 'scenario') {
    fail(
      root,
      '',
      `expected a KTAB scenario: the root element must be <Scenario>, found <${root.name}>`,
    );
  }
  const textOf = (el: XmlElement | undefined) => (el ? el.text.trim() : '');

  const parameters: Partial<Record<keyof KtabModelParameters, string>> = {};
  const params = child(root, 'ModelParameters');
  if (params) {
    for (const p of KTAB_PARAMETERS) {
      const el = child(params, p.element);
      if (!el) continue;
      const v = readParameter(p, el.text);
      if (v === undefined) {
        problems.push({
          ...at(el),
          path: `ModelParameters.${p.element}`,
          message: `unknown ${p.element} "${el.text.trim()}"; expected one of ${p.values.join(', ')}`,
        });
      } else parameters[p.option] = v;
    }
  }

  const dimsEl =
    child(root, 'Dimensions') ??
    fail(root, 'Dimensions', 'missing <Dimensions> (one <dName> per dimension)');
  const dimensions = children(dimsEl, 'dName').map((d, k) => textOf(d) || `Dimension ${k + 1}`);
  if (dimensions.length === 0)
    fail(
      dimsEl,
      'Dimensions',
      '<Dimensions> names no dimension: expected one <dName> per dimension',
    );
  const actorsEl = child(root, 'Actors') ?? fail(root, 'Actors', 'missing <Actors>');
  const actorEls = children(actorsEl, 'Actor');
  if (actorEls.length === 0) fail(actorsEl, 'Actors', '<Actors> holds no <Actor>');

  const actors: KtabActor[] = [];
  actorEls.forEach((el, a) => {
    const name = textOf(child(el, 'name'));
    const who = `actor "${name || a + 1}"`;
    let bad = false;
    const num = (e: XmlElement | undefined, path: string, what: string): number => {
      if (!e) {
        problems.push({ ...at(el), path, message: `${who}: missing ${what}` });
        bad = true;
        return NaN;
      }
      const raw = e.text.trim();
      const v = raw === '' ? NaN : Number(raw);
      if (!Number.isFinite(v)) {
        problems.push({ ...at(e), path, message: `${who}: ${what} "${raw}" is not a number` });
        bad = true;
      }
      return v;
    };
    const powerEl = child(el, 'capability') ?? child(el, 'power');
    const power = num(powerEl, `actors[${a}].capability`, '<capability>');
    const coords = list(el, 'Position', 'dCoord');
    const sals = list(el, 'Salience', 'dSal');
    for (const [items, what, container] of [
      [coords, 'positions', 'Position'],
      [sals, 'saliences', 'Salience'],
    ] as const) {
      if (items.length !== dimensions.length) {
        problems.push({
          ...at(child(el, container) ?? el),
          path: `actors[${a}].${what}`,
          message: `${who}: <${container}> has ${items.length} value${items.length === 1 ? '' : 's'}, but <Dimensions> names ${dimensions.length}`,
        });
        bad = true;
      }
    }
    if (bad) return;
    const positions = coords.map((e, k) =>
      num(e, `actors[${a}].positions[${k}]`, `position on "${dimensions[k]}"`),
    );
    const saliences = sals.map((e, k) =>
      num(e, `actors[${a}].saliences[${k}]`, `salience on "${dimensions[k]}"`),
    );
    if (bad) return;
    const place = (e: XmlElement) => ({ line: e.line, column: e.column });
    const actor: KtabActor = {
      name,
      description: textOf(child(el, 'description')),
      power,
      positions,
      saliences,
      at: {
        name: place(child(el, 'name') ?? el),
        power: place(powerEl!),
        positions: coords.map(place),
        saliences: sals.map(place),
      },
    };
    if (name === '')
      problems.push({
        ...at(el),
        path: `actors[${a}].name`,
        message: `actor ${a + 1} has no <name>`,
      });
    problems.push(...checkKtabActor(actor, a, dimensions, file));
    actors.push(actor);
  });
  if (problems.length > 0) throw new InputError(problems);

  const notes: string[] = [];
  const ideal = child(root, 'IdealAdjustment');
  if (ideal && ideal.children.length > 0) {
    notes.push(
      `<IdealAdjustment> (line ${ideal.line}) is ignored: Entente's SMP uses identity accommodation (ideals follow positions)`,
    );
  }
  const seed = textOf(child(root, 'prngSeed'));
  return {
    name: textOf(child(root, 'name')),
    description: textOf(child(root, 'desc') ?? child(root, 'description')),
    dimensions,
    actors,
    ...(seed === '' ? {} : { seed }),
    parameters: parameters as Partial<KtabModelParameters>,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** The `item` children of `el`'s `container` child, e.g. Position/dCoord. */
function list(el: XmlElement, container: string, item: string): XmlElement[] {
  const c = child(el, container);
  return c ? children(c, item) : [];
}
