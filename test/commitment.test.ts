/** `entente commitment` end to end: the CLI (in process) on the test question and on broken files. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommitmentResult } from '../src/coalitions/commitment/commitment-result.ts';
import { ROOT, entente, expectNoStack, fixture } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'entente-commitment-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const text = readFileSync(join(ROOT, fixture('commitment.yaml')), 'utf8');

/** The fixture with one replacement, written to a temporary file; returns its path. */
function broken(name: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  const file = join(dir, name);
  writeFileSync(file, changed);
  return file;
}

describe('entente commitment', () => {
  it('prints each candidate’s level, why, what would flip it and P(commits), the same on 1 and 2 workers', async () => {
    const one = await entente(
      'commitment',
      fixture('commitment.yaml'),
      '--draws',
      '3000',
      '--json',
    );
    expect(one.code, one.err).toBe(0);
    const r = JSON.parse(one.out) as CommitmentResult;
    expect(r.kind).toBe('commitment');
    expect(r.seed).toBe(20251212);
    expect(r.candidates.map((c) => [c.id, c.level])).toEqual([
      ['A', 'fight'],
      ['B', 'neutral'],
      ['C', 'neutral'],
    ]);
    expect(r.monteCarlo!.draws).toBe(3000);
    const two = await entente(
      'commitment',
      fixture('commitment.yaml'),
      '--draws',
      '3000',
      '--json',
      '--workers',
      '2',
    );
    expect(two.code, two.err).toBe(0);
    expect(two.out).toBe(one.out);
    const textOut = await entente('commitment', fixture('commitment.yaml'), '--draws', '500');
    expect(textOut.code).toBe(0);
    expect(textOut.out).toMatch(/A chooses fight over neutral: security/);
    expect(textOut.out).toMatch(/What would flip each choice/);
    expect(textOut.out).toMatch(/if B commits to support/);
  });

  const cases: [string, string | RegExp, string, RegExp][] = [
    [
      'a candidate missing a required term',
      / {8}coercion: \{ value: 0\.7, low: 0\.5, high: 0\.9 \}\n/,
      '',
      /\.yaml:\d+:\d+ coalition\.commitment\.candidates\.B\.coercion: missing: expected a number/,
    ],
    [
      'a scale with fewer than 2 levels',
      / {6}- \{ id: access.*\n {6}- \{ id: support.*\n {6}- \{ id: fight.*\n/,
      '',
      /:\d+:\d+ coalition\.commitment\.levels: a commitment scale needs at least 2 levels/,
    ],
    [
      'a probability outside [0, 1]',
      'credibility: { value: 0.7, low: 0.5, high: 0.85',
      'credibility: { value: 0.7, low: 0.5, high: 1.5',
      /:\d+:\d+ coalition\.commitment\.credibility\.high: probability high 1\.5 is out of range: expected within 0\.\.1/,
    ],
    [
      'a negative exposure',
      'tradeExposure: { value: 0.25, low: 0.2, high: 0.3 }',
      'tradeExposure: { value: -0.25, low: -0.3, high: 0.3 }',
      /:\d+:\d+ coalition\.commitment\.candidates\.B\.tradeExposure\.value: trade share -0\.25 is out of range/,
    ],
    [
      'a ladder that falls',
      '{ id: support, label: Support, contribution: 0.3, exposure: 0.4 }',
      '{ id: support, label: Support, contribution: 0.3, exposure: 0.1 }',
      /:\d+:\d+ coalition\.commitment\.levels\[2\]\.exposure: exposure 0\.1 is below the level before/,
    ],
    [
      'an unknown join level',
      'joinLevel: support',
      'joinLevel: fighting',
      /:\d+:\d+ coalition\.commitment\.joinLevel: unknown level id "fighting"/,
    ],
  ];
  for (const [what, from, to, message] of cases) {
    it(`refuses ${what} with file:line:col path: message, exit 1`, async () => {
      const file = broken(`${what.replace(/\W+/g, '-')}.yaml`, from, to);
      const r = await entente('commitment', file, '--draws', '0');
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expectNoStack(r.err);
    });
  }

  it('says what is missing when the scenario has no commitment block, and refuses unknown flags’ values', async () => {
    const none = await entente('commitment', fixture('good.yaml'));
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no coalition block|no commitment block/);
    const measure = await entente('commitment', fixture('commitment.yaml'), '--measure', 'navy');
    expect(measure.code).toBe(1);
    expect(measure.err).toMatch(/--measure: unknown capability measure "navy".*milex, cinc/);
    const cand = await entente('commitment', fixture('commitment.yaml'), '--if', 'Z');
    expect(cand.code).toBe(1);
    expect(cand.err).toMatch(/--if: "Z" is not a candidate; candidates: A, B, C/);
    for (const r of [none, measure, cand]) expectNoStack(r.err);
  });
});
