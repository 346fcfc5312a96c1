import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchForm } from "@/components/admin/search-form";

// The console's search form (customers, webhook inbox): a GET search landmark whose `q` field keeps the
// accessible name the e2e tests fill it by, hidden (aria-label) or shown (a wrapping label).

/** The attributes of the first `<tag ...>` in `html`. */
function attributes(html: string, tag: string): Record<string, string> {
  const open = new RegExp(`<${tag}\\b([^>]*)>`).exec(html)?.[1] ?? "";
  return Object.fromEntries([...open.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe("SearchForm", () => {
  it("names the landmark and the field without a visible label, and submits q by GET", () => {
    const html = renderToStaticMarkup(
      createElement(SearchForm, {
        label: "Find a customer",
        fieldLabel: "Email or CREEM id",
        placeholder: "ada@example.com",
        query: "ada",
        submitLabel: "Search",
      }),
    );
    expect(attributes(html, "form")).toMatchObject({
      method: "get",
      role: "search",
      "aria-label": "Find a customer",
    });
    expect(attributes(html, "input")).toMatchObject({
      name: "q",
      value: "ada",
      placeholder: "ada@example.com",
      "aria-label": "Email or CREEM id",
    });
    expect(html).not.toContain("<label");
    expect(html).toMatch(/<button type="submit"[^>]*>Search<\/button><\/form>$/);
  });

  it("wraps the field in its visible label, after the page's own filters", () => {
    const html = renderToStaticMarkup(
      createElement(
        SearchForm,
        {
          label: "Filter events",
          fieldLabel: "Event id",
          showFieldLabel: true,
          placeholder: "evt_…",
          query: "",
          submitLabel: "Filter",
        },
        createElement("select", { name: "outcome", "aria-label": "Outcome" }),
      ),
    );
    expect(attributes(html, "form")["aria-label"]).toBe("Filter events");
    expect(html).toMatch(
      /<select name="outcome" aria-label="Outcome"><\/select><label [^>]*>Event id<input [^>]*\/><\/label><button type="submit"[^>]*>Filter<\/button><\/form>$/,
    );
    expect(attributes(html, "input")).toMatchObject({ name: "q", value: "" });
    expect(attributes(html, "input")["aria-label"]).toBeUndefined();
  });
});
