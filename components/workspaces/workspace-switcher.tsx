"use client";

import { useActionState, useCallback, useEffect, useId, useRef, useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { createWorkspaceAction, switchWorkspaceAction } from "@/app/workspaces/actions";
import { SubmitButton } from "@/components/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import type { ActionState } from "@/lib/actions";
import { cn } from "@/lib/cn";
import type { WorkspaceSummary } from "@/lib/workspaces/current";
import { ROLE_LABELS } from "@/lib/workspaces/roles";

// The header's workspace switcher: which workspace the dashboard, billing and the product act in, a list to
// switch (the choice is a cookie, so it survives reloads) and "Create team workspace". Read from
// /api/workspaces so the header itself stays static.

type Listing = { current: string; workspaces: WorkspaceSummary[] };

export function WorkspaceSwitcher() {
  // undefined while the first answer is awaited; null when there is none to show (signed out, an error).
  const [listing, setListing] = useState<Listing | null>();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [reloads, setReloads] = useState(0);
  const pathname = usePathname();
  const router = useRouter();
  const onCreated = useCallback(() => {
    // The new workspace is the current one now: its dashboard, and the header's list again.
    setCreating(false);
    setReloads((n) => n + 1);
    router.push("/dashboard");
    router.refresh();
  }, [router]);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let active = true;
    fetch("/api/workspaces", { cache: "no-store" })
      .then((res) => (res.ok ? (res.json() as Promise<Listing>) : null))
      .then((body) => active && setListing((before) => body ?? before ?? null))
      .catch(() => active && setListing((before) => before ?? null));
    return () => {
      active = false;
    };
  }, [pathname, reloads]);

  // Closes on a click elsewhere and on Escape, like a menu.
  useEffect(() => {
    if (!open) return;
    const onClick = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onClick);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onClick);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  // Holds the button's place while the list loads, so the header does not shift when it appears.
  if (listing === undefined) {
    return <div aria-hidden="true" className="h-8 w-24 animate-pulse rounded-lg bg-zinc-100 sm:w-32" />;
  }
  if (!listing) return null;
  const current = listing.workspaces.find((w) => w.id === listing.current) ?? listing.workspaces[0];
  if (!current) return null;
  // Back to the same page, now about the chosen workspace.
  const returnTo = pathname;

  return (
    <div ref={root} className="relative">
      <Button
        variant="outline"
        size="sm"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`Workspace: ${current.name}`}
        onClick={() => setOpen((o) => !o)}
        className="max-w-32 sm:max-w-56"
      >
        <span className="truncate">{current.name}</span>
        <span aria-hidden="true" className="text-zinc-400">
          ▾
        </span>
      </Button>
      {open && (
        <div
          id={menuId}
          className="absolute right-0 z-50 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-xl border border-zinc-200 bg-white p-2 shadow-lg"
        >
          <p className="px-2 pt-1 pb-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">
            Workspaces
          </p>
          <ul aria-label="Workspaces" className="flex flex-col gap-1">
            {listing.workspaces.map((w) => (
              <li key={w.id}>
                <SwitchForm
                  workspace={w}
                  current={w.id === current.id}
                  returnTo={returnTo}
                  onSwitch={() => {
                    setListing({ ...listing, current: w.id });
                    setOpen(false);
                  }}
                />
              </li>
            ))}
          </ul>
          <div className="mt-2 border-t border-zinc-100 pt-2">
            <Button
              variant="ghost"
              size="sm"
              className="w-full justify-start"
              onClick={() => {
                setOpen(false);
                setCreating(true);
              }}
            >
              + Create team workspace
            </Button>
          </div>
        </div>
      )}
      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} onCreated={onCreated} />
    </div>
  );
}

function SwitchForm({
  workspace,
  current,
  returnTo,
  onSwitch,
}: {
  workspace: WorkspaceSummary;
  current: boolean;
  returnTo: string;
  onSwitch: () => void;
}) {
  const [state, action] = useActionState<ActionState, FormData>(switchWorkspaceAction, {});
  return (
    <form action={action} onSubmit={onSwitch}>
      <input type="hidden" name="workspaceId" value={workspace.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        aria-current={current ? "true" : undefined}
        className={cn(
          "flex w-full items-center justify-between gap-3 rounded-lg px-2 py-2 text-left text-sm hover:bg-zinc-50",
          current && "bg-brand-50 hover:bg-brand-50",
        )}
      >
        <span className="min-w-0">
          <span className="block truncate font-medium text-zinc-900">{workspace.name}</span>
          <span className="block text-xs text-zinc-500">
            {workspace.personal ? "Personal" : "Team"} · {ROLE_LABELS[workspace.role]}
          </span>
        </span>
        {current && (
          <span aria-hidden="true" className="text-brand-700">
            ✓
          </span>
        )}
      </button>
      {state.error && <p className="px-2 text-xs text-red-700">{state.error}</p>}
    </form>
  );
}

function CreateWorkspaceDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const [state, action] = useActionState<ActionState, FormData>(createWorkspaceAction, {});
  const inputId = useId();
  // Each success is a new state object: created and made current.
  useEffect(() => {
    if (state.success) onCreated();
  }, [state, onCreated]);
  const errorId = useId();
  const error = state.fieldErrors?.name ?? state.error;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create team workspace"
      description="A team workspace has its own plan, billing and members. You will be its owner."
    >
      <form action={action} className="flex flex-col gap-4">
        <div className="flex flex-col gap-2">
          <Label htmlFor={inputId}>Workspace name</Label>
          <Input
            id={inputId}
            name="name"
            required
            maxLength={60}
            autoComplete="organization"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          {error && (
            <p id={errorId} role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <SubmitButton pendingLabel="Creating…">Create workspace</SubmitButton>
        </div>
      </form>
      {state.success && <Alert tone="success">{state.success}</Alert>}
    </Dialog>
  );
}
