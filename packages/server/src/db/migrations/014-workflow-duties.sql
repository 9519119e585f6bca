-- Workflow duties (issue 14): a draft may be cancelled — withdrawn with a reason, never deleted —
-- so `cancelled` joins the statuses a record may have. Its history stays in record_actions.
ALTER TABLE records DROP CONSTRAINT records_status_check;
ALTER TABLE records ADD CONSTRAINT records_status_check
  CHECK (status IN ('draft', 'submitted', 'validated', 'registered', 'annulled', 'cancelled'));

