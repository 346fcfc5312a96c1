// After a billing action, CREEM confirms the change with a webhook (and the action also pulls the new state).
// The page polls the stored state until it differs from what the user saw when they submitted.

export type WaitOutcome = "changed" | "timeout" | "signed_out";

const POLL_INTERVAL_MS = 1_000;
export const WAIT_TIMEOUT_MS = 20_000;

type StatusResponse = { subscriptions: Array<{ id: string; status: string; stateAt: string }> };

export async function waitForSubscriptionChange(
  subscriptionId: string,
  seenStateAt: string,
  timeoutMs = WAIT_TIMEOUT_MS,
): Promise<WaitOutcome> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch("/api/billing/status", { cache: "no-store" });
      if (response.status === 401) return "signed_out";
      if (response.ok) {
        const body = (await response.json()) as StatusResponse;
        const current = body.subscriptions.find((s) => s.id === subscriptionId);
        if (!current || current.stateAt !== seenStateAt) return "changed";
      }
    } catch {
      // A dropped request is retried on the next tick; only the deadline ends the wait.
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  return "timeout";
}
