"use client";

import { useState } from "react";

/**
 * A mail's HTML part as a mail client shows it, in a sandboxed frame (no scripts, no same-origin). The frame
 * exists only while it is open: an outbox of fifty mails would otherwise build fifty documents per visit.
 */
export function MailHtml({ title, html }: { title: string; html: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-zinc-600">HTML version</summary>
      {open && (
        <iframe
          title={title}
          sandbox=""
          srcDoc={html}
          className="mt-2 h-96 w-full rounded-lg border border-zinc-200 bg-white"
        />
      )}
    </details>
  );
}
