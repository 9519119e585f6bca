-- Notifications: every e-mail and SMS Sabt sends, one row each, from the request that asked for it
-- to the outcome. The row is written in the requesting transaction together with the job that
-- sends it, so nothing goes out for a change that rolled back.
--
-- Personal data: the recipient is kept (who was told), and the template's ordinary parameters
-- (an application's number, a status) as JSON. Parameters a template declares secret (a one-time
-- sign-in code) are never stored readable: `secret_params` holds them encrypted (AES-256-GCM, key
-- derived from SABT_KEY_PASSPHRASE, the row's id as authenticated data) only while the message
-- waits to be sent, and is wiped once it is sent, failed or skipped.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  -- an e-mail address or a phone number in international form (+992…)
  recipient text NOT NULL,
  template text NOT NULL,
  language text NOT NULL CHECK (language IN ('tg', 'ru', 'en')),
  params jsonb NOT NULL DEFAULT '{}',
  secret_params bytea,
  -- queued → sent | failed (after the last attempt, or a permanent refusal) | skipped (channel off)
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  -- a sender working on the row holds it until then; a crashed sender's hold lapses
  leased_until timestamptz,
  -- not sent after this moment (a sign-in code that has expired)
  expires_at timestamptz,
  -- who caused it: a staff user, a citizen of the portal, or Sabt itself
  caused_by text NOT NULL CHECK (caused_by IN ('user', 'citizen', 'system')),
  user_id uuid REFERENCES users(id),
  citizen_id text,
  -- what it is about, if anything: ('record', id), ('application', id), ('appointment', id) …
  related_kind text,
  related_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  failed_at timestamptz,
  CHECK ((caused_by = 'user') = (user_id IS NOT NULL)),
  CHECK ((caused_by = 'citizen') = (citizen_id IS NOT NULL)),
  CHECK ((related_kind IS NULL) = (related_id IS NULL)),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
  CHECK ((status = 'failed') = (failed_at IS NOT NULL)),
  CHECK (status = 'queued' OR secret_params IS NULL)
);
CREATE INDEX notifications_created ON notifications (created_at DESC);
CREATE INDEX notifications_failed ON notifications (failed_at DESC) WHERE status = 'failed';
CREATE INDEX notifications_recipient ON notifications (recipient, created_at DESC);
CREATE INDEX notifications_related ON notifications (related_kind, related_id) WHERE related_id IS NOT NULL;
