import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The engine serves the built app (Quinoa) and the API on one origin; in `npm run dev`
// the API calls are proxied to an engine started with `./prm up`.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': process.env.PRM_ENGINE_URL ?? 'http://localhost:8080' },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks: {
          react: ['react', 'react-dom', 'react-dom/client', 'react-router-dom'],
          mantine: ['@mantine/core', '@mantine/hooks', '@mantine/dates', '@mantine/notifications', '@mantine/spotlight', '@mantine/modals'],
          data: ['@tanstack/react-query', '@tanstack/react-table', 'react-hook-form', 'dayjs'],
        },
      },
    },
  },
  test: {
    // The design system's component tests declare `@vitest-environment jsdom` per file.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['packages/ui/src/testing/setup.ts'],
  },
});
