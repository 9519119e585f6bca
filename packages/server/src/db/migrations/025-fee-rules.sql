-- Fee rules with history: the versions the central department adds over the defaults Sabt ships
-- (core fees/defaults.ts). A version is an item (its kind and key) in force from `valid_from`
-- (a civil date, never before the day it was stored) until `valid_to` (exclusive), with its value,
-- legal basis and whether it is confirmed. Rows are never changed or deleted: a correction is a
-- later row, so a fee computed for any date can be computed again alike, and a payment can name
-- the versions it was computed by (`v<id>`).
CREATE TABLE fee_rule_versions (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('pdr', 'line', 'exemption', 'category', 'consular')),
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 80),
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to IS NULL OR valid_to > valid_from),
  value jsonb NOT NULL,
  -- {tg, ru, en}
  basis jsonb NOT NULL,
  verified boolean NOT NULL,
  note jsonb,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fee_rule_versions_item ON fee_rule_versions (kind, key, valid_from);

CREATE TRIGGER fee_rule_versions_append_only BEFORE UPDATE OR DELETE ON fee_rule_versions
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
