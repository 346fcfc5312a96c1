/** Drops `undefined` values so optional inputs are omitted from the JSON body (CREEM rejects explicit nulls). */
export function compact(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** Validates an id and encodes it for use as a path segment (an id like "../x" must not change the route). */
export function pathId(value: string, name: string): string {
  return encodeURIComponent(requireId(value, name));
}

export function requireId(value: string, name: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${name} must be a non-empty string`);
  }
  return value;
}

export interface PageParams {
  /** 1-based page number. */
  pageNumber?: number;
  pageSize?: number;
}

export function pageQuery(params: PageParams | undefined): { page_number?: number; page_size?: number } {
  return { page_number: params?.pageNumber, page_size: params?.pageSize };
}
