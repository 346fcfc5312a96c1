import { z } from "zod";

/** A documented value, or any string CREEM adds later: new statuses must never break parsing. */
export type Lenient<Known extends string> = Known | (string & {});

export function lenientEnum<const Known extends readonly string[]>(
  _known: Known,
): z.ZodType<Lenient<Known[number]>, string> {
  return z.string() as unknown as z.ZodType<Lenient<Known[number]>, string>;
}

export const ENVIRONMENT_MODES = ["test", "prod", "sandbox"] as const;
export type EnvironmentMode = Lenient<(typeof ENVIRONMENT_MODES)[number]>;

type SnakeToCamel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<SnakeToCamel<Tail>>}`
  : S;

export type CamelKeys<T> = { [K in keyof T as K extends string ? SnakeToCamel<K> : K]: T[K] };

/** Renames the top-level keys only: nested values (e.g. merchant `metadata`) keep their keys. */
export function camelKeys<T extends object>(value: T): CamelKeys<T> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key.replace(/_([a-z0-9])/g, (_match, c: string) => c.toUpperCase())] = v;
  }
  return out as CamelKeys<T>;
}

/** A wire (snake_case) object: unknown keys are dropped, known keys come out camelCase. */
export function wireObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).transform(camelKeys);
}

/** Optional on the wire; a `null` is tolerated and becomes `undefined`. */
export function optional<T extends z.ZodType>(schema: T) {
  return schema
    .nullish()
    .transform((v): NonNullable<z.output<T>> | undefined => v ?? undefined)
    .optional();
}

/** Documented as nullable: `null` is meaningful (e.g. "unlimited", "not canceled") and is kept. */
export function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullish();
}

export const id = z.string().min(1);

function toDate(value: string | number): Date | undefined {
  const input = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  const date = new Date(input);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const rawTimestamp = z.union([z.string(), z.number()]);

/**
 * ISO-8601 string or epoch milliseconds (the reference says which field uses which; both are accepted
 * because the docs' samples and the SDK disagree in places). Unparseable values become `undefined`.
 */
export const timestamp = rawTimestamp
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : toDate(v)))
  .optional();

/** Like `timestamp`, but a documented `null` (e.g. `canceled_at`, `expires_at`) is kept. */
export const nullableTimestamp = rawTimestamp
  .nullish()
  .transform((v) => (v === null ? null : v === undefined ? undefined : toDate(v)))
  .optional();

export const metadata = z.record(z.string(), z.unknown()).nullish();

/** A field documented as an id; an expanded object is reduced to its id. */
export const idRef = optional(
  z
    .union([z.string(), z.looseObject({ id: z.string() })])
    .transform((v) => (typeof v === "string" ? v : v.id)),
);

/** A field that is either an expanded entity or its id. */
export function ref<T extends z.ZodType>(entity: T) {
  return optional(z.union([z.string(), entity]));
}

/** The id of a field that may be an expanded entity or an id. */
export function idOf(value: string | { id: string } | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === "string" ? value : value.id;
}

export const paginationSchema = wireObject({
  total_records: optional(z.number()),
  total_pages: optional(z.number()),
  current_page: optional(z.number()),
  next_page: optional(z.number()),
  prev_page: optional(z.number()),
});
export type Pagination = z.output<typeof paginationSchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return wireObject({ items: z.array(item), pagination: optional(paginationSchema) });
}

export interface Page<T> {
  items: T[];
  pagination?: Pagination | undefined;
}

/** A short, value-free description of why a payload failed validation (safe to log). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}
