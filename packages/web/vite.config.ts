import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The staff web app. `npm run build:web` writes dist/, which the server serves at `/`.
// In development (`npm run dev -w packages/web`) the API is proxied to a running server.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    manifest: true, // dist/.vite/manifest.json: read by scripts/bundle-size.mjs
    chunkSizeWarningLimit: 600,
    rollupOptions: { input: { main: 'index.html', portal: 'portal.html' } },
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.SABT_API_URL ?? 'http://localhost:8080' },
  },
});
