// GET /v1/stats/summary: store metrics (counts, revenue, MRR) in one currency, optionally as a series.
import { z } from "zod";
import { statsSummary } from "../billing/stats";
import type { Ctx } from "../context";
import { json, type Router } from "../http/router";
import { queryObject, validate } from "../http/validation";

const epochMs = z.preprocess(
  (v) => (v === undefined || v === "" ? undefined : Number(v)),
  z.number().int().min(0).optional(),
);

/** The official SDK sends `startDate`/`endDate`; the older `creem_io` client snake_case: both are read. */
const summarySchema = z
  .object({
    currency: z.enum(["EUR", "USD"]),
    startDate: epochMs,
    endDate: epochMs,
    start_date: epochMs,
    end_date: epochMs,
    interval: z.enum(["day", "week", "month"]).optional(),
  })
  .transform(({ start_date, end_date, ...q }) => ({
    ...q,
    startDate: q.startDate ?? start_date,
    endDate: q.endDate ?? end_date,
  }))
  .refine((q) => !q.interval || (q.startDate !== undefined && q.endDate !== undefined), {
    message: "startDate and endDate are required when interval is given",
  })
  .refine((q) => q.startDate === undefined || q.endDate === undefined || q.startDate <= q.endDate, {
    message: "startDate must not be after endDate",
  });

export function registerStatsRoutes(router: Router, ctx: Ctx): void {
  router.add("GET", "/v1/stats/summary", "api", (req) => {
    const q = validate(summarySchema, queryObject(req.query));
    return json(
      statsSummary(ctx.store, {
        currency: q.currency,
        ...(q.startDate === undefined ? {} : { startDate: q.startDate }),
        ...(q.endDate === undefined ? {} : { endDate: q.endDate }),
        ...(q.interval === undefined ? {} : { interval: q.interval }),
      }),
    );
  });
}
