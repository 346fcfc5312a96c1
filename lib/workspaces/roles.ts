// What each role in a workspace may do: the one table every page, action and route asks (through
// `can`), so a permission is changed here and nowhere else. Pure, no database: unit-tested as a matrix.
//
// owner  — everything, including billing, roles of anyone, transferring ownership, deleting the workspace.
// admin  — billing and people, but cannot touch owners or make anyone an owner or admin.
// member — uses the product; sees who else is in the workspace; no billing, no activity log.
// A workspace always keeps at least one owner (enforced where memberships change, in one transaction).

export const ROLES = ["owner", "admin", "member"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member" };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export type Permission =
  | "product.use"
  | "members.view"
  | "members.invite"
  | "members.remove"
  | "members.change_role"
  | "billing.view"
  | "billing.manage"
  | "activity.view"
  | "workspace.rename"
  | "workspace.transfer_ownership"
  | "workspace.delete";

const ALL: readonly Role[] = ROLES;
const MANAGERS: readonly Role[] = ["owner", "admin"];
const OWNERS: readonly Role[] = ["owner"];

const ALLOWED: Record<Permission, readonly Role[]> = {
  "product.use": ALL,
  "members.view": ALL,
  "members.invite": MANAGERS,
  "members.remove": MANAGERS,
  "members.change_role": MANAGERS,
  "billing.view": MANAGERS,
  "billing.manage": MANAGERS,
  "activity.view": MANAGERS,
  "workspace.rename": MANAGERS,
  "workspace.transfer_ownership": OWNERS,
  "workspace.delete": OWNERS,
};

/** Whether a member with `role` may do `permission` (before any per-target rule below). */
export function can(role: Role, permission: Permission): boolean {
  return ALLOWED[permission].includes(role);
}

/** What a member is told when their role does not allow an action. */
export function deniedMessage(permission: Permission): string {
  return ALLOWED[permission] === OWNERS
    ? "Only an owner of this workspace can do that."
    : "Only an owner or admin of this workspace can do that.";
}

/** The roles `actor` may give: when inviting, and when changing a member's role. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === "owner") return ["owner", "admin", "member"];
  if (actor === "admin") return ["member"];
  return [];
}

/**
 * Whether `actor` may remove, or change the role of, a member who is now `target`. Owners manage everyone;
 * admins manage members only (not other admins, not owners). Removing yourself is "leave", a separate rule.
 */
export function canManageMember(actor: Role, target: Role): boolean {
  if (actor === "owner") return true;
  if (actor === "admin") return target === "member";
  return false;
}
