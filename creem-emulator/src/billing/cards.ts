// Test cards, as in CREEM test mode: any future expiry and any CVC.

export const TEST_CARDS = {
  success: "4242424242424242",
  declined: "4000000000000002",
  insufficientFunds: "4000000000009995",
  incorrectCvc: "4000000000000127",
  expiredCard: "4000000000000069",
} as const;

export const CARD_MESSAGES = {
  declined: "Your card was declined.",
  insufficientFunds: "Your card has insufficient funds.",
  incorrectCvc: "Your card's security code is incorrect.",
  expiredCard: "Your card has expired.",
  invalidNumber: "Your card number is invalid.",
  invalidExpiry: "Your card's expiration date is invalid.",
  pastExpiry: "Your card's expiration date is in the past.",
  invalidCvc: "Your card's security code is invalid.",
  missingName: "Enter the name on your card.",
} as const;

export interface CardInput {
  number: string;
  expiry: string;
  cvc: string;
  name: string;
}

export type CardField = "card_number" | "expiry" | "cvc" | "name";

export type CardResult = { ok: true; last4: string } | { ok: false; field: CardField; message: string };

const fail = (field: CardField, message: string): CardResult => ({ ok: false, field, message });

/** Accepts `MM/YY`, `MM / YY`, `MMYY` and `MM/YYYY`; returns the first day after the expiry month. */
function parseExpiry(raw: string): number | undefined {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(raw);
  if (!match) return undefined;
  const month = Number(match[1]);
  const yearText = match[2] ?? "";
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  if (month < 1 || month > 12) return undefined;
  return Date.UTC(year, month, 1);
}

/** Form checks first (like a real card form), then the test card's outcome. */
export function checkCard(input: CardInput, now = Date.now()): CardResult {
  const number = input.number.replace(/[\s-]/g, "");
  const known = Object.values(TEST_CARDS) as string[];
  if (!known.includes(number)) return fail("card_number", CARD_MESSAGES.invalidNumber);
  const expiresAt = parseExpiry(input.expiry);
  if (expiresAt === undefined) return fail("expiry", CARD_MESSAGES.invalidExpiry);
  if (expiresAt <= now) return fail("expiry", CARD_MESSAGES.pastExpiry);
  if (!/^\d{3,4}$/.test(input.cvc.trim())) return fail("cvc", CARD_MESSAGES.invalidCvc);
  if (input.name.trim() === "") return fail("name", CARD_MESSAGES.missingName);
  switch (number) {
    case TEST_CARDS.declined:
      return fail("card_number", CARD_MESSAGES.declined);
    case TEST_CARDS.insufficientFunds:
      return fail("card_number", CARD_MESSAGES.insufficientFunds);
    case TEST_CARDS.incorrectCvc:
      return fail("cvc", CARD_MESSAGES.incorrectCvc);
    case TEST_CARDS.expiredCard:
      return fail("expiry", CARD_MESSAGES.expiredCard);
    default:
      return { ok: true, last4: number.slice(-4) };
  }
}
