-- The simulated provider's refunds, unique on our idempotency key like Stripe's: a repeated refund returns the
-- first one. A charge is refunded at most once (its status turns REFUNDED in the same statement).
CREATE TABLE ${provider_schema}.refunds (
    refund_id       text        PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE,
    charge_id       text        NOT NULL REFERENCES ${provider_schema}.charges (charge_id),
    amount_cents    bigint      NOT NULL CHECK (amount_cents > 0),
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX refunds_by_charge ON ${provider_schema}.refunds (charge_id);
