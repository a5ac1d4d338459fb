/**
 * Vite build of the crewdesk web app: `npm run web:build` writes client/web/dist/, which the server
 * serves at `/`. The app is plain TypeScript (React.createElement, no JSX), so no React plugin is
 * needed; it talks to `/graphql` on the same origin (HTTP and graphql-ws).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    // `npm run web:dev`: the API on :4000 behind Vite's dev server.
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true, changeOrigin: false } },
  },
});
