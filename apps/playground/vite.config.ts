import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset paths: the built site works from any folder of any static server.
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1' },
});
