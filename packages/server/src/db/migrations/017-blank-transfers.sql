-- Blanks handed over from an office to one below it (a district's blanks to its jamoats and mobile
-- offices, which have no head to receive a delivery). One row per movement: who, when, from which
-- office to which, which document, series and range. The blanks themselves change office
-- (blanks.office_id); this table is their history and what the stock report counts. Never changed.
CREATE TABLE blank_transfers (
  id uuid PRIMARY KEY,
  from_office_id text NOT NULL REFERENCES offices(id),
  to_office_id text NOT NULL REFERENCES offices(id),
  document text NOT NULL,
  series text NOT NULL,
  number_from integer NOT NULL CHECK (number_from >= 0),
  number_to integer NOT NULL,
  digits integer NOT NULL,
  note text,
  transferred_by uuid NOT NULL REFERENCES users(id),
  transferred_at timestamptz NOT NULL,
  CHECK (number_to >= number_from),
  CHECK (from_office_id <> to_office_id)
);
CREATE INDEX blank_transfers_from ON blank_transfers (from_office_id, transferred_at);
CREATE INDEX blank_transfers_to ON blank_transfers (to_office_id, transferred_at);

CREATE TRIGGER blank_transfers_append_only BEFORE UPDATE OR DELETE ON blank_transfers
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();

-- The Cyrillic І (and the palochka Ӏ) now read as the Latin I in document numbers, as the other
-- look-alike capitals do since migration 010 (normalizeDocumentNumber in core).
UPDATE records
SET documents = ARRAY(
  SELECT DISTINCT translate(d, 'ІӀ', 'II') FROM unnest(documents) AS d ORDER BY 1
)
WHERE array_to_string(documents, ' ') ~ '[ІӀ]';
