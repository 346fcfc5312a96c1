"use client";

import { ActionForm } from "@/components/account/action-form";
import { changeRoleAction } from "@/app/dashboard/members/actions";
import { ROLE_LABELS, type Role } from "@/lib/workspaces/roles";

/** Changes a member's role to one the actor may give. */
export function RoleForm({
  workspaceId,
  userId,
  name,
  role,
  roles,
}: {
  workspaceId: string;
  userId: string;
  name: string;
  role: Role;
  roles: Role[];
}) {
  return (
    <ActionForm action={changeRoleAction} label="Save role" variant="outline" size="sm" inline>
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="userId" value={userId} />
      <select
        name="role"
        aria-label={`Role of ${name}`}
        defaultValue={role}
        className="h-8 rounded-lg border border-zinc-300 bg-white px-2 text-sm"
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}
