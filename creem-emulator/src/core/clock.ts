import type { BillingPeriod } from "../state/types";

const DAY_MS = 24 * 60 * 60 * 1000;

export const nowIso = (): string => new Date().toISOString();

export const iso = (ms: number): string => new Date(ms).toISOString();

export const addDays = (ms: number, days: number): number => ms + days * DAY_MS;

function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

/** Months in one billing period; `custom` periods are modelled as monthly. */
export function periodMonths(period: BillingPeriod): number {
  switch (period) {
    case "every-three-months":
      return 3;
    case "every-six-months":
      return 6;
    case "every-year":
      return 12;
    case "every-day":
    case "once":
      return 0;
    default:
      return 1;
  }
}

/** The end of a billing period starting at `ms` (calendar months, clamped to the month's last day). */
export function addPeriod(ms: number, period: BillingPeriod): number {
  if (period === "every-day") return addDays(ms, 1);
  const months = periodMonths(period);
  return months === 0 ? ms : addMonths(ms, months);
}

export { addMonths };
