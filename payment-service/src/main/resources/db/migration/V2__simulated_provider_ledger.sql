-- The built-in simulated provider keeps its ledger in its own schema, as if it lived at the provider:
-- payment-service code outside io.surge.ticketing.payment.provider never reads it. Unique on our
-- idempotency key, like Stripe's Idempotency-Key: a repeated charge returns the first one.
CREATE SCHEMA IF NOT EXISTS ${provider_schema};

CREATE TABLE ${provider_schema}.charges (
    charge_id       text        PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE,
    amount_cents    bigint      NOT NULL,
    payment_token   text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('SUCCEEDED', 'DECLINED', 'REFUNDED')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    refunded_at     timestamptz
);
