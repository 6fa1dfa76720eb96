/**
 * End-to-end: `entente levers` on scenarios that mark actionable inputs (docs/scenario-format.md,
 * "Levers"): only marked inputs are proposed, within their evidence ranges unless --beyond-range,
 * each naming who would have to act; bad markings are input errors at file:line:col.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entente, expectNoStack, fixture } from './support/cli.ts';
import { inProcess } from './support/in-process.ts';

const BARGAINING = fixture('levers-actionable.yaml');
const COMMITMENT = fixture('levers-commitment.yaml');

describe('entente levers with actionable inputs', () => {
  it('proposes only the marked input, within its range, naming who acts and how', async () => {
    const r = await inProcess('levers', BARGAINING, '--target', 'x>=54', '--model', 'mean');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Searched 1 actionable inputs over their evidence ranges');
    const row = r.out.split('\n').find((l) => /^\s+1\s+c\.x\.salience/.test(l));
    expect(row).toMatch(/c\.x\.salience\s+b\s+50\.0\s+66\.7\s+\+16\.7\s+42%\s+54\.0/);
    expect(r.out).toContain('1. b: B makes the issue a test of the alliance');
    expect(r.out).not.toMatch(/^\s+\d+\s+a\./m);
  });

  it('says when nothing within the ranges does it, and --beyond-range goes outside them', async () => {
    const inside = await inProcess('levers', BARGAINING, '--target', 'x>=54.5', '--model', 'mean');
    expect(inside.code).toBe(0);
    expect(inside.out).toContain('No single input, moved anywhere within its stated range');
    expect(inside.out).toContain('--beyond-range');
    const beyond = await inProcess(
      'levers',
      BARGAINING,
      '--target',
      'x>=54.5',
      '--model',
      'mean',
      '--beyond-range',
      '--json',
    );
    expect(beyond.code).toBe(0);
    const json = JSON.parse(beyond.out) as {
      within: string;
      actionable: boolean;
      singles: { input: string; to: number; by: string[]; withinRange: boolean }[];
    };
    expect(json).toMatchObject({ within: 'scale', actionable: true });
    expect(json.singles.map((l) => l.input)).toEqual(['c.x.salience']);
    expect(json.singles[0]).toMatchObject({ by: ['b'], withinRange: false });
    expect(json.singles[0]!.to).toBeGreaterThan(70);
  });

  it('refuses --beyond-range with --within range', async () => {
    const r = await inProcess(
      'levers',
      BARGAINING,
      '--target',
      'x>=54',
      '--beyond-range',
      '--within',
      'range',
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^--beyond-range: /);
  });

  it('searches the commitment model’s marked terms for a P(commit) target, naming the actor', async () => {
    const r = await inProcess('levers', COMMITMENT, '--target', 'commit:A<0.5', '--draws', '0');
    expect(r.code).toBe(0);
    expect(r.out).toContain('P(A commits) under the commitment model');
    expect(r.out).toMatch(/^\s+1\s+A\.localThreat\s+A\s+0\.100\s+0\.13\d/m);
    expect(r.out).not.toMatch(/^\s+\d+\s+credibility/m);
    const wrong = await inProcess(
      'levers',
      COMMITMENT,
      '--target',
      'q>=50',
      '--model',
      'commitment',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^--target: the commitment model's targets are commit:CANDIDATE/);
  });

  it('a variant that removes the actor who acts drops its markings (and says so by falling back)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-levers-'));
    const overlay = join(dir, 'overlay.yaml');
    writeFileSync(overlay, 'changes:\n  - remove: actors.b\n');
    const r = await inProcess(
      'levers',
      BARGAINING,
      '--target',
      'x>=40',
      '--model',
      'mean',
      '--overlay',
      overlay,
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { actionable: boolean; notes: string[] };
    expect(json.actionable).toBe(false);
    expect(json.notes[0]).toMatch(/marks no input actionable/);
  });

  it('rejects bad markings at file:line:col with exit 1 and no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-levers-'));
    const file = join(dir, 'bad.yaml');
    const text = readFileSync(BARGAINING, 'utf8').replace('by: [b]', 'by: [b, atlantis]');
    writeFileSync(
      file,
      `${text}  - { path: coalition.commitment.credibility, how: nothing to move }\n`,
    );
    const r = await entente('levers', file, '--target', 'x>=54', '--model', 'mean');
    expect(r.code).toBe(1);
    expectNoStack(r.err);
    const lines = text.split('\n');
    const byLine = lines.findIndex((l) => l.includes('by: [b, atlantis]')) + 1;
    expect(r.err).toContain(
      `${file}:${byLine}:13 levers[0].by[1]: unknown actor id "atlantis"; known actor ids: a, b, c`,
    );
    expect(r.err).toContain(
      `${file}:${lines.length}:13 levers[1].path: "coalition.commitment.credibility" names no input a lever can move`,
    );
  });
});
