"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const EVERY_MS = 2_000;
const GIVE_UP_AFTER_MS = 60_000;

/**
 * Re-renders the page every 2 s (the server checks CREEM and the stored webhook state again) until it
 * stops being pending, for up to a minute; then offers to keep checking.
 */
export function RefreshWhilePending() {
  const router = useRouter();
  const [round, setRound] = useState(0);
  const [gaveUp, setGaveUp] = useState(false);

  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(() => {
      if (Date.now() - started < GIVE_UP_AFTER_MS) return router.refresh();
      window.clearInterval(timer);
      setGaveUp(true);
    }, EVERY_MS);
    return () => window.clearInterval(timer);
  }, [router, round]);

  if (!gaveUp) {
    return <p className="text-sm text-zinc-500">This page updates by itself.</p>;
  }
  return (
    <div className="flex flex-col gap-4">
      <Alert tone="warning" title="This is taking longer than usual">
        Your payment is safe. Your plan is activated as soon as CREEM confirms it, usually within a few
        minutes; you can close this page and check your dashboard later.
      </Alert>
      <Button
        variant="outline"
        onClick={() => {
          setGaveUp(false);
          setRound((n) => n + 1);
        }}
      >
        Check again
      </Button>
    </div>
  );
}

/** Asks the server again, e.g. after CREEM could not be reached. */
export function RefreshButton({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  return (
    <Button variant="outline" onClick={() => router.refresh()}>
      {children}
    </Button>
  );
}
