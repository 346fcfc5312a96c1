// Public entry of the local CREEM emulator: start it in-process, or import the catalog ids and test cards.
export { startEmulator, type RunningEmulator } from "./emulator";
export { DEFAULTS, type EmulatorOptions } from "./options";
export {
  DISCOUNT_CODES,
  DISCOUNT_IDS,
  LIFETIME_ACTIVATION_LIMIT,
  LIFETIME_LICENSE_FEATURE_ID,
  PRODUCT_IDS,
} from "./catalog";
export { CARD_MESSAGES, TEST_CARDS } from "./billing/cards";
export { MAX_FAILED_RENEWALS } from "./billing/renewal";
export { signedSuccessUrl, successUrlSignature, webhookSignature } from "./core/signatures";
export { Store } from "./state/store";
export { EVENT_TYPES, type EventType, type StateData } from "./state/types";
