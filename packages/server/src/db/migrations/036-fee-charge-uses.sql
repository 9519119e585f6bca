-- A service paid on request (a repeat or new certificate, an extract, an amendment) is paid for one
-- operation: the charge is spent by the certificate printed or the amendment made with it, and the
-- next one is charged again. A certificate spoiled in print gives its charge back (the reprint uses
-- it). Never changed or deleted.
CREATE TABLE fee_charge_uses (
  id uuid PRIMARY KEY,
  charge_id uuid NOT NULL REFERENCES fee_charges(id),
  record_id uuid NOT NULL REFERENCES records(id),
  certificate_id uuid UNIQUE REFERENCES certificates(id),
  amendment_request_id uuid UNIQUE REFERENCES amendment_requests(id),
  used_by uuid NOT NULL REFERENCES users(id),
  used_at timestamptz NOT NULL,
  CHECK ((certificate_id IS NULL) <> (amendment_request_id IS NULL))
);
CREATE INDEX fee_charge_uses_charge ON fee_charge_uses (charge_id);
CREATE INDEX fee_charge_uses_record ON fee_charge_uses (record_id);

CREATE TRIGGER fee_charge_uses_append_only BEFORE UPDATE OR DELETE ON fee_charge_uses
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
