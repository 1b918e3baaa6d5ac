import { defineConfig } from '@playwright/test';

/**
 * e2e on the system Chromium with WebGPU on SwiftShader (see web.md §0). SwiftShader is CPU-bound:
 * one worker and generous timeouts. The redraw benchmark (@bench) only runs with LUCID_BENCH=1:
 *   LUCID_BENCH=1 npx playwright test --project bench
 */
const WEBGPU_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu-sandbox', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-angle=swiftshader',
];

const PORT = Number(process.env.LUCID_E2E_PORT ?? 4173);
const bench = process.env.LUCID_BENCH === '1';

export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.spec\.ts$/,
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: WEBGPU_ARGS,
    },
  },
  projects: [
    { name: 'chromium-swiftshader', use: { browserName: 'chromium' }, grepInvert: /@bench/ },
    ...(bench ? [{ name: 'bench', use: { browserName: 'chromium' as const }, grep: /@bench/, timeout: 600_000 }] : []),
  ],
  webServer: {
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
