import type { CardField, CardInput } from "../billing/cards";
import { escapeHtml } from "./layout";

export interface CardFormState {
  values?: Partial<CardInput>;
  errorField?: CardField;
  errorId?: string;
}

function field(name: CardField, label: string, state: CardFormState, attributes: string): string {
  const invalid = state.errorField === name;
  const value = name === "cvc" ? "" : (state.values?.[name === "card_number" ? "number" : name] ?? "");
  return `<div><label for="${name}">${label}</label><input type="text" id="${name}" name="${name}" value="${escapeHtml(
    value,
  )}" required ${attributes}${invalid ? ` aria-invalid="true" aria-describedby="${state.errorId ?? "form-error"}"` : ""}></div>`;
}

/** Card number, expiry, CVC and name, with the labels browser tests fill by. */
export function cardFields(state: CardFormState = {}): string {
  return [
    field(
      "card_number",
      "Card number",
      state,
      'inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242"',
    ),
    `<div class="row">`,
    field("expiry", "Expiry", state, 'autocomplete="cc-exp" placeholder="MM / YY"'),
    field("cvc", "CVC", state, 'inputmode="numeric" autocomplete="cc-csc" placeholder="123"'),
    `</div>`,
    field("name", "Name on card", state, 'autocomplete="cc-name"'),
  ].join("\n");
}

export const TEST_CARD_HINT =
  '<p class="hint">Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined. Any future expiry, any CVC.</p>';

export function readCard(form: URLSearchParams): CardInput {
  return {
    number: form.get("card_number") ?? "",
    expiry: form.get("expiry") ?? "",
    cvc: form.get("cvc") ?? "",
    name: form.get("name") ?? "",
  };
}
