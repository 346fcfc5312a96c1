import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/cn";

// The console's list pages (customers, the webhook inbox) filter through the URL with one GET form: a
// named search landmark, a `q` text field and a submit button, with any extra filters before the field.

/** A console filter field: the `q` input, and the selects a page puts before it. */
export const filterFieldClasses =
  "h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-sm focus:border-brand-500 focus:outline-none";

type SearchFormProps = {
  /** Names the search landmark ("Find a customer"). */
  label: string;
  /** The text field's accessible name; also shown above it with `showFieldLabel`. */
  fieldLabel: string;
  showFieldLabel?: boolean;
  placeholder: string;
  /** The current `q`. */
  query: string;
  submitLabel: string;
  /** Fields before the text field (labelled selects), submitted with it. */
  children?: ReactNode;
};

export function SearchForm({
  label,
  fieldLabel,
  showFieldLabel = false,
  placeholder,
  query,
  submitLabel,
  children,
}: SearchFormProps) {
  const field = (
    <input
      name="q"
      defaultValue={query}
      placeholder={placeholder}
      aria-label={showFieldLabel ? undefined : fieldLabel}
      className={cn(filterFieldClasses, !showFieldLabel && "flex-1")}
    />
  );
  return (
    <form method="get" role="search" aria-label={label} className="flex flex-wrap items-end gap-3">
      {children}
      {showFieldLabel ? (
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm font-medium text-zinc-800">
          {fieldLabel}
          {field}
        </label>
      ) : (
        field
      )}
      <button type="submit" className={buttonClasses("primary")}>
        {submitLabel}
      </button>
    </form>
  );
}
