/**
 * Certificates and their blanks. The app composes `CertificatesSection` into the record screen;
 * the blanks screen (`/blanks`) and the printer calibration (`/printer`) are routes of their own.
 */
export type { CertificateRecord } from './api/certificates.ts';
export { CertificatesSection } from './components/certificates-section.tsx';
