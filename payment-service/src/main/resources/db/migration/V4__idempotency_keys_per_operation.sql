-- Idempotency keys are scoped to the operation as well as the user: the same key may pay for a booking and, later,
-- refund it. Existing keys are payments. attempt_id is the id of the request the key was claimed for (a payment
-- attempt, or a refund request: see V5).
ALTER TABLE idempotency_keys ADD COLUMN operation text NOT NULL DEFAULT 'PAYMENT'
    CHECK (operation IN ('PAYMENT', 'REFUND'));
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (user_id, operation, idempotency_key);
