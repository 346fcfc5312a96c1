import { describe, expect, it } from "vitest";
import {
  ROLES,
  assignableRoles,
  can,
  canManageMember,
  deniedMessage,
  isRole,
  type Permission,
  type Role,
} from "@/lib/workspaces/roles";

// The role/permission matrix written out in full: a change to lib/workspaces/roles.ts changes this table.
const MATRIX: Record<Permission, Record<Role, boolean>> = {
  "product.use": { owner: true, admin: true, member: true },
  "members.view": { owner: true, admin: true, member: true },
  "members.invite": { owner: true, admin: true, member: false },
  "members.remove": { owner: true, admin: true, member: false },
  "members.change_role": { owner: true, admin: true, member: false },
  "billing.view": { owner: true, admin: true, member: false },
  "billing.manage": { owner: true, admin: true, member: false },
  "activity.view": { owner: true, admin: true, member: false },
  "workspace.rename": { owner: true, admin: true, member: false },
  "workspace.transfer_ownership": { owner: true, admin: false, member: false },
  "workspace.delete": { owner: true, admin: false, member: false },
};

describe("workspace roles", () => {
  for (const [permission, row] of Object.entries(MATRIX) as [Permission, Record<Role, boolean>][]) {
    for (const role of ROLES) {
      it(`${role} ${row[role] ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(row[role]);
      });
    }
  }

  it("says who may do what when refusing", () => {
    expect(deniedMessage("billing.manage")).toBe("Only an owner or admin of this workspace can do that.");
    expect(deniedMessage("workspace.transfer_ownership")).toBe(
      "Only an owner of this workspace can do that.",
    );
  });

  it("lets owners give any role, admins only member, members none", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "admin", "member"]);
    expect(assignableRoles("admin")).toEqual(["member"]);
    expect(assignableRoles("member")).toEqual([]);
  });

  it("lets owners manage everyone and admins only members", () => {
    const table = ROLES.flatMap((actor) =>
      ROLES.map((target) => [actor, target, canManageMember(actor, target)]),
    );
    expect(table).toEqual([
      ["owner", "owner", true],
      ["owner", "admin", true],
      ["owner", "member", true],
      ["admin", "owner", false],
      ["admin", "admin", false],
      ["admin", "member", true],
      ["member", "owner", false],
      ["member", "admin", false],
      ["member", "member", false],
    ]);
  });

  it("recognises only the three roles", () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole("superuser")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
