-- A name search without a date of birth reads the people whose surname, given name and patronymic
-- keys all equal the asked ones, then those with that surname and given name recorded without a
-- patronymic: one composite index answers both, so namesakes of a common surname and given name are
-- narrowed by the patronymic in the index, before any limit. Its first two columns serve every
-- lookup the (surname_loose, name_loose) index served, which therefore goes.
CREATE INDEX record_persons_full_name ON record_persons (surname_loose, name_loose, patronymic_key);
DROP INDEX IF EXISTS record_persons_loose;
