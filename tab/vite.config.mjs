// Vite builds the tab into dist/tab; the server serves it under /tab/.
import { defaultClientConditions, defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/tab/',
  // @soestainable/shared is a workspace package: its "source" export condition points at the TypeScript sources,
  // which Vite compiles with the tab (its "default" is the bot's CommonJS build).
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: fileURLToPath(new URL('../dist/tab', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // Fluent UI's "use client" directives are meaningless in a client bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
