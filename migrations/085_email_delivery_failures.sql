-- Emails the provider refused for good (GOV.UK Notify's 400s: an address it cannot send to). Shown to
-- staff on the person's page, so that someone can ring the family instead. Temporary failures are
-- retried by the queue and never recorded here.
CREATE TABLE email_delivery_failures (
  id bigserial PRIMARY KEY,
  recipient text NOT NULL,
  subject text NOT NULL,
  reason text NOT NULL,
  queue_job_id text NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX email_delivery_failures_recipient_idx ON email_delivery_failures (lower(recipient), failed_at DESC);
