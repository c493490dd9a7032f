-- One row per payment attempt: the state machine the API, the Kafka consumer and the reconciler share.
-- The attempt id is also the idempotency key we give the provider, so a retry after a crash can never
-- charge twice, and the reconciler can look a charge up by it.
CREATE TABLE payment_attempts (
    attempt_id         uuid        PRIMARY KEY,
    booking_id         uuid        NOT NULL,
    user_id            text        NOT NULL,
    event_id           bigint      NOT NULL,
    amount_cents       bigint      NOT NULL CHECK (amount_cents >= 0),
    payment_token      text        NOT NULL,
    hold_expires_at    timestamptz,
    state              text        NOT NULL CHECK (state IN
                           ('REQUESTED', 'CHARGING', 'CHARGED', 'CONFIRMED', 'DECLINED', 'REFUNDED', 'FAILED')),
    provider_charge_id text,
    outcome_code       text,
    -- Whoever works on an unsettled attempt owns it until lease_until; the reconciler only takes over
    -- attempts whose lease ran out (a crashed or stuck worker), so replicas never work on the same one.
    lease_until        timestamptz NOT NULL DEFAULT now(),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX payment_attempts_unsettled ON payment_attempts (lease_until)
    WHERE state IN ('REQUESTED', 'CHARGING', 'CHARGED');
CREATE INDEX payment_attempts_by_booking ON payment_attempts (booking_id);

-- Client idempotency keys, scoped to the user. A key is IN_PROGRESS while its attempt runs and COMPLETED
-- with the exact response once the outcome is final; 5xx outcomes are never stored (the row is deleted
-- so a retry with the same key may succeed).
CREATE TABLE idempotency_keys (
    user_id               text        NOT NULL,
    idempotency_key       text        NOT NULL,
    request_hash          text        NOT NULL,
    attempt_id            uuid        NOT NULL,
    status                text        NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
    response_status       integer,
    response_content_type text,
    response_body         text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    completed_at          timestamptz,
    PRIMARY KEY (user_id, idempotency_key)
);

CREATE UNIQUE INDEX idempotency_keys_by_attempt ON idempotency_keys (attempt_id);
CREATE INDEX idempotency_keys_completed ON idempotency_keys (completed_at) WHERE status = 'COMPLETED';
