import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to static files that both hosts load: Electron from disk (hence relative URLs),
// browser mode from the loopback server. No inline script or style, so the page keeps its strict CSP.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
