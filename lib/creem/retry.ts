/** Longest wait this client accepts before a retry; a longer `Retry-After` fails the call instead. */
export const MAX_RETRY_DELAY_MS = 10_000;

/** Exponential backoff with "equal jitter": half the window is fixed, half random, so delays never collapse to 0. */
export function backoffDelay(
  attempt: number,
  baseDelayMs: number,
  random: () => number = Math.random,
): number {
  const window = Math.min(MAX_RETRY_DELAY_MS, baseDelayMs * 2 ** attempt);
  return Math.round(window / 2 + random() * (window / 2));
}

/** `Retry-After` as delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
