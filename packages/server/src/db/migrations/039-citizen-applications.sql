-- Online applications of the citizen portal: a citizen's draft for an act kind (the act kind's own
-- data schema, the staff's draft checks), its scanned attachments, the office chosen, a tracking
-- code once submitted; the front office accepts it into a draft record (record_id), or returns it
-- with a message. Registered and ready for collection are read from the linked record.
CREATE TABLE citizen_applications (
  id uuid PRIMARY KEY,
  citizen_id uuid NOT NULL REFERENCES citizens(id),
  kind text NOT NULL,
  office_id text REFERENCES offices(id),
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- draft: the citizen's; received: submitted, waiting for the office; needs-correction: returned
  -- with the clerk's message (the citizen edits and submits again); accepted: a record was made of it
  status text NOT NULL CHECK (status IN ('draft', 'received', 'needs-correction', 'accepted')),
  -- ten characters of Crockford's base 32 with a check character (core numbering/verify-code.ts)
  tracking_code text UNIQUE,
  -- the applicant's own date of birth, given on submission: with the code it opens the status
  tracking_birth_date date,
  correction_message text,
  record_id uuid UNIQUE REFERENCES records(id),
  accepted_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  CHECK ((status = 'draft') = (tracking_code IS NULL)),
  CHECK ((status = 'accepted') = (record_id IS NOT NULL))
);
CREATE INDEX citizen_applications_citizen ON citizen_applications (citizen_id, created_at DESC);
CREATE INDEX citizen_applications_office ON citizen_applications (office_id, status, submitted_at);

-- The scans a citizen attached; the bytes are in the file store (stored_files, purpose attachment).
CREATE TABLE citizen_application_files (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES citizen_applications(id),
  sha256 text NOT NULL REFERENCES stored_files(sha256),
  file_name text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX citizen_application_files_application ON citizen_application_files (application_id);

-- A citizen's writes by Idempotency-Key, as idempotency_keys keeps the staff's: a retry gets the
-- first answer.
CREATE TABLE citizen_idempotency_keys (
  citizen_id uuid NOT NULL REFERENCES citizens(id),
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (citizen_id, key)
);
