/**
 * Every derived number of the built-in scenario recomputed from the indicator values its
 * derivation names (issue 15: "every derivation can be recomputed by a test from the numbers it
 * names"). Indicator values are read from the evidence items' quotes, which are the rows of
 * data/eastasia/indicators.csv verbatim (checked against the file when /work/shared/data is
 * present). Numbers that are judgements say "Judgement" in their derivation and are listed in
 * JUDGEMENTS; every number of the file is either recomputed here or listed there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { valueOf, rangeOf, type Scenario } from '../src/core/scenario.ts';
import { listContextEvidence, listNumberEvidence } from '../src/evidence/number-evidence.ts';
import { parseScenarioText } from '../src/formats/scenario-file.ts';
import { ROOT } from './support/cli.ts';

const FILE = join(ROOT, 'scenarios', 'east-asia-coalition-2025.yaml');
const S: Scenario = parseScenarioText(readFileSync(FILE, 'utf8'), FILE);
const NUMBERS = listNumberEvidence(S);
const byLabel = new Map(NUMBERS.map((n) => [n.label, n]));
const INDICATORS = '/work/shared/data/eastasia/indicators.csv';

/** Fields of one CSV line (quotes and doubled quotes handled). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  return [...out, cur];
}

const evidence = (id: string) => {
  const e = S.evidence.find((x) => x.id === id);
  if (!e?.quote) throw new Error(`no evidence item ${id} with a quote`);
  return e;
};
/** The indicator row an evidence item quotes: country, indicator, value, year, source, status. */
const row = (id: string) => csvFields(evidence(id).quote!);
/** The value column of an indicator, as a number ("~16" → 16). */
const ind = (id: string): number => {
  const v = Number(row(id)[2]!.replace(/^~/, ''));
  if (!Number.isFinite(v)) throw new Error(`${id}: value "${row(id)[2]}" is not a number`);
  return v;
};
/** A recalled range "~13-15" → [13, 15]. */
const recalledRange = (id: string): [number, number] => {
  const m = /^~([\d.]+)-([\d.]+)/.exec(row(id)[2]!);
  if (!m) throw new Error(`${id}: "${row(id)[2]}" is not a recalled range`);
  return [Number(m[1]), Number(m[2])];
};
/** A number quoted inside the indicator's name, e.g. "[not cooperate 27; use force with US 11]". */
const inName = (id: string, label: RegExp): number => {
  const m = label.exec(row(id)[1]!);
  if (!m) throw new Error(`${id}: ${String(label)} not in "${row(id)[1]}"`);
  return Number(m[1]);
};

type Expected = { value: number; low?: number; high?: number };
const checks = new Map<string, { expected: Expected; tol: number }>();
function derived(label: string, expected: Expected, tol = 0.0015): void {
  if (!byLabel.has(label)) throw new Error(`no number ${label}`);
  checks.set(label, { expected, tol });
}

// ---- Capability rule (notes): mean of CINC 2022 x 100 and the SIPRI proxy; range between them.
const STATES = {
  usa: ['cinc-usa', 'sipri-usa'],
  china: ['cinc-china', 'sipri-china'],
  japan: ['cinc-japan', 'sipri-japan'],
  korea: ['cinc-south-korea', 'sipri-south-korea'],
  philippines: ['cinc-philippines', 'sipri-philippines'],
  australia: ['cinc-australia', 'sipri-australia'],
  taiwan: ['cinc-taiwan', 'sipri-taiwan'],
} as const;
const cincTotal = Object.values(STATES).reduce((t, [c]) => t + ind(c) * 100, 0);
const sipriTotal = Object.values(STATES).reduce((t, [, m]) => t + ind(m), 0);
function state(k: keyof typeof STATES) {
  const [c, m] = STATES[k];
  const cinc = ind(c) * 100;
  const proxy = (ind(m) / sipriTotal) * cincTotal;
  return { point: (cinc + proxy) / 2, low: Math.min(cinc, proxy), high: Math.max(cinc, proxy) };
}
for (const [actor, k] of [
  ['usa', 'usa'],
  ['china', 'china'],
  ['taiwan', 'taiwan'],
] as const) {
  const st = state(k);
  derived(`${actor}.capability`, { value: st.point, low: st.low, high: st.high });
}
for (const [gov, pub, k] of [
  ['japan-gov', 'japan-public', 'japan'],
  ['korea-gov', 'korea-public', 'korea'],
  ['philippines', 'philippines-public', 'philippines'],
  ['australia-gov', 'australia-public', 'australia'],
] as const) {
  const st = state(k);
  derived(`${gov}.capability`, { value: 0.7 * st.point, low: 0.6 * st.low, high: 0.8 * st.high });
  derived(`${pub}.capability`, { value: 0.3 * st.point, low: 0.2 * st.low, high: 0.4 * st.high });
}
// North Korea: no spending figure, so CINC +- its change since NMC v6.0 2016.
{
  const v = ind('cinc-north-korea') * 100;
  const d = Math.abs(v - ind('cinc6-north-korea') * 100);
  derived('north-korea.capability', { value: v, low: v - d, high: v + d });
}

