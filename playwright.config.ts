import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL } from "./scripts/lib/e2e-env";

// Debian's Chromium when present (Playwright's own browser download is not possible offline).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // One retry in CI shows whether a failure is flaky or steady, but a test that passes only on its retry still
  // fails the run: flakiness is a bug to fix, not to count as a pass.
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: true,
  reporter: [
    ["list"],
    ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["json"] as ["json"]] : []),
    ...(process.env.CI ? [] : [["html", { open: "never" }] as ["html", { open: "never" }]]),
  ],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E_BASE_URL,
    // Traces only for the retry of a failed test: recording every test costs CI time on 2 cores.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Chromium 15x builds the address bar's WebUI popups (chrome://omnibox-popup.top-chrome) for every
        // window, headless too; nobody types in an address bar here. Measured on billing.spec.ts: Chromium's
        // CPU 115 s -> 66 s, the browser process 53 s -> 23 s.
        "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
