-- Measured at a million records (bench/README.md): name look-ups and duplicate checks narrow by
-- the date of birth, and the loose given-name key is searched on its own.
CREATE INDEX record_persons_name_birth ON record_persons (name_key, birth_date);
CREATE INDEX record_persons_name_loose_birth ON record_persons (name_loose, birth_date);
CREATE INDEX record_persons_birth_date ON record_persons (birth_date);
