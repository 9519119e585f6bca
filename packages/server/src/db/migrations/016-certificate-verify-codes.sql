-- A certificate's verification code (core numbering/verify-code.ts): ten characters of Crockford's
-- base 32, printed under the QR code so that anyone can check the certificate without a scanner;
-- nine random characters and a check character. Certificates issued before this migration get a
-- code derived from their id and QR payload (SHA-256), with the same check character; a clash is
-- drawn again with the next salt. And an index for a check by blank series, number and date of
-- issue: the date and the number without its leading zeros.
ALTER TABLE certificates ADD COLUMN verify_code text;

CREATE FUNCTION sabt_verify_code(seed bytea) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (get_byte(h, i) & 31) + 1, 1), '' ORDER BY i)
    || substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (sum((2 * i + 1) * (get_byte(h, i) & 31)) % 32)::int + 1, 1)
  FROM (SELECT sha256(seed) AS h) AS s, generate_series(0, 8) AS i
$$;

DO $$
DECLARE
  salt integer := 0;
BEGIN
  UPDATE certificates SET verify_code = sabt_verify_code(convert_to(id::text || qr_payload, 'UTF8'));
  LOOP
    EXIT WHEN NOT EXISTS (
      SELECT verify_code FROM certificates GROUP BY verify_code HAVING count(*) > 1
    );
    salt := salt + 1;
    UPDATE certificates c SET verify_code = sabt_verify_code(convert_to(c.id::text || c.qr_payload || salt::text, 'UTF8'))
    WHERE c.id IN (
      SELECT id FROM (
        SELECT id, row_number() OVER (PARTITION BY verify_code ORDER BY issued_at, id) AS n FROM certificates
      ) AS d WHERE d.n > 1
    );
  END LOOP;
END
$$;

DROP FUNCTION sabt_verify_code(bytea);

ALTER TABLE certificates ALTER COLUMN verify_code SET NOT NULL;
CREATE UNIQUE INDEX certificates_verify_code ON certificates (verify_code);
CREATE INDEX certificates_issued_number ON certificates (issued_on, ltrim(number, '0'));