// ---- Poll rule (notes): each answer mapped to [point, low, high]; a poll is the weighted mean.
type Mapping = readonly [number, number, number];
const NEUTRAL: Mapping = [25, 0, 25];
const ROLE: Mapping = [37.5, 25, 50];
const FIGHT: Mapping = [75, 75, 75];
const NAVY: Mapping = [75, 50, 75];
const REAR: Mapping = [50, 50, 50];
const SANCTIONS: Mapping = [25, 25, 25];
const OPPOSE: Mapping = [37.5, 25, 50];
const CHINA: Mapping = [0, 0, 0];
const REMAINDER: Mapping = [37.5, 0, 75];
function poll(answers: [number, Mapping][]) {
  const n = answers.reduce((t, [share]) => t + share, 0);
  const at = (j: 0 | 1 | 2) => answers.reduce((t, [share, m]) => t + share * m[j], 0) / n;
  return { point: at(0), low: at(1), high: at(2) };
}
function publicPosition(label: string, polls: ReturnType<typeof poll>[]) {
  const point = polls.reduce((t, p) => t + p.point, 0) / polls.length;
  derived(
    label,
    {
      value: point,
      low: Math.min(...polls.map((p) => p.low)),
      high: Math.max(...polls.map((p) => p.high)),
    },
    0.5, // positions are rounded to whole numbers
  );
}
publicPosition('japan-public.coalition.position', [
  poll([
    [ind('kyodo-2025-csd-favour'), FIGHT],
    [ind('kyodo-2025-csd-against'), OPPOSE],
  ]),
  poll([
    [ind('asahi-2023-rear-support'), REAR],
    [inName('asahi-2023-rear-support', /not cooperate (\d+)/), NEUTRAL],
    [ind('asahi-2023-use-force'), FIGHT],
  ]),
  poll([
    [ind('ipst-2024-rear-support'), REAR],
    [inName('ipst-2024-rear-support', /back sanctions ([\d.]+)/), SANCTIONS],
    [inName('ipst-2024-rear-support', /nothing ([\d.]+)/), NEUTRAL],
  ]),
]);
publicPosition('korea-public.coalition.position', [
  poll([
    [ind('eai-2023-taiwan-uninvolved'), NEUTRAL],
    [inName('eai-2023-taiwan-uninvolved', /play a role ([\d.]+)/), ROLE],
  ]),
  poll([
    [ind('eai-2023-neutral'), NEUTRAL],
    [inName('eai-2023-neutral', /support US ([\d.]+)/), ROLE],
    [inName('eai-2023-neutral', /support China ([\d.]+)/), CHINA],
  ]),
]);
publicPosition('philippines-public.coalition.position', [
  poll([
    [ind('wr-numero-2024-neutral'), NEUTRAL],
    [100 - ind('wr-numero-2024-neutral'), REMAINDER],
  ]),
]);
{
  const personnel = ind('lowy-2023-taiwan-personnel');
  const navy = ind('lowy-2023-taiwan-navy');
  const arms = ind('lowy-2023-taiwan-arms');
  const sanctions = ind('lowy-2023-taiwan-sanctions');
  publicPosition('australia-public.coalition.position', [
    poll([
      [personnel, FIGHT],
      [navy - personnel, NAVY],
      [arms - navy, REAR],
      [sanctions - arms, SANCTIONS],
      [100 - sanctions, NEUTRAL],
    ]),
    poll([
      [ind('lowy-2023-neutral'), NEUTRAL],
      [ind('lowy-2023-support-us'), ROLE],
    ]),
  ]);
}

