import { z } from "zod";

// The account page's input rules, shared by the server actions and their tests. Messages are written for
// the form they appear under.

export const NAME_MAX = 80;
export const IMAGE_URL_MAX = 2048;

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const profileSchema = z.object({
  name: z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .max(NAME_MAX, `Keep your name under ${NAME_MAX} characters.`)
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Your name cannot contain control characters.")
      .nullable(),
  ),
  image: z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .max(IMAGE_URL_MAX, "That image address is too long.")
      .pipe(
        z.url({
          protocol: /^https$/,
          hostname: z.regexes.domain,
          error: "Enter an image address starting with https://, or leave it empty.",
        }),
      )
      .transform((v) => new URL(v).href)
      .nullable(),
  ),
});

export const emailField = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like you@example.com." }));

export const changeEmailSchema = z.object({ email: emailField });

export const deleteAccountSchema = z.object({
  confirmEmail: z.string({ error: "Type your email address to confirm." }).trim().toLowerCase(),
});

/** Up to two letters for the avatar fallback: initials of the name, else the start of the email. */
export function initials(name: string | null | undefined, email: string | null | undefined): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  const [firstWord = "", lastWord = ""] = [words[0], words[words.length - 1]];
  if (words.length >= 2) return (letters(firstWord, 1) + letters(lastWord, 1)).toUpperCase();
  if (words.length === 1) return letters(firstWord, 2).toUpperCase();
  const local = (email ?? "").split("@")[0]?.replace(/[^\p{L}\p{N}]/gu, "") ?? "";
  return local ? letters(local, 2).toUpperCase() : "?";
}

const letters = (word: string, n: number) => [...word].slice(0, n).join("");
