/** `POST /api/report` with `variants`: the section follows the ids asked for; an unknown id is a 422. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';

describe('POST /api/report with variants', () => {
  let store: Store;
  let server: Server;
  beforeAll(async () => {
    store = await openSqliteStore(':memory:');
    server = createServer({ store });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });
  const report = (variants: unknown) =>
    server.app.request('/api/report', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        builtin: 'east-asia-coalition-2025',
        format: 'md',
        models: [{ id: 'mean' }],
        ...(variants === undefined ? {} : { variants }),
      }),
    });

  it('an unknown id answers 422 naming the known ones, before any work', async () => {
    const r = await report(['nope']);
    expect(r.status).toBe(422);
    const body = (await r.json()) as { error: { problems: { path: string; message: string }[] } };
    expect(body.error.problems[0]).toMatchObject({ path: 'variants' });
    expect(body.error.problems[0]!.message).toMatch(/unknown variant "nope"; variants: /);
  });

  it('[] gives no section; the ids asked for give theirs, and only theirs', async () => {
    expect(await (await report([])).text()).not.toContain('## Variants');
    const md = await (await report(['usfk-drawdown'])).text();
    expect(md).toContain('## Variants');
    expect(md).toContain('**USFK drawdown** (usfk-drawdown)');
    expect(md).not.toContain('**US credibility shock**');
  }, 60_000);
});
