import { defineConfig } from 'vitest/config';

const packages = ['shared', 'hardware', 'hub-server', 'kiosk-app', 'counter-app', 'display-app', 'bench'];
const inPackages = (suffix: string): string[] => packages.map((p) => `${p}/**/*${suffix}`);
const exclude = ['**/node_modules/**', '**/dist/**'];

export default defineConfig({
  test: {
    // Builds the hub the tests spawn, and fails the run if a test left a process running.
    globalSetup: ['./scripts/vitest-global-setup.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: inPackages('.test.ts'),
          exclude: [...exclude, '**/*.integration.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: inPackages('.integration.test.ts'),
          exclude,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: inPackages('.e2e.test.ts'),
          exclude,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
