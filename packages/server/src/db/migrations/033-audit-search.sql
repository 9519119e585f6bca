-- The auditor's search of the log (GET /audit/entries, newest first by id): by action and by who
-- acted, read from an index each instead of walking the log back from its newest entry (an action
-- prefix such as `record.` too: text_pattern_ops).
CREATE INDEX audit_log_event ON audit_log (event text_pattern_ops, id);
CREATE INDEX audit_log_actor ON audit_log (actor_login, id);
