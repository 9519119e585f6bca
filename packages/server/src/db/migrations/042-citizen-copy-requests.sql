-- Online requests for a repeat certificate or an extract (citizen_applications of kind CERT_REPEAT
-- or EXTRACT, core portal/copy-requests.ts): the clerk links the registered record they found. A
-- record may be asked for again and again, so a record is one act application's own (the record
-- made of it) but may be linked by any number of copy requests over time.
ALTER TABLE citizen_applications DROP CONSTRAINT citizen_applications_record_id_key;
CREATE UNIQUE INDEX citizen_applications_record ON citizen_applications (record_id)
  WHERE kind NOT IN ('CERT_REPEAT', 'EXTRACT');
CREATE INDEX citizen_applications_copies ON citizen_applications (record_id)
  WHERE kind IN ('CERT_REPEAT', 'EXTRACT');
-- when the clerk accepted it (made or linked its record): a copy request is ready for collection
-- once a certificate (or an extract) of its record is printed after that
ALTER TABLE citizen_applications ADD COLUMN accepted_at timestamptz;
UPDATE citizen_applications SET accepted_at = updated_at WHERE status = 'accepted';
ALTER TABLE citizen_applications ADD CHECK ((status = 'accepted') = (accepted_at IS NOT NULL));
