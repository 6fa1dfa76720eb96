import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 60_000,
    // Child processes (not threads): the end-to-end tests run the CLI's `main` in process, and
    // it may change the working directory (test/support/cli.ts).
    pool: 'forks',
    // One worker per core (vitest's default leaves one core free: one worker on 2 cores). Many
    // files spend much of their time waiting on child processes, Chromium, Redis or sockets.
    maxWorkers: 2,
    // Test files share each worker's module cache instead of loading every module again per
    // file (most of the suite's time was imports). Nothing the tests change survives a file:
    // the CLI's `main` restores the exit code, its output sinks and the overlay; the helpers
    // restore the environment and working directory.
    isolate: false,
  },
});
