-- How many blocks a counter has had in a row: each one lets one more try through and makes the
-- next block longer (growing delays for an account, instead of one hard lock anyone can start).
ALTER TABLE rate_limits ADD COLUMN strikes integer NOT NULL DEFAULT 0 CHECK (strikes >= 0);
