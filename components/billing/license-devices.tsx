"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deactivateDeviceAction } from "@/app/dashboard/billing/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { DeviceView } from "@/lib/billing/account/history-view";

type Props = { licenseId: string; devices: DeviceView[]; activations: string };

/** A license's devices (name, activated, last validated), each with "Deactivate" behind a confirm dialog. */
export function LicenseDevices({ licenseId, devices, activations }: Props) {
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string }>();
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm font-medium text-zinc-800">
        Devices <span aria-hidden="true">·</span>{" "}
        <span className="font-normal text-zinc-500">{activations}</span>
      </p>
      {devices.length === 0 ? (
        <p className="text-sm text-zinc-500">No device uses this key yet.</p>
      ) : (
        <ul aria-label="Devices" className="divide-y divide-zinc-100 rounded-lg border border-zinc-200">
          {devices.map((device) => (
            <li
              key={device.id}
              className="flex flex-col gap-2 px-3 py-2.5 sm:flex-row sm:items-center sm:gap-4"
            >
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-zinc-900">{device.name}</p>
                <p className="text-xs text-zinc-500">
                  Activated {device.activated} · Last validated {device.lastValidated}
                </p>
              </div>
              <DeactivateDevice licenseId={licenseId} device={device} onDone={setNotice} />
            </li>
          ))}
        </ul>
      )}
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
    </div>
  );
}

function DeactivateDevice({
  licenseId,
  device,
  onDone,
}: {
  licenseId: string;
  device: DeviceView;
  onDone: (notice: { tone: "success" | "error"; text: string }) => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const [refreshing, startRefresh] = useTransition();

  async function deactivate() {
    setSending(true);
    setError(undefined);
    const form = new FormData();
    form.set("licenseId", licenseId);
    form.set("instanceId", device.id);
    const result = await deactivateDeviceAction({}, form).catch(() => ({
      error: "Something went wrong. Please try again.",
      success: undefined,
    }));
    setSending(false);
    if (result.error) {
      setError(result.error);
      return;
    }
    setOpen(false);
    onDone({ tone: "success", text: result.success ?? "Device deactivated." });
    startRefresh(() => router.refresh());
  }

  return (
    <>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="self-start text-red-700 hover:bg-red-50 sm:self-auto"
        pending={refreshing}
        onClick={() => setOpen(true)}
        aria-label={`Deactivate ${device.name}`}
      >
        Deactivate
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Deactivate “${device.name}”?`}
        description="The app on this device stops working with this key the next time it checks (at the latest when its offline token expires). The activation is freed for another device."
      >
        <div className="flex flex-col gap-4">
          {error && <Alert tone="error">{error}</Alert>}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <Button type="button" variant="outline" disabled={sending} onClick={() => setOpen(false)}>
              Keep device
            </Button>
            <Button type="button" variant="destructive" pending={sending} onClick={() => void deactivate()}>
              Deactivate device
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
