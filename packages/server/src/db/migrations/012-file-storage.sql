-- File storage: files (certificate PDFs, receipts, scans, attachments, reports) live in a
-- content-addressed store (a directory or an S3 bucket, see server/src/storage/), named by the
-- SHA-256 of their bytes. A row here says the store holds that file; a row that names a file
-- references it. The file is written before the transaction that inserts these rows, so a row
-- never names a file that is not there; a rolled-back transaction may leave a file no row names.
CREATE TABLE stored_files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  -- read from the content (magic numbers), not from a file name or a declared type
  content_type text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('certificate', 'receipt', 'scan', 'attachment', 'report')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Certificate PDFs move out of the database into the store: a new certificate names its PDF by
-- pdf_sha256 and keeps no bytes. The PDFs of certificates issued before are moved by a data step
-- after the migrations (server/src/certificates/pdf-files.ts), which clears `pdf` batch by batch;
-- until then their rows name no stored file, so the reference is checked for new rows only
-- (NOT VALID) and validated once every PDF has moved.
ALTER TABLE certificates ALTER COLUMN pdf DROP NOT NULL;
ALTER TABLE certificates
  ADD CONSTRAINT certificates_pdf_file FOREIGN KEY (pdf_sha256) REFERENCES stored_files (sha256) NOT VALID;
-- the certificates whose PDF is still in the database: what the data step has left to move
CREATE INDEX certificates_pdf_in_database ON certificates (id) WHERE pdf IS NOT NULL;
