/**
 * Reads `read` every 200 ms until `done` holds or `timeoutMs` has passed, and returns the last value read:
 * the test's own assertion on it then says what was expected (a background worker's effect, say).
 */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 25_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
