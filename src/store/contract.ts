/**
 * The store contract: one suite every `Store` implementation must pass (SQLite and PostgreSQL),
 * in the manner of Hono's shared router tests. `open` gives a fresh, empty store each call.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type NewVersion, type Store, StoreConflictError } from './store.ts';

function version(scenarioId: string, n: number, extra: Partial<NewVersion> = {}): NewVersion {
  return {
    scenarioId,
    title: `Title ${n}`,
    hash: `sha256:${String(n).padStart(64, '0')}`,
    format: 'yaml',
    source: `id: ${scenarioId}\ntitle: Title ${n}\n`,
    author: 'ana',
    ...extra,
  };
}

export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('saves a new scenario as version 1 with its author and time', async () => {
      const before = Date.now();
      const v = await store.saveVersion(version('s1', 1, { message: 'first draft' }));
      expect(v).toMatchObject({
        scenarioId: 's1',
        version: 1,
        author: 'ana',
        message: 'first draft',
      });
      expect(Date.parse(v.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(await store.getVersion('s1')).toEqual(v);
    });

    it('makes every save a new immutable version; old versions read back unchanged', async () => {
      const v1 = await store.saveVersion(version('s1', 1));
      const v2 = await store.saveVersion(version('s1', 2, { author: 'ben' }));
      expect(v2.version).toBe(2);
      expect(await store.getVersion('s1', 1)).toEqual(v1);
      expect(await store.getVersion('s1')).toEqual(v2);
      expect((await store.listVersions('s1')).map((x) => [x.version, x.author])).toEqual([
        [2, 'ben'],
        [1, 'ana'],
      ]);
      expect(await store.listVersions('s1')).not.toContainEqual(
        expect.objectContaining({ source: expect.anything() as unknown }),
      );
    });

    it('returns undefined for a missing scenario or version and [] for its versions', async () => {
      await store.saveVersion(version('s1', 1));
      expect(await store.getVersion('nope')).toBeUndefined();
      expect(await store.getVersion('s1', 7)).toBeUndefined();
      expect(await store.listVersions('nope')).toEqual([]);
    });

    it('lists scenarios with the latest title and author, most recently saved first', async () => {
      await store.saveVersion(version('a', 1));
      await store.saveVersion(version('b', 1));
      await store.saveVersion(version('a', 2, { author: 'cy' }));
      const list = await store.listScenarios();
      expect(list.map((s) => [s.id, s.latestVersion, s.title, s.author])).toEqual([
        ['a', 2, 'Title 2', 'cy'],
        ['b', 1, 'Title 1', 'ana'],
      ]);
    });

    it('refuses a save based on a stale version (optimistic concurrency) and writes nothing', async () => {
      await store.saveVersion(version('s1', 1));
      await store.saveVersion(version('s1', 2, { expectedVersion: 1 }));
      await expect(store.saveVersion(version('s1', 3, { expectedVersion: 1 }))).rejects.toThrow(
        StoreConflictError,
      );
      await expect(store.saveVersion(version('s1', 3, { expectedVersion: 0 }))).rejects.toThrow(
        /is at version 2, not 0/,
      );
      expect((await store.listVersions('s1')).length).toBe(2);
      expect((await store.saveVersion(version('new', 1, { expectedVersion: 0 }))).version).toBe(1);
    });

    it('loses no write when many saves race: every save gets its own version number', async () => {
      const saves = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.saveVersion(version('race', i + 1))),
      );
      expect(saves.map((s) => s.version).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      const titles = (await store.listVersions('race')).map((v) => v.title).sort();
      expect(titles).toEqual(saves.map((s) => s.title).sort());
    });

    it('rolls a failed save back completely (no half-written version, no bumped counter)', async () => {
      const broken = version('tx', 1, { title: null as unknown as string });
      await expect(store.saveVersion(broken)).rejects.toThrow();
      expect(await store.listScenarios()).toEqual([]);
      await store.saveVersion(version('tx', 1));
      await expect(
        store.saveVersion(version('tx', 2, { source: null as unknown as string })),
      ).rejects.toThrow();
      expect((await store.getVersion('tx'))?.version).toBe(1);
      expect((await store.saveVersion(version('tx', 2))).version).toBe(2);
    });

    it('keeps any text intact: quotes, SQL, markup and non-Latin scripts', async () => {
      const hostile = `'; drop table scenarios; -- <script>alert("x")</script> 대한민국 ✓\n\\0`;
      await store.saveVersion(
        version('t', 1, { title: hostile, source: hostile, author: hostile }),
      );
      const v = await store.getVersion('t');
      expect([v?.title, v?.source, v?.author]).toEqual([hostile, hostile, hostile]);
    });

    it('deletes a scenario with its versions and runs', async () => {
      await store.saveVersion(version('gone', 1));
      await store.saveVersion(version('kept', 1));
      const run = await store.createRun(runFor('gone', 1));
      expect(await store.deleteScenario('gone')).toBe(true);
      expect(await store.deleteScenario('gone')).toBe(false);
      expect(await store.getVersion('gone')).toBeUndefined();
      expect(await store.getRun(run.id)).toBeUndefined();
      expect((await store.listScenarios()).map((s) => s.id)).toEqual(['kept']);
      expect((await store.saveVersion(version('gone', 1))).version).toBe(1);
    });

    it('stores a run with its inputs hash, options, seed, version and results', async () => {
      await store.saveVersion(version('s1', 1));
      const run = await store.createRun(runFor('s1', 1));
      expect(run).toMatchObject({
        scenarioId: 's1',
        version: 1,
        kind: 'forecast',
        status: 'queued',
        progress: 0,
        inputsHash: 'sha256:abc',
        options: { models: [{ id: 'mean', options: {} }], issues: ['x'] },
        seed: 4294967295,
        entente: '0.1.0',
        result: null,
      });
      const running = await store.updateRun(run.id, { status: 'running', progress: 0.25 });
      expect(running).toMatchObject({ status: 'running', progress: 0.25 });
      expect(running?.startedAt).not.toBeNull();
      const result = { issues: [{ id: 'x', forecasts: { mean: 48.125 } }], note: 'ünïcode' };
      const done = await store.updateRun(run.id, { status: 'done', progress: 1, result });
      expect(done).toMatchObject({ status: 'done', progress: 1, result });
      expect(done?.finishedAt).not.toBeNull();
      expect(await store.getRun(run.id)).toEqual(done);
    });

    it('never changes a finished run again (a late write cannot undo a cancel)', async () => {
      const run = await store.createRun({ ...runFor(null, null), status: 'running' });
      await store.updateRun(run.id, { status: 'cancelled' });
      const after = await store.updateRun(run.id, {
        status: 'done',
        progress: 1,
        result: { x: 1 },
      });
      expect(after).toMatchObject({ status: 'cancelled', result: null });
    });

    it('stores runs of inline scenarios (no stored scenario) and a run created already done', async () => {
      const run = await store.createRun({ ...runFor(null, null), status: 'done', result: [1, 2] });
      expect(run).toMatchObject({ scenarioId: null, version: null, status: 'done', progress: 1 });
      expect((await store.getRun(run.id))?.result).toEqual([1, 2]);
      expect(await store.getRun('00000000-0000-0000-0000-000000000000')).toBeUndefined();
      expect(
        await store.updateRun('00000000-0000-0000-0000-000000000000', { progress: 1 }),
      ).toBeUndefined();
    });

    it('keeps a run request apart from the run, and lists unfinished runs oldest first', async () => {
      const request = { kind: 'simulate', scenario: { text: 'id: x\n' }, request: { runs: 500 } };
      const a = await store.createRun({ ...runFor(null, null), request });
      const b = await store.createRun({ ...runFor(null, null), status: 'running' });
      const c = await store.createRun(runFor(null, null));
      await store.updateRun(c.id, { status: 'done', result: 1 });
      expect(await store.getRunRequest(a.id)).toEqual(request);
      expect(await store.getRunRequest(b.id)).toBeNull();
      expect(await store.getRunRequest('00000000-0000-0000-0000-000000000000')).toBeUndefined();
      expect(a).not.toHaveProperty('request');
      expect(await store.getRun(a.id)).not.toHaveProperty('request');
      expect((await store.listUnfinishedRuns()).map((r) => [r.id, r.status])).toEqual([
        [a.id, 'queued'],
        [b.id, 'running'],
      ]);
    });

    it('lists runs newest first, by scenario, without results, up to a limit', async () => {
      await store.saveVersion(version('a', 1));
      await store.saveVersion(version('b', 1));
      const r1 = await store.createRun(runFor('a', 1));
      const r2 = await store.createRun(runFor('b', 1));
      const r3 = await store.createRun(runFor('a', 1));
      expect((await store.listRuns()).map((r) => r.id)).toEqual([r3.id, r2.id, r1.id]);
      expect((await store.listRuns({ scenarioId: 'a' })).map((r) => r.id)).toEqual([r3.id, r1.id]);
      expect((await store.listRuns({ limit: 1 })).map((r) => r.id)).toEqual([r3.id]);
      expect(await store.listRuns()).not.toContainEqual(
        expect.objectContaining({ result: expect.anything() as unknown }),
      );
    });
  });
}

function runFor(scenarioId: string | null, version: number | null) {
  return {
    scenarioId,
    version,
    kind: 'forecast',
    inputsHash: 'sha256:abc',
    options: { models: [{ id: 'mean', options: {} }], issues: ['x'] },
    seed: 4294967295,
    entente: '0.1.0',
  };
}
