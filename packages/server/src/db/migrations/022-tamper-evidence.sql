-- Tamper evidence (server/src/audit/): the registry's rows carry hashes the audit chain covers, and
-- the chain's head is anchored outside the database by signed anchors.

-- The hash of each action and each registered version: SHA-256 of the row's canonical JSON
-- (audit/record-hashes.ts). Rows written through the unit of work name it in their audit entry;
-- rows written before this migration get theirs from the data step that follows it (prepare.ts).
ALTER TABLE record_actions ADD COLUMN hash text CHECK (hash ~ '^[0-9a-f]{64}$');
ALTER TABLE record_versions ADD COLUMN hash text CHECK (hash ~ '^[0-9a-f]{64}$');

-- The logs stay append-only; the one change allowed is giving a row without a hash its hash.
CREATE FUNCTION sabt_append_only_but_hash() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
     AND (to_jsonb(NEW) - 'hash') = (to_jsonb(OLD) - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
END;
$$;
DROP TRIGGER record_actions_append_only ON record_actions;
CREATE TRIGGER record_actions_append_only BEFORE UPDATE OR DELETE ON record_actions
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only_but_hash();
DROP TRIGGER record_versions_append_only ON record_versions;
CREATE TRIGGER record_versions_append_only BEFORE UPDATE OR DELETE ON record_versions
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only_but_hash();
-- the rows the data step has left to hash
CREATE INDEX record_actions_unhashed ON record_actions (id) WHERE hash IS NULL;
CREATE INDEX record_versions_unhashed ON record_versions (record_id, version) WHERE hash IS NULL;

-- The chain's head only moves on.
CREATE FUNCTION sabt_audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.seq < OLD.seq OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash) THEN
    RAISE EXCEPTION 'the audit head only moves forward';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_head_forward BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION sabt_audit_head_forward();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION sabt_append_only();

-- Signed anchors of the chain's head (audit/anchor.ts): (seq, hash) signed with the anchor key,
-- which the database does not hold. A copy of each goes to a file outside the database.
CREATE TABLE audit_anchors (
  seq bigint PRIMARY KEY,
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  signed_at timestamptz NOT NULL,
  key_id text NOT NULL,
  public_key text NOT NULL,
  signature text NOT NULL
);
CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
  FOR EACH STATEMENT EXECUTE FUNCTION sabt_append_only();
