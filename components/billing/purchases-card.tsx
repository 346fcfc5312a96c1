import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "@/components/ui/table";
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
    <Table aria-label="License keys">
      <TableHead>
        <TableRow>
          <Th>License key</Th>
          <Th>Status</Th>
          <Th className="hidden sm:table-cell">Activations</Th>
          <Th className="hidden sm:table-cell">Expires</Th>
        </TableRow>
      </TableHead>
      <TableBody>
        {licenseKeys.map((k) => (
          <TableRow key={k.id}>
            <Td>
              <p className="mb-1.5 text-xs font-medium text-zinc-500">{k.productName}</p>
              {k.key ? (
                <LicenseKeyCopy value={k.key} masked={k.maskedKey} productName={k.productName} />
              ) : (
                <p className="font-mono text-sm text-zinc-400 line-through" aria-label="Revoked license key">
                  {k.maskedKey}
                </p>
              )}
              <p className="mt-1.5 text-xs text-zinc-500 sm:hidden">
                Activations: {k.activations} · Expires: {k.expires}
              </p>
            </Td>
            <Td>
              <Badge tone={k.statusTone}>{k.statusLabel}</Badge>
              {k.asOf && <p className="mt-1 text-xs text-zinc-500">as of {k.asOf}</p>}
            </Td>
            <Td className="hidden whitespace-nowrap tabular-nums sm:table-cell">{k.activations}</Td>
            <Td className="hidden whitespace-nowrap sm:table-cell">{k.expires}</Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
