import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@/components/ui/table";
import { LicenseDevices } from "./license-devices";
import type { LicenseKeyView, PurchaseView } from "@/lib/billing/account/history-view";
import { LicenseKeyCopy } from "./license-key-copy";

type Props = { purchases: PurchaseView[]; licenseKeys: LicenseKeyView[] };

export function PurchasesCard({ purchases, licenseKeys }: Props) {
  return (
    <Card id="purchases" className="scroll-mt-24">
      <CardHeader>
        <CardTitle>One-time purchases and license keys</CardTitle>
        <CardDescription>Keys for self-hosting come with the Lifetime plan.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {purchases.length === 0 && licenseKeys.length === 0 ? (
          <p className="text-sm text-zinc-600">
            No one-time purchases yet.{" "}
            <Link href="/pricing" className="text-brand-700 font-medium underline-offset-2 hover:underline">
              Compare plans
            </Link>{" "}
            to see what Lifetime includes.
          </p>
        ) : (
          <>
            {purchases.length > 0 && <PurchasesTable purchases={purchases} />}
            {licenseKeys.length > 0 && <LicenseKeysTable licenseKeys={licenseKeys} />}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function PurchasesTable({ purchases }: { purchases: PurchaseView[] }) {
  return (
    <Table aria-label="One-time purchases">
      <TableHead>
        <TableRow>
          <Th>Product</Th>
          <Th className="hidden sm:table-cell">Date</Th>
          <Th className="text-right">Amount</Th>
          <Th>Status</Th>
        </TableRow>
      </TableHead>
      <TableBody>
        {purchases.map((p) => (
          <TableRow key={p.id}>
            <Td className="font-medium">
              {p.productName}
              <span className="block text-xs font-normal text-zinc-500 sm:hidden">{p.date}</span>
            </Td>
            <Td className="hidden whitespace-nowrap sm:table-cell">{p.date}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{p.amount}</Td>
            <Td>
              <Badge tone={p.statusTone}>{p.statusLabel}</Badge>
            </Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function LicenseKeysTable({ licenseKeys }: { licenseKeys: LicenseKeyView[] }) {
  return (
    <ul aria-label="License keys" className="flex flex-col gap-4">
      {licenseKeys.map((k) => (
        <li key={k.id} className="flex flex-col gap-4 rounded-xl border border-zinc-200 p-4">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0">
              <p className="mb-1.5 text-xs font-medium text-zinc-500">{k.productName} license key</p>
              {k.key ? (
                <LicenseKeyCopy value={k.key} masked={k.maskedKey} productName={k.productName} />
              ) : (
                <p className="font-mono text-sm text-zinc-400 line-through" aria-label="Revoked license key">
                  {k.maskedKey}
                </p>
              )}
            </div>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 sm:flex-col sm:items-end">
              <Badge tone={k.statusTone}>{k.statusLabel}</Badge>
              {k.asOf && <p className="text-xs text-zinc-500">as of {k.asOf}</p>}
              <p className="text-xs text-zinc-500">Expires: {k.expires}</p>
            </div>
          </div>
          {k.revoked ? (
            <p className="text-sm text-zinc-600">
              This key was revoked because its purchase was refunded or disputed. Apps using it stop working
              the next time they check.
            </p>
          ) : (
            <LicenseDevices licenseId={k.id} devices={k.devices} activations={k.activations} />
          )}
        </li>
      ))}
    </ul>
  );
}
