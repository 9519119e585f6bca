-- Read-your-own-writes beside a streaming replica (db/read-replica.ts): the primary's WAL position
-- after a session's latest write. The session reads from the replica only once the replica has
-- replayed past it; until then from the primary. NULL: the session has written nothing yet (or no
-- replica is configured).
ALTER TABLE sessions ADD COLUMN read_after_lsn pg_lsn;
