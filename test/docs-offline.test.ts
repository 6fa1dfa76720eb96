/** `/docs/swagger` was blank offline (Swagger UI from a CDN): it now sends you to `/docs`. */
import { describe, expect, it } from 'vitest';
import { createServer } from '../src/server/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';

describe('API docs offline', () => {
  it('/docs/swagger redirects to the self-contained /docs, which loads nothing from elsewhere', async () => {
    const store = await openSqliteStore(':memory:');
    const server = createServer({ store });
    try {
      const r = await server.app.request('/docs/swagger');
      expect(r.status).toBe(301);
      expect(r.headers.get('location')).toBe('/docs');
      const docs = await server.app.request('/docs');
      const html = await docs.text();
      expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
      expect(docs.headers.get('content-security-policy')).not.toMatch(/https:/);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
