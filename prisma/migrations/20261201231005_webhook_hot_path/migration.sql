-- The webhook hot path in one round trip (issue #10 C). Generated empty by `prisma migrate dev --create-only`
-- (functions are not expressible in schema.prisma); the SQL below is the billing rules' single copy.

-- Stores a subscription fact: insert, or take the row lock and overwrite the state only when this fact is
-- newer (time, then state key bytewise: apply.ts isNewer). User, email and start only fill gaps; the first
-- trial keeps the earliest start; the cancel intent follows the latest fact that has one. True when this
-- fact's state is the stored one now; NULL when nothing changed (older or equal news) and false when only
-- gaps were filled.
CREATE FUNCTION billing_apply_subscription(
  p_id text, p_user text, p_customer text, p_email text, p_product text, p_status text, p_units integer,
  p_period_start timestamp(3), p_period_end timestamp(3), p_cancel_at_period_end boolean,
  p_canceled_at timestamp(3), p_trial_end timestamp(3), p_past_due_since timestamp(3), p_discount jsonb,
  p_started_at timestamp(3), p_trial_started_at timestamp(3), p_cancel_intent text,
  p_cancel_intent_at timestamp(3), p_state_at timestamp(3), p_state_source text
) RETURNS boolean LANGUAGE sql AS $$
  INSERT INTO "Subscription" AS s ("id", "userId", "customerId", "customerEmail", "productId", "status", "units",
    "currentPeriodStart", "currentPeriodEnd", "cancelAtPeriodEnd", "canceledAt", "trialEnd", "pastDueSince",
    "discount", "startedAt", "trialStartedAt", "cancelIntent", "cancelIntentAt", "stateAt", "stateSource",
    "updatedAt")
  VALUES (p_id, p_user, p_customer, p_email, p_product, p_status, p_units, p_period_start, p_period_end,
    p_cancel_at_period_end, p_canceled_at, p_trial_end, p_past_due_since, p_discount, p_started_at,
    p_trial_started_at, p_cancel_intent, p_cancel_intent_at, p_state_at, p_state_source, now())
  ON CONFLICT ("id") DO UPDATE SET
    "userId" = COALESCE(s."userId", EXCLUDED."userId"),
    "customerEmail" = COALESCE(s."customerEmail", EXCLUDED."customerEmail"),
    "startedAt" = COALESCE(s."startedAt", EXCLUDED."startedAt"),
    "trialStartedAt" = LEAST(s."trialStartedAt", EXCLUDED."trialStartedAt"),
    ("cancelIntent", "cancelIntentAt") =
      (SELECT CASE WHEN later_intent THEN EXCLUDED."cancelIntent" ELSE s."cancelIntent" END,
              CASE WHEN later_intent THEN EXCLUDED."cancelIntentAt" ELSE s."cancelIntentAt" END
       FROM (SELECT EXCLUDED."cancelIntentAt" IS NOT NULL
               AND (s."cancelIntentAt" IS NULL OR EXCLUDED."cancelIntentAt" > s."cancelIntentAt") AS later_intent)
         AS intent),
    ("productId", "status", "units", "currentPeriodStart", "currentPeriodEnd", "cancelAtPeriodEnd", "canceledAt",
     "trialEnd", "pastDueSince", "discount", "stateAt", "stateSource", "updatedAt") =
    (SELECT CASE WHEN newer THEN EXCLUDED."productId" ELSE s."productId" END,
            CASE WHEN newer THEN EXCLUDED."status" ELSE s."status" END,
            CASE WHEN newer THEN EXCLUDED."units" ELSE s."units" END,
            CASE WHEN newer THEN EXCLUDED."currentPeriodStart" ELSE s."currentPeriodStart" END,
            CASE WHEN newer THEN EXCLUDED."currentPeriodEnd" ELSE s."currentPeriodEnd" END,
            CASE WHEN newer THEN EXCLUDED."cancelAtPeriodEnd" ELSE s."cancelAtPeriodEnd" END,
            CASE WHEN newer THEN EXCLUDED."canceledAt" ELSE s."canceledAt" END,
            CASE WHEN newer THEN EXCLUDED."trialEnd" ELSE s."trialEnd" END,
            CASE WHEN newer THEN EXCLUDED."pastDueSince" ELSE s."pastDueSince" END,
            CASE WHEN newer THEN EXCLUDED."discount" ELSE s."discount" END,
            CASE WHEN newer THEN EXCLUDED."stateAt" ELSE s."stateAt" END,
            CASE WHEN newer THEN EXCLUDED."stateSource" ELSE s."stateSource" END,
            now()
     FROM (SELECT (EXCLUDED."stateAt", EXCLUDED."stateSource" COLLATE "C") >
                  (s."stateAt", s."stateSource" COLLATE "C") AS newer) AS cmp)
  WHERE (EXCLUDED."stateAt", EXCLUDED."stateSource" COLLATE "C") > (s."stateAt", s."stateSource" COLLATE "C")
     OR (s."userId" IS NULL AND EXCLUDED."userId" IS NOT NULL)
     OR (s."customerEmail" IS NULL AND EXCLUDED."customerEmail" IS NOT NULL)
     OR (s."startedAt" IS NULL AND EXCLUDED."startedAt" IS NOT NULL)
     OR EXCLUDED."trialStartedAt" < s."trialStartedAt"
     OR (s."trialStartedAt" IS NULL AND EXCLUDED."trialStartedAt" IS NOT NULL)
     OR (EXCLUDED."cancelIntentAt" IS NOT NULL
         AND (s."cancelIntentAt" IS NULL OR EXCLUDED."cancelIntentAt" > s."cancelIntentAt"))
  RETURNING "stateSource" = p_state_source
$$;

-- After an event of a user: ties the user to one CREEM customer by the rule in
-- lib/billing/webhooks/link-user.ts (the customer of the earliest subscription or purchase by CREEM time,
-- ties by customer id, skipping a customer another user has), then gives the user the rows that arrived
-- before they could be matched (same customer email or the tied customer id).
CREATE FUNCTION billing_link_user(p_user text) RETURNS void LANGUAGE sql AS $$
  UPDATE "User" AS u SET "creemCustomerId" = pick.cid, "updatedAt" = now()
  FROM (
    SELECT c.cid FROM (
      SELECT "customerId" AS cid, "startedAt" AS t FROM "Subscription" WHERE "userId" = p_user
      UNION ALL
      SELECT "customerId", "purchasedAt" FROM "Purchase" WHERE "userId" = p_user AND "customerId" IS NOT NULL
    ) AS c
    WHERE NOT EXISTS (SELECT 1 FROM "User" o WHERE o."creemCustomerId" = c.cid AND o.id <> p_user)
    ORDER BY c.t ASC NULLS LAST, c.cid COLLATE "C" ASC
    LIMIT 1
  ) AS pick
  WHERE u.id = p_user AND u."creemCustomerId" IS DISTINCT FROM pick.cid;

  UPDATE "Subscription" SET "userId" = u.id, "updatedAt" = now()
  FROM "User" u WHERE u.id = p_user AND "Subscription"."userId" IS NULL
    AND ("Subscription"."customerEmail" = lower(u.email) OR "Subscription"."customerId" = u."creemCustomerId");
  UPDATE "Purchase" SET "userId" = u.id, "updatedAt" = now()
  FROM "User" u WHERE u.id = p_user AND "Purchase"."userId" IS NULL
    AND ("Purchase"."customerEmail" = lower(u.email) OR "Purchase"."customerId" = u."creemCustomerId");
  UPDATE "LicenseKey" SET "userId" = u.id, "updatedAt" = now()
  FROM "User" u WHERE u.id = p_user AND "LicenseKey"."userId" IS NULL
    AND ("LicenseKey"."customerEmail" = lower(u.email) OR "LicenseKey"."customerId" = u."creemCustomerId");
$$;

-- A subscription event, whole, in one statement (so one round trip and no interactive transaction): store it
-- in the inbox (a duplicate waits on the row lock and reports what the first delivery did; a row recorded as
-- invalid or failed is applied now), find the user, store the state, link the user, mark it processed.
-- Returns the outcome: 'applied', 'stale', or 'duplicate:<outcome>'. Any error rolls all of it back.
CREATE FUNCTION webhook_subscription_event(
  p_event_id text, p_type text, p_created_at timestamp(3), p_payload jsonb, p_raw bytea,
  p_hint_user text, p_hint_customer text, p_hint_email text,
  p_id text, p_customer text, p_email text, p_product text, p_status text, p_units integer,
  p_period_start timestamp(3), p_period_end timestamp(3), p_cancel_at_period_end boolean,
  p_canceled_at timestamp(3), p_trial_end timestamp(3), p_past_due_since timestamp(3), p_discount jsonb,
  p_started_at timestamp(3), p_trial_started_at timestamp(3), p_cancel_intent text,
  p_cancel_intent_at timestamp(3), p_state_at timestamp(3), p_state_source text
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  v_processed timestamp(3);
  v_outcome text;
  v_user text;
BEGIN
  INSERT INTO "WebhookEvent" ("id", "type", "createdAt", "payload", "rawBody")
  VALUES (p_event_id, p_type, p_created_at, p_payload, p_raw)
  ON CONFLICT ("id") DO NOTHING;
  IF NOT FOUND THEN
    SELECT "processedAt", "outcome" INTO v_processed, v_outcome
    FROM "WebhookEvent" WHERE id = p_event_id FOR UPDATE;
    IF v_processed IS NOT NULL THEN
      RETURN 'duplicate:' || COALESCE(v_outcome, 'applied');
    END IF;
    IF v_outcome = 'invalid' THEN
      UPDATE "WebhookEvent" SET "type" = p_type, "createdAt" = p_created_at, "payload" = p_payload,
        "rawBody" = COALESCE(p_raw, "rawBody")
      WHERE id = p_event_id;
    END IF;
  END IF;

  -- lib/billing/webhooks/link-user.ts resolveUserId, for an event without a request_id.
  IF p_hint_user IS NOT NULL OR p_hint_customer IS NOT NULL OR p_hint_email IS NOT NULL THEN
    SELECT id INTO v_user FROM (
      SELECT id, 1 AS rank FROM "User" WHERE id = p_hint_user
      UNION ALL SELECT id, 3 FROM "User" WHERE "creemCustomerId" = p_hint_customer
      UNION ALL SELECT id, 4 FROM "User" WHERE email = lower(p_hint_email)
    ) AS candidates ORDER BY rank LIMIT 1;
  END IF;

  v_outcome := CASE WHEN billing_apply_subscription(p_id, v_user, p_customer, p_email, p_product, p_status,
      p_units, p_period_start, p_period_end, p_cancel_at_period_end, p_canceled_at, p_trial_end,
      p_past_due_since, p_discount, p_started_at, p_trial_started_at, p_cancel_intent, p_cancel_intent_at,
      p_state_at, p_state_source) THEN 'applied' ELSE 'stale' END;
  IF v_user IS NOT NULL THEN
    PERFORM billing_link_user(v_user);
  END IF;

  UPDATE "WebhookEvent" SET "processedAt" = now(), "attempts" = "attempts" + 1, "outcome" = v_outcome,
    "lastError" = NULL, "subscriptionId" = p_id, "customerId" = COALESCE(p_hint_customer, p_customer)
  WHERE id = p_event_id;
  RETURN v_outcome;
END
$$;
