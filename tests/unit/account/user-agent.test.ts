import { describe, expect, it } from "vitest";
import { parseUserAgent } from "@/lib/account/user-agent";

const UA = {
  chromeMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  chromeIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  firefoxWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.51",
  chromeAndroidPhone:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  androidTablet:
    "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  safariIpad:
    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  headlessLinux:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
  operaLinux:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0",
  samsung:
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
};

describe("parseUserAgent", () => {
  it.each([
    [UA.chromeMac, "Chrome", "macOS", "desktop"],
    [UA.safariIphone, "Safari", "iPhone", "mobile"],
    [UA.chromeIphone, "Chrome", "iPhone", "mobile"],
    [UA.firefoxWindows, "Firefox", "Windows", "desktop"],
    [UA.edgeWindows, "Edge", "Windows", "desktop"],
    [UA.chromeAndroidPhone, "Chrome", "Android", "mobile"],
    [UA.androidTablet, "Chrome", "Android", "tablet"],
    [UA.safariIpad, "Safari", "iPad", "tablet"],
    [UA.headlessLinux, "Chrome", "Linux", "desktop"],
    [UA.operaLinux, "Opera", "Linux", "desktop"],
    [UA.samsung, "Samsung Internet", "Android", "mobile"],
  ])("%s", (ua, browser, os, device) => {
    expect(parseUserAgent(ua)).toEqual({ browser, os, device, label: `${browser} on ${os}` });
  });

  it("says so when there is no user agent", () => {
    expect(parseUserAgent(null).label).toBe("Unknown device");
    expect(parseUserAgent("").label).toBe("Unknown device");
  });

  it("names what it cannot recognise instead of guessing", () => {
    expect(parseUserAgent("SomeBot/1.0")).toEqual({
      browser: "Unknown browser",
      os: "unknown system",
      device: "desktop",
      label: "Unknown browser on unknown system",
    });
  });

  it("reads only the start of a huge header", () => {
    expect(parseUserAgent(`${"x".repeat(10_000)} Firefox/1`).browser).toBe("Unknown browser");
  });
});
