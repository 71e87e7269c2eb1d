import { defineConfig } from 'vite';

// The web page is static files served by the API at `/` (apps/api/src/configure-app.ts).
// `npm run dev:web` serves it with live reload and forwards the API routes to a running API.
const api = process.env.JIXIAO_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/api': api, '/health': api, '/admin': api } },
});
