-- The day's cash and the bank's statements against the fee ledger (fee_payments, migration 028).
-- Every table here is a record of money: nothing is changed or deleted; a correction is a new row.

-- Cash handed in by a clerk on a business day (to the head of office, the office's safe or the
-- bank): the drawer's money leaving it. One row per handing-in.
CREATE TABLE cash_handovers (
  id uuid PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(id),
  clerk_id uuid NOT NULL REFERENCES users(id),
  business_date date NOT NULL,
  currency char(3) NOT NULL CHECK (currency IN ('TJS', 'USD')),
  amount_minor integer NOT NULL CHECK (amount_minor > 0),
  note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 500),
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX cash_handovers_day ON cash_handovers (office_id, business_date, clerk_id);

-- The day's cash report of one clerk (clerk_id) or of the whole office (clerk_id NULL), in one
-- currency, as prepared from the ledger (core fees/cash-report.ts): the drawer's figures (cash
-- only) and, apart, what came by terminal and by bank transfer. Preparing again before sign-off,
-- or correcting a signed report (with a reason), is a new row naming the one it replaces; the
-- report in force is the one nothing replaces.
CREATE TABLE cash_reports (
  id uuid PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(id),
  clerk_id uuid REFERENCES users(id),
  business_date date NOT NULL,
  currency char(3) NOT NULL CHECK (currency IN ('TJS', 'USD')),
  -- the previous signed report's closing (0 without one), and the report it comes from
  opening_minor integer NOT NULL,
  opening_report uuid REFERENCES cash_reports(id),
  received_minor integer NOT NULL CHECK (received_minor >= 0),
  refunded_minor integer NOT NULL CHECK (refunded_minor >= 0),
  -- the net of the corrections on the drawer (negative: a payment undone)
  corrections_minor integer NOT NULL,
  handed_in_minor integer NOT NULL CHECK (handed_in_minor >= 0),
  closing_minor integer NOT NULL,
  terminal_minor integer NOT NULL,
  transfer_minor integer NOT NULL,
  waived_minor integer NOT NULL CHECK (waived_minor >= 0),
  -- how many ledger entries and handovers it sums (a report prepared before later entries is stale)
  entry_count integer NOT NULL CHECK (entry_count >= 0),
  handover_count integer NOT NULL CHECK (handover_count >= 0),
  CHECK (closing_minor = opening_minor + received_minor - refunded_minor + corrections_minor - handed_in_minor),
  replaces uuid UNIQUE REFERENCES cash_reports(id),
  -- why a signed report is corrected
  reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
  prepared_by uuid NOT NULL REFERENCES users(id),
  prepared_at timestamptz NOT NULL
);
CREATE INDEX cash_reports_day ON cash_reports (office_id, business_date, clerk_id);

-- The head of office's signature under a report: once signed, a report never changes.
CREATE TABLE cash_report_signoffs (
  report_id uuid PRIMARY KEY REFERENCES cash_reports(id),
  signed_by uuid NOT NULL REFERENCES users(id),
  signed_at timestamptz NOT NULL
);

-- A bank statement imported (the CSV kept in the file store, purpose `report`). The same file
-- imported again for the same office is the same import.
CREATE TABLE bank_statements (
  id uuid PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(id),
  file_sha256 char(64) NOT NULL REFERENCES stored_files(sha256),
  file_name text CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 255),
  period_from date NOT NULL,
  period_to date NOT NULL CHECK (period_to >= period_from),
  line_count integer NOT NULL CHECK (line_count > 0),
  imported_by uuid NOT NULL REFERENCES users(id),
  imported_at timestamptz NOT NULL,
  UNIQUE (office_id, file_sha256)
);

-- Each line of a statement and what it matched (core fees/statement-matching.ts):
--   matched              a bank-transfer payment with this reference and amount
--   amount-differs       a payment with this reference, another amount (payment_id names it)
--   unknown-reference    no bank-transfer payment has this reference
--   duplicate            the reference appears earlier in the same statement
--   already-matched      the payment was matched by an earlier import
CREATE TABLE bank_statement_lines (
  statement_id uuid NOT NULL REFERENCES bank_statements(id),
  line_number integer NOT NULL CHECK (line_number > 0),
  value_date date NOT NULL,
  amount_minor integer NOT NULL CHECK (amount_minor > 0),
  currency char(3) NOT NULL CHECK (currency IN ('TJS', 'USD')),
  reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 80),
  payer text CHECK (payer IS NULL OR length(payer) <= 200),
  purpose text CHECK (purpose IS NULL OR length(purpose) <= 500),
  result text NOT NULL CHECK (result IN (
    'matched', 'amount-differs', 'unknown-reference', 'duplicate', 'already-matched'
  )),
  payment_id uuid REFERENCES fee_payments(id),
  CHECK ((result IN ('matched', 'amount-differs', 'already-matched')) = (payment_id IS NOT NULL)),
  PRIMARY KEY (statement_id, line_number)
);
-- a payment is matched by one line of one import, ever
CREATE UNIQUE INDEX bank_statement_lines_matched ON bank_statement_lines (payment_id) WHERE result = 'matched';
CREATE INDEX bank_statement_lines_reference ON bank_statement_lines (reference);

CREATE TRIGGER cash_handovers_append_only BEFORE UPDATE OR DELETE ON cash_handovers
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
CREATE TRIGGER cash_reports_append_only BEFORE UPDATE OR DELETE ON cash_reports
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
CREATE TRIGGER cash_report_signoffs_append_only BEFORE UPDATE OR DELETE ON cash_report_signoffs
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
CREATE TRIGGER bank_statements_append_only BEFORE UPDATE OR DELETE ON bank_statements
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
CREATE TRIGGER bank_statement_lines_append_only BEFORE UPDATE OR DELETE ON bank_statement_lines
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
