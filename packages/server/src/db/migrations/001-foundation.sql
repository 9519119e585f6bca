-- Offices: the tree central department → regions → district/city offices → jamoats, mobile offices; consulates.
CREATE TABLE offices (
  id text PRIMARY KEY,
  parent_id text REFERENCES offices(id),
  kind text NOT NULL CHECK (kind IN ('central', 'region', 'district', 'jamoat', 'mobile', 'consulate')),
  numeric_code char(6) NOT NULL UNIQUE,
  region text,
  unit text,
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  -- materialised path of office ids, e.g. 'HQ-00-00/DU/DU-03-00/': a subtree is a prefix
  path text NOT NULL UNIQUE,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  login text NOT NULL UNIQUE,
  full_name text NOT NULL,
  role text NOT NULL,
  office_id text NOT NULL REFERENCES offices(id),
  password_hash text NOT NULL,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Act records: a projection of their action log.
CREATE TABLE records (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'validated', 'registered', 'annulled')),
  office_id text NOT NULL REFERENCES offices(id),
  office_path text NOT NULL,
  schema_version integer NOT NULL,
  data jsonb NOT NULL,
  flags text[] NOT NULL DEFAULT '{}',
  surname text,
  given_name text,
  patronymic text,
  birth_date text,
  event_date text,
  year integer,
  number integer,
  national_id text UNIQUE,
  registered_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  revision integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (office_id, kind, year, number)
);
CREATE INDEX records_office_status ON records (office_id, status, updated_at DESC);
CREATE INDEX records_path ON records (office_path text_pattern_ops, updated_at DESC);
CREATE INDEX records_person ON records (kind, lower(surname), lower(given_name), birth_date);

-- The append-only log of everything that happened to a record.
CREATE TABLE record_actions (
  id bigserial PRIMARY KEY,
  record_id uuid NOT NULL REFERENCES records(id),
  action text NOT NULL,
  actor_id uuid REFERENCES users(id),
  actor_role text,
  office_id text REFERENCES offices(id),
  at timestamptz NOT NULL DEFAULT now(),
  from_status text,
  to_status text,
  revision integer NOT NULL,
  reason text,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX record_actions_record ON record_actions (record_id, id);

-- Typed links between records, one row each way.
CREATE TABLE record_links (
  record_id uuid NOT NULL REFERENCES records(id),
  linked_record_id uuid NOT NULL REFERENCES records(id),
  type text NOT NULL,
  action_id bigint REFERENCES record_actions(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, linked_record_id, type)
);

-- Gapless act numbers per office, act kind and year: taken inside the registering transaction.
CREATE TABLE act_counters (
  office_id text NOT NULL REFERENCES offices(id),
  kind text NOT NULL,
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (office_id, kind, year)
);

-- Results of writes by idempotency key: a retry gets the first answer.
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users(id),
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- Hash-chained audit log of every action and every read of personal data.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_login text,
  office_id text,
  event text NOT NULL,
  record_id uuid,
  detail jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (record_id);

CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

-- Nothing in the logs is ever changed or removed.
CREATE FUNCTION sabt_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER record_actions_append_only BEFORE UPDATE OR DELETE ON record_actions
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION sabt_append_only();
