-- Development only: emails and texts the app "sent" when no mail server or SMS provider is set.
CREATE TABLE dev_mailbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient text NOT NULL,
  subject text,
  text_body text NOT NULL,
  html_body text,
  sent_at timestamptz NOT NULL DEFAULT now()
);
