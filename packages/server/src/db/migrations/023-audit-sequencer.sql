-- The audit chain computed after commit (server/src/audit/sequencer.ts): a transaction inserts its
-- audit entries without taking any lock, numbered by `id` and not yet chained (seq, prev_hash and
-- hash null); the sequencer, one at a time under the head's row lock, gives the committed entries
-- their place in the chain (seq, prev_hash, hash) and moves the head. Nothing else changes an
-- entry, and an entry is chained once.

-- the entries' own numbers: those chained so far keep their sequence numbers as theirs
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD COLUMN id bigint;
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
UPDATE audit_log SET id = seq;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
ALTER TABLE audit_log ALTER COLUMN id SET NOT NULL;
ALTER TABLE audit_log ADD PRIMARY KEY (id);
ALTER TABLE audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('audit_log', 'id'), coalesce(max(id), 0) + 1, false) FROM audit_log;

-- an entry is either waiting for its place (all three null) or chained (all three set), once
ALTER TABLE audit_log ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_seq UNIQUE (seq);
ALTER TABLE audit_log ADD CONSTRAINT audit_log_chained_whole
  CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL));
-- the entries waiting for the sequencer
CREATE INDEX audit_log_unsequenced ON audit_log (id) WHERE seq IS NULL;

-- The log stays append-only; the one change allowed is chaining an entry not chained yet.
CREATE FUNCTION sabt_audit_chained_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
END;
$$;
DROP TRIGGER audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION sabt_audit_chained_once();
