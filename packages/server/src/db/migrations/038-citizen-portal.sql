-- The citizen portal: what the public learns of an office (its address, telephone and opening
-- hours), and citizens who sign in with a one-time code sent to their phone or e-mail address,
-- with sessions of their own, apart from the staff's.

-- Where an office is and when it is open; null until its administrators publish them.
ALTER TABLE offices ADD COLUMN address_tg text;
ALTER TABLE offices ADD COLUMN address_ru text;
ALTER TABLE offices ADD COLUMN address_en text;
ALTER TABLE offices ADD COLUMN phone text;
-- [{ "days": [1, 2, 3, 4, 5], "opens": "08:00", "closes": "17:00" }, …], days 1 = Monday … 7 = Sunday
ALTER TABLE offices ADD COLUMN hours jsonb;

-- A citizen of the portal: known by the phone number or e-mail address they signed in with.
CREATE TABLE citizens (
  id uuid PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  -- the address as the notifier sends to it (an e-mail address in lower case, a phone number +992…)
  contact text NOT NULL UNIQUE,
  language text NOT NULL CHECK (language IN ('tg', 'ru', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz
);

-- A one-time sign-in code: only its hash is kept (the message carrying it stores the code
-- encrypted until sent, notifications/secret.ts). Used once; dead after its last allowed attempt
-- or once it expires.
CREATE TABLE citizen_sign_in_codes (
  id uuid PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  contact text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  requested_from text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  citizen_id uuid REFERENCES citizens(id),
  CHECK ((used_at IS NULL) = (citizen_id IS NULL))
);
CREATE INDEX citizen_sign_in_codes_contact ON citizen_sign_in_codes (contact, created_at DESC);
CREATE INDEX citizen_sign_in_codes_address ON citizen_sign_in_codes (requested_from, created_at DESC);

-- A citizen's session: an opaque token in its own cookie (path /api/v1/portal), stored hashed.
-- Never a staff session: staff routes read only `sessions`, the portal's only this table.
CREATE TABLE citizen_sessions (
  token_hash text PRIMARY KEY,
  citizen_id uuid NOT NULL REFERENCES citizens(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX citizen_sessions_citizen ON citizen_sessions (citizen_id);
