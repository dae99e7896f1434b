-- The kiosk interface remembers the idempotency key of a call made within a session under the session's id,
-- and that of an authentication under its challenge (scope + '/' + key: at most 88 + 1 + 128 characters), so
-- that the keys of new calls, which the kiosks choose at random, land next to each other in the primary key's
-- index (session ids and challenges begin with the time they were made) instead of all over it.
ALTER TABLE kiosk_requests ALTER COLUMN idempotency_key SET DATA TYPE VARCHAR(256);
