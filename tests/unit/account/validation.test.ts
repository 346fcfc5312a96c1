import { describe, expect, it } from "vitest";
import {
  changeEmailSchema,
  deleteAccountSchema,
  initials,
  NAME_MAX,
  profileSchema,
} from "@/lib/account/validation";

describe("profileSchema", () => {
  it("accepts a name and an https image, normalised", () => {
    expect(
      profileSchema.parse({ name: "  Ada Lovelace ", image: " https://cdn.example.com/a.png " }),
    ).toEqual({
      name: "Ada Lovelace",
      image: "https://cdn.example.com/a.png",
    });
  });

  it("turns empty fields into null (initials are shown)", () => {
    expect(profileSchema.parse({ name: "   ", image: "" })).toEqual({ name: null, image: null });
  });

  it.each([
    ["http://example.com/a.png"],
    ["javascript:alert(1)"],
    ["data:image/png;base64,AAAA"],
    ["https://localhost/a.png"],
    ["https://10.0.0.1/a.png"],
    ["not a url"],
    [`https://example.com/${"a".repeat(2100)}`],
  ])("refuses the image address %s with a message for the form", (image) => {
    const result = profileSchema.safeParse({ name: "Ada", image });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["image"]);
  });

  it("refuses a name that is too long or has control characters", () => {
    const long = profileSchema.safeParse({ name: "a".repeat(NAME_MAX + 1), image: "" });
    expect(long.error?.issues[0]?.message).toBe(`Keep your name under ${NAME_MAX} characters.`);
    const control = profileSchema.safeParse({ name: "Ada\u0000", image: "" });
    expect(control.success).toBe(false);
  });
});

describe("changeEmailSchema", () => {
  it("lower-cases and trims", () => {
    expect(changeEmailSchema.parse({ email: "  New@Example.COM " })).toEqual({ email: "new@example.com" });
  });

  it.each([[""], ["nope"], ["a@"], [`${"a".repeat(250)}@example.com`]])("refuses %j", (email) => {
    expect(changeEmailSchema.safeParse({ email }).success).toBe(false);
  });

  it("refuses a missing field with a readable message", () => {
    expect(changeEmailSchema.safeParse({}).error?.issues[0]?.message).toBe("Enter an email address.");
  });
});

describe("deleteAccountSchema", () => {
  it("normalises the typed address for the comparison", () => {
    expect(deleteAccountSchema.parse({ confirmEmail: " Me@Example.com " })).toEqual({
      confirmEmail: "me@example.com",
    });
  });
});

describe("initials", () => {
  it.each([
    ["Ada Lovelace", "ada@example.com", "AL"],
    ["Grace Brewster Murray Hopper", null, "GH"],
    ["plato", null, "PL"],
    ["Élodie Ñúñez", null, "ÉÑ"],
    [null, "john.doe@example.com", "JO"],
    ["   ", "x@example.com", "X"],
    [null, "+++@example.com", "?"],
    [null, null, "?"],
  ])("%j / %j -> %s", (name, email, expected) => {
    expect(initials(name, email)).toBe(expected);
  });
});
