"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";

type Props = { value: string; masked: string; productName: string };

/**
 * A masked license key with "Show" (reveals it) and a button that copies the full key; shows it for
 * manual copying if that fails.
 */
export function LicenseKeyCopy({ value, masked, productName }: Props) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const [revealed, setRevealed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  async function copy() {
    clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      setState("copied");
      timer.current = setTimeout(() => setState("idle"), 2_000);
    } catch {
      setState("failed");
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded-md bg-zinc-100 px-2 py-1 font-mono text-xs tracking-wide break-all text-zinc-800">
          {state === "failed" || revealed ? value : masked}
        </code>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={() => setRevealed((shown) => !shown)}
          aria-pressed={revealed}
          aria-label={`${revealed ? "Hide" : "Show"} ${productName} license key`}
        >
          {revealed ? "Hide" : "Show"}
        </Button>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={copy}
          aria-label={`Copy ${productName} license key`}
        >
          {state === "copied" ? "Copied" : "Copy key"}
        </Button>
        <span role="status" className="sr-only">
          {state === "copied" ? "License key copied to the clipboard." : ""}
        </span>
      </div>
      {state === "failed" && (
        <p role="alert" className="text-xs text-amber-800">
          Copying is not available here. Select the key above and copy it by hand.
        </p>
      )}
    </div>
  );
}
