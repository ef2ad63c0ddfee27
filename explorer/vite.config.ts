import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * The explorer and the offline GraphiQL page, built into dist/ (git-ignored) and served by the
 * API under /explorer/. Both pages share one asset folder, so /graphql can serve graphiql.html.
 */
export default defineConfig({
  root: here('.'),
  base: '/explorer/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL carries the Monaco editor (several MB); it loads only on the GraphiQL page.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      input: { explorer: here('index.html'), graphiql: here('graphiql.html') },
      onLog(level, log, report) {
        // React libraries mark modules "use client"; that means nothing in a plain bundle.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        report(level, log);
      },
    },
  },
  worker: { format: 'es' },
});
