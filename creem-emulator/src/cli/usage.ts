export const USAGE = `Local CREEM emulator CLI (talks to a running emulator; CREEM_EMULATOR_URL, default http://localhost:4010)

Usage: npm run creem -- <command> [options]

Commands:
  trigger <event> [--subscription ID | --customer EMAIL] [--product ID]
                               Emit a realistic event, changing state as it implies
                               (events: checkout.completed, subscription.active|trialing|paid|update|
                               scheduled_cancel|canceled|paused|past_due|unpaid|expired,
                               refund.created, dispute.created)
  events [--type TYPE] [--subscription ID]
                               List emitted events
  deliveries [--event ID]      Webhook delivery log
  resend <event-id> [--times N]
                               Deliver a past event again (same id and body)
  send <event-id>... [--reversed]
                               Deliver events one after another, in the given or reversed order
  advance <subscription-id> [--fail]
                               Move to the end of the period: renew (or fail the payment), end a trial,
                               carry out a scheduled cancel
  refund <transaction-id>      Refund a paid transaction (refund.created)
  dispute <transaction-id>     Open a dispute on a paid transaction (dispute.created)
  licenses [--customer EMAIL]  License keys with status, activations and expiry
  license revoke <license-id|key>
                               Revoke a key (status disabled: 410 on activate and validate)
  license expire <license-id|key> [--at ISO-DATE | --never]
                               Set expires_at (default: a second ago, so it is expired; --never clears it)
  license limit <license-id|key> <n|unlimited>
                               Set the activation limit (active instances above it stay active)
  webhook <url|off>            Set or clear the webhook URL
  webhook hold | webhook release [--reversed]
                               Hold new webhooks, then send the held ones in order or reversed
  products seed                Restore the seeded catalog
  reset                        Clear all state and re-seed the catalog
  help                         Show this help

Options:
  --json                       Print the raw JSON response
`;
