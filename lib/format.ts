// Display formatting shared by pages. Amounts are minor units (cents), as CREEM sends them.

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: amount % 100 === 0 ? 0 : 2,
  }).format(amount / 100);
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function formatDate(date: Date | null | undefined): string {
  return date ? dateFormat.format(date) : "—";
}

export function intervalLabel(interval: "month" | "year" | "once"): string {
  return interval === "month" ? "/month" : interval === "year" ? "/year" : "one-time";
}
