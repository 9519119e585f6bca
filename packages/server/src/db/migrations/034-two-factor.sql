-- Two-factor sign-in (issue 18): a time-based code (TOTP, RFC 6238) from an authenticator app, or
-- one of the user's recovery codes, after the password.

-- A user's authenticator secret, sealed (AES-256-GCM under SABT_KEY_PASSPHRASE, the user's id as
-- authenticated data): never shown again once enrolment is confirmed. A row without confirmed_at
-- is an enrolment begun (the QR code shown) and not yet confirmed with a first code.
CREATE TABLE user_two_factor (
  user_id uuid PRIMARY KEY REFERENCES users(id),
  secret_box bytea NOT NULL,
  secret_salt bytea NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  -- the time step of the last code accepted: a code of it or an earlier step is refused (replay)
  last_step bigint
);

-- Recovery codes, each usable once instead of a code: only their SHA-256 is kept.
CREATE TABLE two_factor_recovery_codes (
  id bigserial PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);
CREATE INDEX two_factor_recovery_codes_user ON two_factor_recovery_codes (user_id) WHERE used_at IS NULL;

-- The step between the password and the code: a short-lived challenge, used once; only its hash.
CREATE TABLE two_factor_challenges (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  expires_at timestamptz NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  used_at timestamptz
);
CREATE INDEX two_factor_challenges_user ON two_factor_challenges (user_id);
