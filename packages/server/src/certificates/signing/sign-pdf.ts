import { SignPdf } from '@signpdf/signpdf';
import type { OfficeSigner } from '../keys/key-store.ts';
import { P12PdfSigner } from './p12-signer.ts';
import { addSignaturePlaceholder } from './pdf-placeholder.ts';

/** The PKCS#12 of each opened office key, parsed once. */
const opened = new WeakMap<OfficeSigner, P12PdfSigner>();

/**
 * Signs a rendered PDF with the office's X.509 key: an incremental update with a signature field,
 * then a detached PKCS#7 (SHA-256, the office certificate and the root in the chain) over the
 * whole file except the signature itself. Any later change of a signed byte breaks it.
 */
export async function signPdf(
  pdf: Buffer,
  signer: OfficeSigner,
  meta: { reason: string; location: string; name: string; signingTime: Date },
): Promise<Buffer> {
  const prepared = addSignaturePlaceholder(pdf, { ...meta, contactInfo: 'Sabt' });
  let pdfSigner = opened.get(signer);
  if (!pdfSigner) {
    pdfSigner = new P12PdfSigner(signer.p12, signer.p12Passphrase);
    opened.set(signer, pdfSigner);
  }
  return new SignPdf().sign(prepared, pdfSigner, meta.signingTime);
}
