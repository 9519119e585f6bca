-- Trigram similarity, for names with typos that no match key catches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Everyone a record names, current and earlier names, with the match keys of each name part.
CREATE TABLE record_persons (
  id bigserial PRIMARY KEY,
  record_id uuid NOT NULL REFERENCES records(id),
  role text NOT NULL,
  historical boolean NOT NULL DEFAULT false,
  sealed boolean NOT NULL DEFAULT false,
  surname text,
  given_name text,
  patronymic text,
  birth_date text,
  birth_year integer,
  surname_key text,
  name_key text,
  patronymic_key text,
  surname_stem text,
  surname_loose text,
  name_loose text,
  -- canonical Latin of the whole name, for the trigram pass
  latin text
);
CREATE INDEX record_persons_record ON record_persons (record_id);
CREATE INDEX record_persons_keys ON record_persons (surname_key, name_key);
CREATE INDEX record_persons_loose ON record_persons (surname_loose, name_loose);
CREATE INDEX record_persons_stem ON record_persons (surname_stem, name_loose);
CREATE INDEX record_persons_name_year ON record_persons (name_key, birth_year);
CREATE INDEX record_persons_latin ON record_persons USING gin (latin gin_trgm_ops);

-- Where the event happened and which identity documents the record names, for search filters.
ALTER TABLE records ADD COLUMN place_unit text;
ALTER TABLE records ADD COLUMN documents text[] NOT NULL DEFAULT '{}';
CREATE INDEX records_documents ON records USING gin (documents);
CREATE INDEX records_number ON records (number, year);
CREATE INDEX records_event_date ON records (kind, event_date);

-- Possible duplicates found on submit and registration, and the back office's verdict on each.
CREATE TABLE duplicate_candidates (
  record_id uuid NOT NULL REFERENCES records(id),
  candidate_id uuid NOT NULL REFERENCES records(id),
  score real NOT NULL,
  reasons jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'duplicate', 'not-duplicate')),
  found_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decision_reason text,
  PRIMARY KEY (record_id, candidate_id)
);
CREATE INDEX duplicate_candidates_open ON duplicate_candidates (record_id) WHERE status = 'open';
