/**
 * Vite build of crewdesk's GraphiQL (the `graphiql` package, Monaco's workers included):
 * `npm run web:build` writes client/graphiql/dist/, which the desk serves at /graphql (the page)
 * and /graphiql/ (its files). Its own folder, because the web app's build empties client/web/dist.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/graphiql/',
  logLevel: 'warn',
  publicDir: false,
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // Monaco and its language workers are large; they load once and are cached.
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      // framer-motion's "use client" directives mean nothing in a plain browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
