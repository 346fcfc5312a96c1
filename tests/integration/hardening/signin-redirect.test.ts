import { describe, expect, it, vi } from "vitest";
import { getCurrentUser } from "@/lib/auth";

// The real sign-in page, rendered as Next would for a signed-in visitor: wherever `callbackUrl` points,
// the redirect it answers with stays on this site.
vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), configuredProviders: () => [] }));
vi.mock("@/app/(auth)/actions", () => ({ signInWithOAuth: vi.fn(), signInWithEmail: vi.fn() }));

async function redirectOfPage(callbackUrl: string): Promise<string> {
  const { default: SignInPage } = await import("@/app/(auth)/signin/page");
  try {
    await SignInPage({ searchParams: Promise.resolve({ callbackUrl }) });
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    throw error;
  }
  throw new Error("the page did not redirect");
}

describe("sign-in page for a signed-in user", () => {
  it.each([
    "/.//evil.com",
    "/..//evil.com",
    "/%2e//evil.com",
    "/%2E%2E//evil.com",
    "/\\evil.com",
    "/./\\evil.com",
    "//evil.com",
    "https://evil.com/x",
    "/\t/evil.com",
  ])("redirects %j to a path on this site", async (callbackUrl) => {
    vi.mocked(getCurrentUser).mockResolvedValue({ id: "u", email: "u@example.com", name: null, image: null });
    const location = await redirectOfPage(callbackUrl);
    expect(location).toBe("/dashboard");
    expect(new URL(location, "https://app.example").origin).toBe("https://app.example");
  });

  it("still honours a same-site destination", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue({ id: "u", email: "u@example.com", name: null, image: null });
    expect(await redirectOfPage("/pricing?plan=pro")).toBe("/pricing?plan=pro");
  });
});
