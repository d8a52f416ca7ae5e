import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The reports page's chunk carries ECharts (about 540 kB); only that page loads it.
  build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 600 },
  // `vite` in web/ during development talks to an API started by `npm start`.
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
