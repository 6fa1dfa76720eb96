/**
 * The workbench build: `npm run build:web` → web/dist, served by `entente serve`. The browser
 * runs the SAME model code as the CLI (imported from ../src); the one Node import on that path,
 * `node:crypto` in src/core/hash.ts, is aliased to a small pure-JS SHA-256 (same digests).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  resolve: {
    alias: { 'node:crypto': here('./src/shims/node-crypto.ts') },
  },
  worker: { format: 'es' },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    // Plugin timing notes are noise for users of `entente serve` (which builds on first run).
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8377', '/openapi.json': 'http://127.0.0.1:8377' },
  },
});
