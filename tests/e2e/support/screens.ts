import type { Locator, Page } from "@playwright/test";

// Screenshots are for people reviewing the UI (desktop and phone width), not assertions. `npm run test:e2e`
// on a workstation takes them; CI skips them unless E2E_SCREENSHOTS=1, because on CI's 2 cores a full-page
// screenshot costs Chromium 1-3 s of CPU (measured: 20 full-page shots of a long page ~46 CPU-s more than
// none), which across the suite is about a minute of the run. E2E_SCREENSHOTS=0 turns them off locally.
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS
  ? process.env.E2E_SCREENSHOTS !== "0"
  : !process.env.CI;

/** `target.screenshot(options)` when screenshots are on (see above); otherwise nothing. */
export async function snap(target: Page | Locator, options: { path: string; fullPage?: boolean }) {
  if (!SCREENSHOTS) return;
  await target.screenshot(options);
}
