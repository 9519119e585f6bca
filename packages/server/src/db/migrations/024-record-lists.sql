-- Lists and counts that do not grow with the registry (queries/records.ts, queries/record-counts.ts).

-- How many records each office holds per act kind and status (flag ''), and how many of those carry
-- each flag. Kept by the triggers below in the transaction that inserts, changes or deletes a
-- record, whatever code path does it; a list's total and the queue counts are sums of these rows
-- over a jurisdiction (the office path prefix). `sabt records recount` rebuilds them from the records.
CREATE TABLE record_counts (
  office_id text NOT NULL,
  office_path text NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  flag text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (office_id, kind, status, flag)
);

-- Rows are applied in key order, so two transactions never wait on each other's rows in a cycle.
CREATE FUNCTION sabt_record_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_counts AS c (office_id, office_path, kind, status, flag, n)
  SELECT r.office_id, min(r.office_path), r.kind, r.status, f.flag, count(*)
    FROM new_rows r
    CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY['']::text[] || r.flags) x) f(flag)
   GROUP BY r.office_id, r.kind, r.status, f.flag
   ORDER BY r.office_id, r.kind, r.status, f.flag
  ON CONFLICT (office_id, kind, status, flag) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;

CREATE FUNCTION sabt_record_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_counts AS c (office_id, office_path, kind, status, flag, n)
  SELECT r.office_id, min(r.office_path), r.kind, r.status, f.flag, -count(*)
    FROM old_rows r
    CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY['']::text[] || r.flags) x) f(flag)
   GROUP BY r.office_id, r.kind, r.status, f.flag
   ORDER BY r.office_id, r.kind, r.status, f.flag
  ON CONFLICT (office_id, kind, status, flag) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;

-- A changed record: one less where it was, one more where it is (only the rows that differ).
CREATE FUNCTION sabt_record_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_counts AS c (office_id, office_path, kind, status, flag, n)
  SELECT d.office_id, min(d.office_path), d.kind, d.status, d.flag, sum(d.n)
    FROM (
      SELECT OLD.office_id AS office_id, OLD.office_path AS office_path, OLD.kind AS kind,
             OLD.status AS status, f.flag, -1 AS n
        FROM (SELECT DISTINCT x FROM unnest(ARRAY['']::text[] || OLD.flags) x) f(flag)
      UNION ALL
      SELECT NEW.office_id, NEW.office_path, NEW.kind, NEW.status, f.flag, 1
        FROM (SELECT DISTINCT x FROM unnest(ARRAY['']::text[] || NEW.flags) x) f(flag)
    ) d
   GROUP BY d.office_id, d.kind, d.status, d.flag
  HAVING sum(d.n) <> 0
   ORDER BY d.office_id, d.kind, d.status, d.flag
  ON CONFLICT (office_id, kind, status, flag) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END;
$$;

CREATE FUNCTION sabt_record_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM record_counts;
  RETURN NULL;
END;
$$;

CREATE TRIGGER records_counts_insert AFTER INSERT ON records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sabt_record_counts_insert();
CREATE TRIGGER records_counts_delete AFTER DELETE ON records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sabt_record_counts_delete();
CREATE TRIGGER records_counts_update AFTER UPDATE ON records
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.flags IS DISTINCT FROM NEW.flags
        OR OLD.office_id IS DISTINCT FROM NEW.office_id OR OLD.office_path IS DISTINCT FROM NEW.office_path
        OR OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION sabt_record_counts_update();
CREATE TRIGGER records_counts_truncate AFTER TRUNCATE ON records
  FOR EACH STATEMENT EXECUTE FUNCTION sabt_record_counts_truncate();

-- The records there are now.
INSERT INTO record_counts (office_id, office_path, kind, status, flag, n)
SELECT r.office_id, min(r.office_path), r.kind, r.status, f.flag, count(*)
  FROM records r
  CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY['']::text[] || r.flags) x) f(flag)
 GROUP BY r.office_id, r.kind, r.status, f.flag;

-- Keyset pages: each list's order (sort column, then id) within a status, walked from where the
-- last page ended. The office path rides along, so that a jurisdiction's page ids and the stale
-- drafts' count are read from the index alone (the records of other offices skipped unread).
CREATE INDEX records_list_status_updated ON records (status, updated_at, id) INCLUDE (office_path);
CREATE INDEX records_list_status_created ON records (status, created_at, id) INCLUDE (office_path);
CREATE INDEX records_list_status_number ON records (status, (coalesce(number, 2147483647)), id)
  INCLUDE (office_path);
-- one office's records in order (an office filter, a jamoat's or a mobile office's jurisdiction)
DROP INDEX records_office_status;
CREATE INDEX records_office_status ON records (office_id, status, updated_at, id);
-- a jurisdiction's records of any status in order
CREATE INDEX records_list_updated ON records (updated_at, id);
-- the flag queues (rejected, possible duplicates, amendments asked, self-registered)
CREATE INDEX records_flags ON records USING gin (flags);
