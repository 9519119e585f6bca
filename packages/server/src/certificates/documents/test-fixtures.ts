import {
  adoptionKind,
  birthKind,
  deathKind,
  divorceKind,
  formatVerifyCode,
  marriageKind,
  nameChangeKind,
  paternityKind,
} from '@sabt/core';
import type { CertificateRenderInput, DocumentKind } from '../types.ts';

/** Render inputs built from the act kinds' own example data, for tests and for looking at. */

export const STILLBIRTH_EXAMPLE = {
  ...birthKind.example,
  child: { ...birthKind.example.child, liveBorn: false },
};

/** The record kind and example data each document is made from. */
export const DOCUMENT_EXAMPLES: Record<DocumentKind, { kind: string; data: unknown }> = {
  BIRTH_CERTIFICATE: { kind: 'BIRTH', data: birthKind.example },
  DEATH_CERTIFICATE: { kind: 'DEATH', data: deathKind.example },
  MARRIAGE_CERTIFICATE: { kind: 'MARRIAGE', data: marriageKind.example },
  DIVORCE_CERTIFICATE: { kind: 'DIVORCE', data: divorceKind.example },
  ADOPTION_CERTIFICATE: { kind: 'ADOPTION', data: adoptionKind.example },
  PATERNITY_CERTIFICATE: { kind: 'PATERNITY', data: paternityKind.example },
  NAME_CHANGE_CERTIFICATE: { kind: 'NAME_CHANGE', data: nameChangeKind.example },
  STILLBIRTH_REFERENCE: { kind: 'BIRTH', data: STILLBIRTH_EXAMPLE },
  ARCHIVE_EXTRACT: { kind: 'BIRTH', data: birthKind.example },
};

/** A verification code as issuing draws it (nine random characters and the check character). */
export const SAMPLE_VERIFY_CODE = '7KQ2MX9D4G';

/** A signed payload of realistic length (the issuing side signs with Ed25519: ~64-byte signature). */
export const SAMPLE_QR =
  'SABT1.eyJ2IjoxLCJjIjoiSS3QlNCjLTAwMDEyMyIsInIiOiIxMTAzMDAzMjAyNTAwMDAxNzgiLCJrIjoiQklSVEgiLCJpIjoiMjAyNS0wMy0yMCIsImgiOiI3ZjNhOWMxZTBiMmQ0ZjZhOGM5ZTFiM2Q1ZjdhOWMxZSJ9.' +
  'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNA';

export function sampleInput(
  document: DocumentKind,
  overrides: Partial<Omit<CertificateRenderInput, 'record' | 'certificate'>> & {
    record?: Partial<CertificateRenderInput['record']>;
    certificate?: Partial<CertificateRenderInput['certificate']>;
  } = {},
): CertificateRenderInput {
  const example = DOCUMENT_EXAMPLES[document];
  const { record, certificate, ...rest } = overrides;
  return {
    document,
    mode: 'full',
    calibration: { dxMm: 0, dyMm: 0 },
    office: {
      id: 'DU-03-00',
      nameTg: 'Шуъбаи САҲШ — Фирдавсӣ',
      nameRu: 'Отдел ЗАГС — р-н Фирдавси',
      officialNameTg: 'Шуъбаи сабти асноди ҳолати шаҳрвандии ноҳияи Фирдавсӣ, шаҳри Душанбе',
    },
    qr: SAMPLE_QR,
    verifyUrl: `https://sabt.tj/verify/${formatVerifyCode(SAMPLE_VERIFY_CODE)}`,
    verifyCode: SAMPLE_VERIFY_CODE,
    ...rest,
    record: {
      id: '0b6c7a51-6a0e-4a7c-9d1e-2f3a4b5c6d7e',
      kind: example.kind,
      data: example.data,
      version: 1,
      number: 17,
      registeredOn: '2025-03-20',
      nationalId: '110300320250000178',
      ...record,
    },
    certificate: {
      series: 'I-ДУ',
      number: '000123',
      issuedOn: '2025-03-20',
      signatory: { title: 'Сардори шуъбаи САҲШ', fullName: 'Саидзода Зарина Ҳасановна' },
      issue: 'first',
      ...certificate,
    },
  };
}
