// End-to-end journeys against the release build in Debian's Chromium.
import { defineConfig } from '@playwright/test';

export const APP = 'http://127.0.0.1:4173';
// A second origin standing in for a gemeente's data server.
export const DATA = 'http://127.0.0.1:4174';
// A third: the gemeente's CDN serving the app's files, with CORS as the README prescribes.
export const CDN = 'http://127.0.0.1:4175';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: APP,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage'],
    },
  },
  webServer: [
    {
      // The build at "/" and at a sub-path, plus host pages a gemeente might have.
      command: 'node ../../scripts/serve.mjs --port 4173 /=../../dist /hulp/meldwijzer/=../../dist /host/=hosts /vendor/axe/=../../node_modules/axe-core',
      url: `${APP}/index.html`,
      reuseExistingServer: false,
    },
    {
      command: 'node ../../scripts/serve.mjs --port 4174 --cors /=../../dist/regions',
      url: `${DATA}/voorbeeldstad.json`,
      reuseExistingServer: false,
    },
    {
      command: 'node ../../scripts/serve.mjs --port 4175 --cors /meldwijzer/=../../dist',
      url: `${CDN}/meldwijzer/embed.js`,
      reuseExistingServer: false,
    },
  ],
});