// ---- Trade shares (coalition.parties, %), and tradeExposure (commitment, 0-1).
const korTotal = inName('kor-exports-china', /\/ ([\d.]+) US\$/);
const korChina = (inName('kor-exports-china', /\[([\d.]+) \//) / korTotal) * 100;
const korUs = (inName('kor-exports-us', /\[([\d.]+) \//) / korTotal) * 100;
derived('coalition.parties.japan-gov.tradeWithRival', { value: ind('jpn-exports-china') });
derived('coalition.parties.japan-gov.tradeWithLead', { value: ind('jpn-exports-us') });
derived('coalition.parties.korea-gov.tradeWithRival', { value: korChina }, 0.005);
derived('coalition.parties.korea-gov.tradeWithLead', { value: korUs }, 0.005);
const phiChinaYear = recalledRange('phi-exports-china-year');
const phiChina = [ind('phi-exports-china'), (phiChinaYear[0] + phiChinaYear[1]) / 2];
const phiUs = [ind('phi-exports-us'), ind('phi-exports-us-jan-2025'), ind('phi-exports-us-year')];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
derived(
  'coalition.parties.philippines.tradeWithRival',
  {
    value: mean(phiChina),
    low: Math.min(...phiChina, ...phiChinaYear),
    high: Math.max(...phiChinaYear),
  },
  0.005,
);
derived(
  'coalition.parties.philippines.tradeWithLead',
  { value: mean(phiUs), low: Math.min(...phiUs), high: Math.max(...phiUs) },
  0.005,
);
const ausChina = recalledRange('aus-exports-china-share');
derived('coalition.parties.australia-gov.tradeWithRival', {
  value: mean(ausChina),
  low: ausChina[0],
  high: ausChina[1],
});
derived('coalition.parties.australia-gov.tradeWithLead', {
  value: ind('aus-exports-us-share'),
  low: ind('aus-exports-us-share') - 0.5,
  high: ind('aus-exports-us-share') + 0.5,
});
const C = 'coalition.commitment';
const cand = (id: string, term: string) => `${C}.candidates.${id}.${term}`;
const tenPercent = (v: number) => ({ value: v, low: v * 0.9, high: v * 1.1 });
derived(cand('japan-gov', 'tradeExposure'), tenPercent(ind('jpn-exports-china') / 100), 0.0005);
derived(cand('korea-gov', 'tradeExposure'), tenPercent(korChina / 100), 0.0005);
derived(cand('philippines', 'tradeExposure'), {
  value: mean(phiChina) / 100,
  low: Math.min(...phiChina) / 100,
  high: phiChinaYear[1] / 100,
});
derived(cand('australia-gov', 'tradeExposure'), {
  value: mean(ausChina) / 100,
  low: ausChina[0] / 100,
  high: ausChina[1] / 100,
});

// ---- Commitment block: capabilities (SIPRI +- change from 2023; CINC +- change since v6.0 2016).
const pm = (v: number, other: number) => ({
  value: v,
  low: v - Math.abs(v - other),
  high: v + Math.abs(v - other),
});
const CAPS: [string, string, string][] = [
  [`${C}.lead`, 'usa', 'usa'],
  [`${C}.rival`, 'china', 'china'],
  [`${C}.candidates.japan-gov`, 'japan', 'japan'],
  [`${C}.candidates.korea-gov`, 'south-korea', 'south-korea'],
  [`${C}.candidates.philippines`, 'philippines', 'philippines'],
  [`${C}.candidates.australia-gov`, 'australia', 'australia'],
];
for (const [at, sipri, cinc] of CAPS) {
  derived(`${at}.capability.milex`, pm(ind(`sipri-${sipri}`), ind(`sipri-${sipri}-2023`)), 0.05);
  derived(`${at}.capability.cinc`, pm(ind(`cinc-${cinc}`), ind(`cinc6-${cinc}`)), 1e-8);
}

// ---- Credibility: mean of the two "would the US defend" items; range = lowest/highest trust item.
{
  const trust = [
    'yomiuri-2025-trust-us',
    'yomiuri-gallup-2024-trust-us',
    'lowy-2025-trust-us',
    'pulse-asia-2025-trust-us',
  ].map((id) => ind(id) / 100);
  derived(
    `${C}.credibility`,
    {
      value: (ind('lowy-2025-us-defend') + ind('indsr-2024-expect-us')) / 200,
      low: Math.min(...trust),
      high: Math.max(...trust),
    },
    0.005,
  );
}

// ---- Security rule: the poll share, range +-0.1 widened to cover the other such items.
function security(id: string, main: number, others: number[]) {
  derived(
    cand(id, 'security'),
    {
      value: main,
      low: Math.min(main - 0.1, ...others),
      high: Math.max(main + 0.1, ...others),
    },
    0.005,
  );
}
security('japan-gov', ind('yh-2022-japan-work-with-us') / 100, [ind('kyodo-2025-ties-us') / 100]);
security('korea-gov', ind('yh-2022-korea-work-with-us') / 100, [
  ind('asan-2025-usfk-levels') / 100,
  ind('asan-2025-us-partner') / 100,
]);
{
  const octa = ind('octa-2023-military-ties');
  security('philippines', ind('pulse-asia-2023-work-with-us') / 100, [
    ind('pulse-asia-2025-trust-us') / 100,
    octa / (octa + inName('octa-2023-military-ties', /not (\d+)/)),
  ]);
}
security('australia-gov', ind('lowy-2025-alliance') / 100, []);

// ---- Abandonment: the USFK share the Pentagon reportedly weighed moving; others midway to it.
{
  const usfk = ind('usfk-troops');
  const weighed = ind('usfk-relocation-option') / usfk;
  derived(
    cand('korea-gov', 'abandonment'),
    { value: weighed, low: 0, high: (usfk - ind('usfk-dp-proposal')) / usfk },
    0.005,
  );
  for (const id of ['japan-gov', 'philippines', 'australia-gov'])
    derived(cand(id, 'abandonment'), { value: weighed / 2, low: 0, high: weighed }, 0.005);
}

// ---- Stake: the government's salience on the coalition issue / 100.
for (const id of ['japan-gov', 'korea-gov', 'philippines', 'australia-gov']) {
  const sal = S.actors.find((a) => a.id === id)!.stances.coalition!.salience;
  const [lo, hi] = rangeOf(sal);
  derived(cand(id, 'stake'), { value: valueOf(sal) / 100, low: lo / 100, high: hi / 100 }, 1e-9);
}

// ---- Local threat: North Korea's share of its CINC balance with the candidate, times its reach.
{
  const nk = ind('cinc-north-korea');
  const nkLow = ind('cinc6-north-korea');
  const share = (n: number, c: number) => n / (n + c);
  const jp = ind('cinc-japan');
  derived(
    cand('japan-gov', 'localThreat'),
    { value: 0.5 * share(nk, jp), low: 0.5 * share(nkLow, jp), high: share(nk, jp) },
    0.0005,
  );
  const kr = ind('cinc-south-korea');
  // The high (0.6) is a judgement; see JUDGEMENTS.
  derived(
    cand('korea-gov', 'localThreat'),
    { value: share(nk, kr), low: share(nkLow, kr) },
    0.0005,
  );
}

// ---- Public support: share backing its forces fighting alongside the US (don't-knows excluded).
{
  const kyodo =
    ind('kyodo-2025-csd-favour') / (ind('kyodo-2025-csd-favour') + ind('kyodo-2025-csd-against'));
  const asahi =
    ind('asahi-2023-use-force') /
    (ind('asahi-2023-rear-support') +
      inName('asahi-2023-rear-support', /not cooperate (\d+)/) +
      ind('asahi-2023-use-force'));
  const jpri = ind('jpri-2022-fight') / (ind('jpri-2022-fight') + ind('jpri-2022-oppose'));
  const jp = [kyodo, asahi, jpri];
  derived(
    cand('japan-gov', 'publicSupport'),
    { value: mean(jp), low: Math.min(...jp), high: Math.max(...jp) },
    0.005,
  );
  const role = inName('eai-2023-taiwan-uninvolved', /play a role ([\d.]+)/) / 100;
  derived(cand('korea-gov', 'publicSupport'), { value: role / 2, low: 0, high: role }, 0.005);
  const notNeutral = (100 - ind('wr-numero-2024-neutral')) / 100;
  derived(
    cand('philippines', 'publicSupport'),
    { value: notNeutral / 2, low: 0, high: notNeutral },
    0.005,
  );
  const lowy22 =
    ind('lowy-2022-taiwan-military') /
    (ind('lowy-2022-taiwan-military') + inName('lowy-2022-taiwan-military', /oppose (\d+)/));
  const au = [ind('lowy-2023-taiwan-personnel') / 100, lowy22];
  derived(
    cand('australia-gov', 'publicSupport'),
    { value: mean(au), low: Math.min(...au), high: Math.max(...au) },
    0.005,
  );
}

// ---- Public dependence: the democratic-constraint rule, public share / government share.
for (const id of ['japan-gov', 'philippines', 'australia-gov'])
  derived(
    cand(id, 'publicDependence'),
    { value: 0.3 / 0.7, low: 0.2 / 0.8, high: 0.4 / 0.6 },
    0.005,
  );
// South Korea raised: the common high is its value, the common value its low; the high is a judgement.
derived(cand('korea-gov', 'publicDependence'), { value: 0.4 / 0.6, low: 0.3 / 0.7 }, 0.005);

/** Numbers that are judgements (their derivation begins "Judgement"), by label. */
const JUDGEMENTS = [
  'coalition.referencePoint',
  'usfk-flexibility.referencePoint',
  'usa.coalition.position',
  'usa.coalition.salience',
  'usa.usfk-flexibility.position',
  'usa.usfk-flexibility.salience',
  'china.coalition.position',
  'china.coalition.salience',
  'japan-gov.coalition.position',
  'japan-gov.coalition.salience',
  'japan-public.coalition.salience',
  'korea-gov.coalition.position',
  'korea-gov.coalition.salience',
  'korea-gov.usfk-flexibility.position',
  'korea-gov.usfk-flexibility.salience',
  'korea-public.coalition.salience',
  'philippines.coalition.position',
  'philippines.coalition.salience',
  'philippines-public.coalition.salience',
  'australia-gov.coalition.position',
  'australia-gov.coalition.salience',
  'australia-public.coalition.salience',
  'taiwan.coalition.position',
  'taiwan.coalition.salience',
  'north-korea.coalition.position',
  'north-korea.coalition.salience',
  `${C}.conflictRisk`,
  cand('japan-gov', 'coercion'),
  cand('korea-gov', 'coercion'),
  cand('philippines', 'coercion'),
  cand('australia-gov', 'coercion'),
  cand('philippines', 'localThreat'),
  cand('australia-gov', 'localThreat'),
];
/** Derived numbers with one end a judgement: the derivation says "(Judgement)" of that end. */
const PARTLY_JUDGED = {
  [cand('korea-gov', 'localThreat')]: 'high',
  [cand('korea-gov', 'publicDependence')]: 'high',
};
/** Alliance ties written without a strength: the default 1, structural, documented by evidence. */
const DEFAULT_TIES = (S.coalition?.allianceTies ?? [])
  .filter((t) => t.strength === undefined)
  .map((t) => `coalition.allianceTies.${t.between.join('-')}.strength`);

describe('the built-in scenario: every derived number recomputed from the indicators it names', () => {
  for (const [label, { expected, tol }] of checks) {
    it(`${label} = ${expected.value.toFixed(4)}${expected.low !== undefined ? ` (${expected.low.toFixed(4)}–${(expected.high ?? NaN).toFixed(4)})` : ''}`, () => {
      const n = byLabel.get(label)!;
      expect(Math.abs(n.value - expected.value), `${label} value ${n.value}`).toBeLessThanOrEqual(
        tol,
      );
      if (expected.low !== undefined)
        expect(
          Math.abs((n.low ?? n.value) - expected.low),
          `${label} low ${n.low}`,
        ).toBeLessThanOrEqual(tol);
      if (expected.high !== undefined)
        expect(
          Math.abs((n.high ?? n.value) - expected.high),
          `${label} high ${n.high}`,
        ).toBeLessThanOrEqual(tol);
      expect(n.derivation, `${label} has a derivation`).toBeTruthy();
      expect(n.derivation!.startsWith('Judgement'), `${label} is derived, not a judgement`).toBe(
        false,
      );
    });
  }

  it('every number is recomputed here, listed as a judgement, or an alliance tie at its default strength', () => {
    const covered = new Set([...checks.keys(), ...JUDGEMENTS, ...DEFAULT_TIES]);
    expect(NUMBERS.map((n) => n.label).filter((l) => !covered.has(l))).toEqual([]);
    expect([...covered].filter((l) => !byLabel.has(l))).toEqual([]);
    expect(JUDGEMENTS.filter((l) => checks.has(l))).toEqual([]);
  });

  it('the judgements, and only they, say "Judgement" at the start of their derivation', () => {
    const saying = NUMBERS.filter((n) => n.derivation?.startsWith('Judgement')).map((n) => n.label);
    expect(saying.sort()).toEqual([...JUDGEMENTS].sort());
    for (const label of Object.keys(PARTLY_JUDGED))
      expect(byLabel.get(label)!.derivation).toContain('(Judgement)');
  });

  it('a point lies strictly inside its range wherever the range is not a single value', () => {
    const atEnd = NUMBERS.filter(
      (n) =>
        n.low !== undefined &&
        n.high !== undefined &&
        n.low < n.high &&
        (n.value <= n.low || n.value >= n.high),
    ).map((n) => `${n.label} = ${n.value} (${n.low}–${n.high})`);
    expect(atEnd).toEqual([]);
  });

  it('numbers resting on an UNVERIFIED row are flagged unverified', () => {
    const unverified = new Set(S.evidence.filter((e) => e.unverified).map((e) => e.id));
    const unflagged = NUMBERS.filter(
      (n) => n.evidence.some((e) => unverified.has(e.id)) && !n.unverified,
    ).map((n) => n.label);
    // A number citing an unverified item without resting on it would be listed here: none does.
    expect(unflagged).toEqual([]);
    for (const e of S.evidence)
      if (e.quote?.endsWith(',UNVERIFIED')) expect(e.unverified, e.id).toBe(true);
  });
});

describe('the built-in scenario: sources, context items and counts', () => {
  it('grades every source, and every VERIFIED row read through a forum, blog, archive or mirror shows grade mirror', () => {
    expect(S.sources.filter((x) => x.grade === undefined).map((x) => x.id)).toEqual([]);
    const grade = new Map(S.sources.map((x) => [x.id, x.grade]));
    const WEAK =
      /defence\.pk|sinodefenceforum|archive\.md|nina\.az|rokdrop|stationhypo|particle\.news|tradingeconomics|realtribune/;
    for (const e of S.evidence) {
      if (e.quote && WEAK.test(e.quote) && e.quote.endsWith(',VERIFIED'))
        expect(grade.get(e.source), `${e.id} (${e.source})`).toBe('mirror');
    }
    for (const e of S.evidence.filter((x) => x.source === 'indicators-unverified'))
      expect(e.unverified, e.id).toBe(true);
    expect(grade.get('indicators-unverified')).toBe('memory');
  });

  it('every evidence item marked context feeds no number, and every other item feeds one', () => {
    const context = listContextEvidence(S, NUMBERS);
    expect(context.filter((e) => e.citedBy.length > 0).map((e) => e.id)).toEqual([]);
    expect(context.filter((e) => !e.marked).map((e) => e.id)).toEqual([]);
    expect(context.length).toBeGreaterThan(0);
  });

  it('the README states the file’s evidence count', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const m = /with (\d+) evidence items/.exec(readme);
    expect(m, 'README: "with N evidence items"').not.toBeNull();
    expect(Number(m![1])).toBe(S.evidence.length);
  });

  it.skipIf(!existsSync(INDICATORS))(
    'every quoted indicator row is the row of data/eastasia/indicators.csv its locator names',
    () => {
      const rows = readFileSync(INDICATORS, 'utf8').split(/\r?\n/);
      for (const e of S.evidence) {
        const m = /^indicators\.csv row (\d+)$/.exec(e.locator ?? '');
        if (m) expect(rows[Number(m[1]) - 1], e.id).toBe(e.quote);
      }
    },
  );
});
