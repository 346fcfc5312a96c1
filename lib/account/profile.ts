import "server-only";
import { db } from "@/lib/db";

// The profile part of the account page: a display name and an avatar image (https only; the initials
// of the name or email are shown when there is none).

export async function updateProfile(userId: string, input: { name: string | null; image: string | null }) {
  await db.user.update({ where: { id: userId }, data: { name: input.name, image: input.image } });
}
