import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  // Static files copied as they are (src/web/public holds the public pages' code, not assets).
  publicDir: 'static',
  plugins: [react()],
  // The manifest lets the server preload the chunks of the page it answers (see directory/server-pages.ts).
  build: {
    outDir: process.env.PASSERELLE_WEB_DIST ? path.resolve(process.env.PASSERELLE_WEB_DIST) : '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, changeOrigin: false } },
  },
});
