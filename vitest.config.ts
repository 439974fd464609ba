import { defineConfig } from 'vitest/config';

// Tests live beside the code (src/**), plus shared suites in test/ and browser journeys in e2e/.
// TEST_DB=sqlite (default) or postgres picks the dialect of every database the tests create.
export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'test/**/*.test.{ts,tsx}',
      'e2e/**/*.test.ts',
      'migrations/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000, // browser journeys on a busy two-core machine
    hookTimeout: 60_000,
    env: { TZ: 'America/New_York' },
  },
});
