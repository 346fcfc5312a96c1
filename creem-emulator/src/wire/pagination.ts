export interface Page<T> {
  items: T[];
  pagination: {
    total_records: number;
    total_pages: number;
    current_page: number;
    next_page: number | null;
    prev_page: number | null;
  };
}

/** CREEM's list shape: `page_number` counts from 1. */
export function paginate<T>(all: T[], pageNumber: number, pageSize: number): Page<T> {
  const totalPages = Math.ceil(all.length / pageSize);
  const start = (pageNumber - 1) * pageSize;
  return {
    items: all.slice(start, start + pageSize),
    pagination: {
      total_records: all.length,
      total_pages: totalPages,
      current_page: pageNumber,
      next_page: pageNumber < totalPages ? pageNumber + 1 : null,
      prev_page: pageNumber > 1 ? pageNumber - 1 : null,
    },
  };
}
