-- One refund per booking, whoever asks and however often (the fan with any number of keys, the event's
-- cancellation, redeliveries, the reconciler): booking_id is unique. The provider's idempotency key is derived from
-- the booking ('refund-' || booking_id), so the provider refunds once whatever the retries and crashes.
--   REQUESTED -> PROVIDER_REFUNDED (the provider answered) -> RECORDED (booking-service recorded it: REFUNDED)
--   -> FAILED when the provider or booking-service refuses for good (someone must look; the row keeps why).
CREATE TABLE refunds (
    refund_id          uuid        PRIMARY KEY,
    booking_id         uuid        NOT NULL UNIQUE,
    event_id           bigint      NOT NULL,
    user_id            text        NOT NULL,
    payment_id         text        NOT NULL,
    provider_charge_id text        NOT NULL,
    amount_cents       bigint      NOT NULL CHECK (amount_cents > 0),
    reason             text        NOT NULL,
    requested_by       text        NOT NULL,
    state              text        NOT NULL CHECK (state IN ('REQUESTED', 'PROVIDER_REFUNDED', 'RECORDED', 'FAILED')),
    provider_refund_id text,
    failure            text,
    -- Whoever works on an unfinished refund owns it until lease_until; a failed try pushes lease_until out by a
    -- growing back-off (tries), and the reconciler takes over refunds whose lease ran out.
    lease_until        timestamptz NOT NULL DEFAULT now(),
    tries              integer     NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    recorded_at        timestamptz
);

CREATE INDEX refunds_unfinished ON refunds (lease_until) WHERE state IN ('REQUESTED', 'PROVIDER_REFUNDED');
CREATE INDEX refunds_by_event ON refunds (event_id);

-- A fan's refund request (one per claimed idempotency key) and the refund it joined: when the refund finishes,
-- whoever finishes it (this request, another one, the reconciler) completes every key that waits for it.
CREATE TABLE refund_requests (
    request_id uuid        PRIMARY KEY,
    refund_id  uuid        NOT NULL REFERENCES refunds (refund_id),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX refund_requests_by_refund ON refund_requests (refund_id);
