-- A divorce gives each former spouse a certificate of their own: which party a certificate was
-- issued to, so that the wife's first certificate is not taken for a repeat of the husband's.
ALTER TABLE certificates ADD COLUMN holder text CHECK (holder IN ('husband', 'wife'));
