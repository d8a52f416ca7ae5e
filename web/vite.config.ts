import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: false },
  // `vite` in web/ during development talks to an API started by `npm start`.
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
