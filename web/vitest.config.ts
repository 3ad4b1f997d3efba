import { defineConfig } from 'vitest/config';

// Unit tests of the shared client pieces and the apps' logic, in Node with jsdom (the browser journeys are the
// Playwright tests in tests/EndToEnd.Tests).
export default defineConfig({
  test: {
    environment: 'jsdom',
    include: ['*/src/**/*.test.{ts,tsx}'],
  },
});
