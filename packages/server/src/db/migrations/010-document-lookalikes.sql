-- Document numbers are stored with look-alike Cyrillic capitals read as Latin (normalizeDocumentNumber
-- in core), so that a series typed on either keyboard finds the same record. Only rows holding such a
-- letter change.
UPDATE records
SET documents = ARRAY(
  SELECT DISTINCT translate(d, 'АВЕКМНОРСТУХ', 'ABEKMHOPCTYX') FROM unnest(documents) AS d ORDER BY 1
)
WHERE array_to_string(documents, ' ') ~ '[АВЕКМНОРСТУХ]';
