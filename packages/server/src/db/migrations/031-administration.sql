-- Administration in the workspace: users set up and looked after by the central department and
-- the heads of office, offices opened, closed, renamed and moved, mobile offices' visits.

-- A password an administrator set (a new user's, a reset) is temporary: the user changes it at
-- the next sign-in before doing anything else.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- The hashes (argon2id) of a user's earlier passwords: a new one may not repeat the last few.
CREATE TABLE password_history (
  id bigserial PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  password_hash text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_history_user ON password_history (user_id, id DESC);

-- The full official name documents print, when it is not the one derived from the office's
-- administrative unit (offices/office-names.ts); and when an office was closed (active = false:
-- no new records, the existing ones stay readable).
ALTER TABLE offices ADD COLUMN official_name text;
ALTER TABLE offices ADD COLUMN closed_at timestamptz;

-- Where and when a mobile office's minivan is.
CREATE TABLE office_visits (
  id uuid PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(id),
  visit_date text NOT NULL CHECK (visit_date ~ '^\d{4}-\d{2}-\d{2}$'),
  starts_at text NOT NULL CHECK (starts_at ~ '^\d{2}:\d{2}$'),
  ends_at text NOT NULL CHECK (ends_at ~ '^\d{2}:\d{2}$' AND ends_at > starts_at),
  place text NOT NULL,
  -- the jamoat the van stands at, if at one
  host_office_id text REFERENCES offices(id),
  cancelled_at timestamptz,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX office_visits_office ON office_visits (office_id, visit_date, starts_at);
