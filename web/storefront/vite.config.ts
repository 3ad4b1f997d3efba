import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by GoShop Gateway under / (same origin as /graphql); `npm run dev` proxies the API to a running gateway.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: process.env.GOSHOP_GATEWAY_URL ?? 'http://127.0.0.1:8000', ws: true } },
  },
});
