-- A search with a date of birth reads everyone born that day (about a thousand people in a national
-- registry) and filters them on their stored keys. With the keys carried in the date index, that read
-- touches a few index pages instead of a thousand table rows scattered across the disk; the full rows
-- are then fetched only for the few that fit.
DROP INDEX IF EXISTS record_persons_birth_date;
CREATE INDEX record_persons_birth_keys ON record_persons (birth_date)
  INCLUDE (sealed, surname_key, name_key, patronymic_key, surname_loose, name_loose, surname_stem, record_id, id);
