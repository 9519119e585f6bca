-- Transactional outbox and job queue (the queue's own tables are pg-boss's, in schema `pgboss`,
-- made by pg-boss when the job runtime first starts).
--
-- outbox: every event other parts of Sabt or other agencies may follow, written in the transaction
-- of the change itself, so it exists exactly when the change committed. Positions are taken while
-- the transaction holds the audit chain's head lock, at its very end, so they rise in commit order:
-- a reader that has seen position n has seen every committed position below it.
CREATE TABLE outbox (
  position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type text NOT NULL,
  -- the version of the payload's schema (core/events) the event was written with
  schema_version integer NOT NULL,
  record_id uuid,
  office_id text,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- when the dispatcher handed it to the jobs of its subscribers (null: not yet)
  dispatched_at timestamptz
);
CREATE INDEX outbox_undispatched ON outbox (position) WHERE dispatched_at IS NULL;
CREATE INDEX outbox_record ON outbox (record_id, position) WHERE record_id IS NOT NULL;

-- An event, once written, stays as written: only its dispatch is recorded later.
CREATE FUNCTION sabt_outbox_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.position, NEW.type, NEW.schema_version, NEW.record_id, NEW.office_id, NEW.payload, NEW.created_at)
     IS DISTINCT FROM
     (OLD.position, OLD.type, OLD.schema_version, OLD.record_id, OLD.office_id, OLD.payload, OLD.created_at)
  THEN
    RAISE EXCEPTION 'outbox events are not changed once written';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER outbox_unchanged BEFORE UPDATE ON outbox
  FOR EACH ROW EXECUTE FUNCTION sabt_outbox_unchanged();

-- Jobs asked for inside a transaction (enqueue): kept here until the dispatcher moves them into
-- the queue, in the transaction that marks them dispatched, so a job exists exactly when the
-- transaction that asked for it committed. A key asks once: a second request with it is ignored.
CREATE TABLE job_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  queue text NOT NULL,
  dedupe_key text,
  data jsonb NOT NULL,
  start_after timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  dispatched_at timestamptz
);
CREATE UNIQUE INDEX job_requests_key ON job_requests (queue, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX job_requests_undispatched ON job_requests (id) WHERE dispatched_at IS NULL;

-- Jobs that have had their effect, by queue and key (a subscriber's key is the event's position):
-- a job run again (redelivered after a crash, retried by hand) finds its row and does nothing.
-- A handler that writes to the database records it in its own transaction (JobContext.once).
CREATE TABLE job_completions (
  queue text NOT NULL,
  key text NOT NULL,
  job_id uuid NOT NULL,
  completed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (queue, key)
);
CREATE INDEX job_completions_at ON job_completions (completed_at);
