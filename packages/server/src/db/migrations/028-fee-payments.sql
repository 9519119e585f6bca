-- Fees due and paid at the front office (handbook §3).
--
-- A charge is what a service costs for one application: the fee computed when the application is
-- taken (or a certificate, an extract or an amendment asked for), kept as the calculator's
-- FeeReference (the question, the service charged, the rule version of every line, the amounts),
-- so the same fee can be computed again from the versions known then. A charge computed again
-- (the event date corrected, another category) is a new row naming the one it replaces.
CREATE TABLE fee_charges (
  id uuid PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(id),
  -- the record the service is for; none for an application blank or an archive search
  record_id uuid REFERENCES records(id),
  -- what the charge is for on its record: its registration, an amendment, a certificate …
  purpose text NOT NULL CHECK (purpose IN (
    'registration', 'amendment', 'restoration', 'annulment', 'certificate', 'extract',
    'archive-search', 'application-blank'
  )),
  -- the service asked (core FEE_SERVICES); reference.service is the one charged (a bucket)
  service text NOT NULL,
  reference jsonb NOT NULL,
  -- in diram; a consular tariff apart, in US cents
  total_minor integer NOT NULL CHECK (total_minor >= 0),
  consular_minor integer CHECK (consular_minor >= 0),
  replaces uuid UNIQUE REFERENCES fee_charges(id),
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX fee_charges_record ON fee_charges (record_id, purpose, recorded_at);
CREATE INDEX fee_charges_office ON fee_charges (office_id, recorded_at);

-- The ledger against the charges. Amounts are positive; the kind says which way they go:
--   payment    money taken (cash at the office, a payment terminal, a bank transfer), with a receipt
--   refund     money given back, with its reason
--   waiver     an amount not asked for, with its reason (an exemption the calculator could not know)
--   correction an entry recorded by mistake undone, with its reason; names the entry (`corrects`)
-- Nothing is ever changed or deleted: a refund or a correction is a new entry.
CREATE TABLE fee_payments (
  id uuid PRIMARY KEY,
  charge_id uuid NOT NULL REFERENCES fee_charges(id),
  office_id text NOT NULL REFERENCES offices(id),
  kind text NOT NULL CHECK (kind IN ('payment', 'refund', 'waiver', 'correction')),
  amount_minor integer NOT NULL CHECK (amount_minor > 0),
  currency char(3) NOT NULL CHECK (currency IN ('TJS', 'USD')),
  method text CHECK (method IN ('cash', 'terminal', 'bank-transfer')),
  -- the bank's or the terminal's reference of a transfer or card payment
  external_reference text CHECK (external_reference IS NULL OR length(external_reference) BETWEEN 1 AND 80),
  -- the receipt given for a payment or a refund: "<office numeric code>-<year>-<number>" (document_counters)
  receipt_number text UNIQUE,
  -- the code printed under the receipt's QR (core numbering/verify-code.ts)
  verify_code text UNIQUE,
  -- who paid (printed on the receipt): the record's applicant unless another person paid
  payer_name text CHECK (payer_name IS NULL OR length(payer_name) BETWEEN 1 AND 200),
  reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
  corrects uuid UNIQUE REFERENCES fee_payments(id),
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL,
  -- the office's civil day the entry belongs to (its cash report)
  business_date date NOT NULL,
  CHECK (kind NOT IN ('payment', 'refund') OR method IS NOT NULL),
  CHECK (kind NOT IN ('refund', 'waiver', 'correction') OR reason IS NOT NULL),
  CHECK ((kind = 'correction') = (corrects IS NOT NULL)),
  CHECK (method IS DISTINCT FROM 'bank-transfer' OR external_reference IS NOT NULL)
);
CREATE INDEX fee_payments_charge ON fee_payments (charge_id, recorded_at);
CREATE INDEX fee_payments_day ON fee_payments (office_id, business_date, recorded_by);
CREATE INDEX fee_payments_reference ON fee_payments (external_reference) WHERE external_reference IS NOT NULL;

CREATE TRIGGER fee_charges_append_only BEFORE UPDATE OR DELETE ON fee_charges
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
CREATE TRIGGER fee_payments_append_only BEFORE UPDATE OR DELETE ON fee_payments
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
