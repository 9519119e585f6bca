-- Who signs an office's certificates and extracts: the head of office, or a person authorised to
-- sign for them. Kept with history: a new row puts a signatory in force from `valid_from`, and the
-- one in force when a document was issued is the one it names (a reprint or a check of an old
-- certificate names who signed then). Rows are never changed or deleted.
CREATE TABLE office_signatories (
  id bigserial PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(id),
  basis text NOT NULL CHECK (basis IN ('head', 'authorised')),
  full_name text NOT NULL CHECK (length(trim(full_name)) > 0),
  -- the signer's own title, in Tajik, as printed
  title text NOT NULL CHECK (length(trim(title)) > 0),
  -- for an authorised signer: the title of the head they sign for
  head_title text,
  -- for an authorised signer: the order or power of attorney that authorises them
  authority text,
  valid_from timestamptz NOT NULL,
  set_by uuid REFERENCES users(id),
  set_at timestamptz NOT NULL DEFAULT now(),
  CHECK (basis = 'head' OR head_title IS NOT NULL)
);
CREATE INDEX office_signatories_in_force ON office_signatories (office_id, valid_from DESC, id DESC);

CREATE TRIGGER office_signatories_append_only BEFORE UPDATE OR DELETE ON office_signatories
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
