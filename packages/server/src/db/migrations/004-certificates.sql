-- Certificates: strict-accountability blanks, the certificates printed on them, and Sabt's keys.

-- Sabt's own certificate authority and the offices' keys. Private keys are encrypted with
-- AES-256-GCM under a key derived (scrypt) from SABT_KEY_PASSPHRASE; retired keys are kept forever
-- so that what they signed still verifies.
CREATE TABLE signing_keys (
  id text PRIMARY KEY,
  -- root: the self-signed root CA; office-x509: an office's PDF-signing certificate (signed by the
  -- root); office-qr: an office's Ed25519 key for QR payloads
  purpose text NOT NULL CHECK (purpose IN ('root', 'office-x509', 'office-qr')),
  office_id text REFERENCES offices(id),
  generation integer NOT NULL,
  algorithm text NOT NULL,
  public_key_pem text NOT NULL,
  certificate_pem text,
  issuer_key_id text REFERENCES signing_keys(id),
  private_key bytea NOT NULL,
  kdf_salt bytea NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'retired')),
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  retired_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((purpose = 'root') = (office_id IS NULL)),
  UNIQUE (purpose, office_id, generation)
);
-- One active key per purpose and office (and one active root).
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (purpose, coalesce(office_id, '')) WHERE status = 'active';

-- A batch of blanks received by an office: a series and a range of numbers.
CREATE TABLE blank_batches (
  id uuid PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(id),
  document text NOT NULL,
  series text NOT NULL,
  number_from integer NOT NULL CHECK (number_from >= 0),
  number_to integer NOT NULL,
  digits integer NOT NULL,
  note text,
  received_by uuid NOT NULL REFERENCES users(id),
  received_at timestamptz NOT NULL DEFAULT now(),
  CHECK (number_to >= number_from)
);
CREATE INDEX blank_batches_office ON blank_batches (office_id, received_at);

-- Every blank, one row each. A blank is used once: IN_STOCK → ISSUED, or written off through a
-- spoil request (SPOIL_REQUESTED) that a second person confirms (SPOILED, LOST, WRITTEN_OFF).
CREATE TABLE blanks (
  id bigserial PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES blank_batches(id),
  office_id text NOT NULL REFERENCES offices(id),
  document text NOT NULL,
  series text NOT NULL,
  number integer NOT NULL,
  digits integer NOT NULL,
  status text NOT NULL CHECK (status IN ('IN_STOCK', 'ISSUED', 'SPOIL_REQUESTED', 'SPOILED', 'LOST', 'WRITTEN_OFF')),
  -- the spoil request: what the reporter says happened, why, and who confirmed it
  status_before text,
  spoil_outcome text CHECK (spoil_outcome IN ('SPOILED', 'LOST')),
  spoil_reason text,
  spoil_requested_by uuid REFERENCES users(id),
  spoil_requested_at timestamptz,
  spoil_decided_by uuid REFERENCES users(id),
  spoil_decided_at timestamptz,
  spoil_decision_reason text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document, series, number),
  -- the second person of the write-off is never the first
  CHECK (spoil_decided_by IS NULL OR spoil_decided_by <> spoil_requested_by),
  CHECK (status <> 'SPOIL_REQUESTED' OR (spoil_reason IS NOT NULL AND spoil_requested_by IS NOT NULL))
);
-- The next free blank: lowest number of a kind in an office.
CREATE INDEX blanks_free ON blanks (office_id, document, number) WHERE status = 'IN_STOCK';
CREATE INDEX blanks_office_status ON blanks (office_id, status, document, series, number);

-- Numbers of documents printed on plain paper (extracts, references): per office, document and year.
CREATE TABLE document_counters (
  office_id text NOT NULL REFERENCES offices(id),
  document text NOT NULL,
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (office_id, document, year)
);

-- Certificates issued for records: first, repeat, and new ones after a change of the record.
CREATE TABLE certificates (
  id uuid PRIMARY KEY,
  record_id uuid NOT NULL REFERENCES records(id),
  record_version integer NOT NULL,
  office_id text NOT NULL REFERENCES offices(id),
  document text NOT NULL,
  blank_id bigint UNIQUE REFERENCES blanks(id),
  series text NOT NULL,
  number text NOT NULL,
  issue text NOT NULL CHECK (issue IN ('first', 'repeat', 'reissue')),
  mode text NOT NULL CHECK (mode IN ('full', 'overlay')),
  calibration jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('valid', 'superseded', 'spoiled')),
  superseded_by uuid REFERENCES certificates(id),
  superseded_at timestamptz,
  issued_by uuid NOT NULL REFERENCES users(id),
  issued_at timestamptz NOT NULL,
  issued_on date NOT NULL,
  received_by_name text,
  received_id_document jsonb,
  received_at timestamptz,
  receipt_recorded_by uuid REFERENCES users(id),
  qr_payload text NOT NULL UNIQUE,
  key_id text NOT NULL REFERENCES signing_keys(id),
  signing_key_id text NOT NULL REFERENCES signing_keys(id),
  pdf bytea NOT NULL,
  pdf_sha256 text NOT NULL,
  UNIQUE (document, series, number),
  FOREIGN KEY (record_id, record_version) REFERENCES record_versions(record_id, version)
);
CREATE INDEX certificates_record ON certificates (record_id, issued_at);
