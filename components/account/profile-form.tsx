"use client";

import { useState } from "react";
import { updateProfileAction } from "@/app/dashboard/settings/actions";
import { NAME_MAX } from "@/lib/account/validation";
import { ActionForm, Field } from "./action-form";
import { Avatar } from "./avatar";

/** Name and avatar; the preview follows what is typed, the initials stand in when there is no picture. */
export function ProfileForm({
  name,
  email,
  image,
}: {
  name: string | null;
  email: string;
  image: string | null;
}) {
  const [preview, setPreview] = useState({ name, image });
  const previewImage = preview.image?.startsWith("https://") ? preview.image : null;
  return (
    <ActionForm
      action={updateProfileAction}
      label="Save profile"
      pendingLabel="Saving…"
      renderFields={(errors) => (
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:gap-6">
          <Avatar name={preview.name} email={email} image={previewImage} size="lg" />
          <div className="flex min-w-0 flex-1 flex-col gap-4">
            <Field
              name="name"
              label="Name"
              defaultValue={name ?? ""}
              maxLength={NAME_MAX + 20}
              autoComplete="name"
              placeholder="Ada Lovelace"
              error={errors.name}
              onChange={(e) => setPreview((p) => ({ ...p, name: e.target.value }))}
            />
            <Field
              name="image"
              label="Avatar image URL"
              type="url"
              inputMode="url"
              defaultValue={image ?? ""}
              placeholder="https://…"
              hint="An https:// address of a square picture. Leave empty to show your initials."
              error={errors.image}
              onChange={(e) => setPreview((p) => ({ ...p, image: e.target.value.trim() || null }))}
            />
          </div>
        </div>
      )}
    />
  );
}
