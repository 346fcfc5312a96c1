import { TabNav, type TabNavItem } from "@/components/ui/tab-nav";

// The console's tabs, each current on its list and the detail pages below it; the webhook tab carries
// the number of events not applied (failed or invalid).
const links: TabNavItem[] = [
  { href: "/admin/webhooks", label: "Webhooks", match: "prefix" },
  { href: "/admin/customers", label: "Customers", match: "prefix" },
  { href: "/admin/revenue", label: "Revenue", match: "prefix" },
  { href: "/admin/discounts", label: "Discounts", match: "prefix" },
  { href: "/admin/products", label: "Products", match: "prefix" },
  { href: "/admin/jobs", label: "Jobs", match: "prefix" },
];

export function AdminNav({ failed }: { failed: number }) {
  const items = links.map((link) =>
    link.href === "/admin/webhooks" && failed > 0
      ? {
          ...link,
          badge: (
            <span
              className="rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white"
              aria-label={`${failed} not applied`}
              data-testid="failed-count"
            >
              {failed}
            </span>
          ),
        }
      : link,
  );
  return <TabNav label="Console" items={items} />;
}
