-- Codes sent because someone signed in (or started setting up, or changing, the method) are
-- counted apart from codes they asked to be sent again, so that signing in a few times does not
-- use up the resends, nor resends stop the next sign-in. Each has its own limit in 15 minutes.
ALTER TABLE sms_code_sends ADD COLUMN reason text NOT NULL DEFAULT 'new' CHECK (reason IN ('new', 'resend'));
DROP INDEX sms_code_sends_user_idx;
CREATE INDEX sms_code_sends_user_idx ON sms_code_sends (user_id, reason, sent_at);
