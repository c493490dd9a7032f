-- The presale window the waiting room sends with the sale settings: fans its presale line admitted may buy inside it,
-- before the general on_sale_at. Null for an event without presale.
ALTER TABLE sale_settings
    ADD COLUMN presale_starts_at timestamptz,
    ADD COLUMN presale_ends_at   timestamptz;
