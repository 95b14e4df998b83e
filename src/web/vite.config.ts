/**
 * Build of the staff workspace: `npx vite build --config src/web/vite.config.ts` writes `dist/web/`, which the
 * server serves under `/staff/` (falling back to `index.html` for client routes).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/staff/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The CSP allows no inline script or style: never inline assets as data: URLs.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // `npx vite --config src/web/vite.config.ts` for development against a local server on :3000.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
