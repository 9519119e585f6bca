-- Every registered version of a record's data; amendments add versions, nothing is overwritten.
CREATE TABLE record_versions (
  record_id uuid NOT NULL REFERENCES records(id),
  version integer NOT NULL,
  schema_version integer NOT NULL,
  data jsonb NOT NULL,
  action_id bigint REFERENCES record_actions(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, version)
);
CREATE TRIGGER record_versions_append_only BEFORE UPDATE OR DELETE ON record_versions
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();

-- Versions whose data is sealed (adoption secrecy): readable only by roles allowed to see sealed data.
CREATE TABLE sealed_versions (
  record_id uuid NOT NULL,
  version integer NOT NULL,
  action_id bigint REFERENCES record_actions(id),
  sealed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, version),
  FOREIGN KEY (record_id, version) REFERENCES record_versions(record_id, version)
);

-- Requests to correct or change a registered record, decided by a registrar.
CREATE TABLE amendment_requests (
  id uuid PRIMARY KEY,
  record_id uuid NOT NULL REFERENCES records(id),
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  base_version integer NOT NULL,
  patch jsonb NOT NULL,
  reason text NOT NULL,
  basis jsonb NOT NULL,
  requested_by uuid NOT NULL REFERENCES users(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decision_reason text,
  result_version integer
);
CREATE INDEX amendment_requests_record ON amendment_requests (record_id, requested_at);
CREATE UNIQUE INDEX amendment_requests_one_pending ON amendment_requests (record_id) WHERE status = 'pending';

CREATE INDEX record_links_linked ON record_links (linked_record_id);

-- Finding a person's marriages by spouse name and date of birth.
CREATE INDEX records_marriage_husband ON records ((lower(data->'husband'->>'name')), (data->'husband'->>'birthDate'))
  WHERE kind = 'MARRIAGE';
CREATE INDEX records_marriage_wife ON records ((lower(data->'wife'->>'name')), (data->'wife'->>'birthDate'))
  WHERE kind = 'MARRIAGE';

-- TRUNCATE bypasses row triggers: the logs refuse it too.
CREATE TRIGGER record_actions_no_truncate BEFORE TRUNCATE ON record_actions
  FOR EACH STATEMENT EXECUTE FUNCTION sabt_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION sabt_append_only();
CREATE TRIGGER record_versions_no_truncate BEFORE TRUNCATE ON record_versions
  FOR EACH STATEMENT EXECUTE FUNCTION sabt_append_only();
