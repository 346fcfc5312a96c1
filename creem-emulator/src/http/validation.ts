import { z } from "zod";
import { ApiError } from "../core/errors";

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer number",
  boolean: "a boolean value",
  array: "an array",
  object: "an object",
  record: "an object",
};

/** class-validator style messages, as in CREEM's error bodies: "product_id must be a string". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join(".") || "body";
  switch (issue.code) {
    case "invalid_type":
      return `${path} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return `${path} should not be empty`;
      if (issue.origin === "array") return `${path} must contain at least ${issue.minimum} elements`;
      if (issue.origin === "string")
        return `${path} must be longer than or equal to ${issue.minimum} characters`;
      return `${path} must not be less than ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array") return `${path} must contain no more than ${issue.maximum} elements`;
      if (issue.origin === "string")
        return `${path} must be shorter than or equal to ${issue.maximum} characters`;
      return `${path} must not be greater than ${issue.maximum}`;
    case "invalid_format":
      if (issue.format === "email") return `${path} must be an email`;
      if (issue.format === "url") return `${path} must be a URL address`;
      if (issue.format === "datetime") return `${path} must be a valid ISO 8601 date string`;
      return `${path} must match the ${issue.format} format`;
    case "invalid_value":
      return `${path} must be one of the following values: ${issue.values.map(String).join(", ")}`;
    case "custom":
      return issue.message;
    default:
      return `${path} ${issue.message}`;
  }
}

/** Parses `input` or throws a 400 listing every problem. */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError(400, result.error.issues.map(describeIssue));
  return result.data;
}

/** An empty body counts as `{}` (bodiless POSTs such as pause/resume). */
export function parseJson(body: string): unknown {
  if (body.trim() === "") return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new ApiError(400, ["Request body must be valid JSON"]);
  }
}

export const queryObject = (query: URLSearchParams): Record<string, string> => Object.fromEntries(query);

/** An optional positive integer from a query string ("" counts as absent). */
export const queryInt = (max?: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : Number(v)),
    max === undefined ? z.number().int().min(1).optional() : z.number().int().min(1).max(max).optional(),
  );

export const pageQuery = (defaultSize: number) =>
  z.object({ page_number: queryInt(), page_size: queryInt(100) }).transform((q) => ({
    page_number: q.page_number ?? 1,
    page_size: q.page_size ?? defaultSize,
  }));
