// Turns a User-Agent header into the words the sessions list shows ("Chrome on macOS", "Safari on
// iPhone"). Pure and small on purpose: a guess for people, never used for a security decision.

export type DeviceKind = "desktop" | "mobile" | "tablet";
export type ParsedUserAgent = { browser: string; os: string; device: DeviceKind; label: string };

const browsers: Array<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bCriOS\/|\b(?:Headless)?Chrome\/|\bChromium\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\/|\bSafari\//, "Safari"],
  [/\bcurl\//, "curl"],
];

const systems: Array<[RegExp, string]> = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

export function parseUserAgent(header: string | null | undefined): ParsedUserAgent {
  const ua = (header ?? "").slice(0, 512);
  const browser = browsers.find(([re]) => re.test(ua))?.[1] ?? "Unknown browser";
  const os = systems.find(([re]) => re.test(ua))?.[1] ?? "unknown system";
  const device: DeviceKind =
    /\biPad\b|\bTablet\b/.test(ua) || (/\bAndroid\b/.test(ua) && !/\bMobile\b/.test(ua))
      ? "tablet"
      : /\bMobile\b|\biPhone\b/.test(ua)
        ? "mobile"
        : "desktop";
  const label = ua ? `${browser} on ${os}` : "Unknown device";
  return { browser, os, device, label };
}
