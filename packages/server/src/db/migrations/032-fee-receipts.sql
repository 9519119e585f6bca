-- A receipt's PDF as first printed: the ledger entry it was printed for and the stored file
-- (stored_files, purpose `receipt`). Every later print serves these bytes, whatever changed since
-- (the office's name, the layout). Never changed: the first print wins.
CREATE TABLE fee_receipts (
  entry_id uuid PRIMARY KEY REFERENCES fee_payments(id),
  sha256 text NOT NULL REFERENCES stored_files(sha256),
  printed_by uuid NOT NULL REFERENCES users(id),
  printed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER fee_receipts_append_only BEFORE UPDATE OR DELETE ON fee_receipts
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
