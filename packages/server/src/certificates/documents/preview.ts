/**
 * Writes every document, in both modes, and a printer test page per blank, as PDF and PNG, to
 * look at: `node packages/server/src/certificates/documents/preview.ts [dir]`
 * (default /tmp/cert-shots; PNGs need pdftoppm, see scripts/install-tools.sh).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind } from '../types.ts';
import { renderCalibrationPage } from './calibration-page.ts';
import { LAYOUTS } from './layouts/index.ts';
import { renderCertificate } from './render.ts';
import { sampleInput } from './test-fixtures.ts';

const dir = process.argv[2] ?? '/tmp/cert-shots';
mkdirSync(dir, { recursive: true });

function write(name: string, pdf: Buffer): void {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  try {
    execFileSync('pdftoppm', ['-r', '100', '-png', path, join(dir, name)]);
  } catch {
    // No poppler: the PDFs are there all the same.
  }
}

for (const document of Object.keys(LAYOUTS) as DocumentKind[]) {
  for (const mode of ['full', 'overlay'] as const) {
    write(`${document}-${mode}`, await renderCertificate(sampleInput(document, { mode })));
  }
  write(`${document}-calibration`, await renderCalibrationPage(document, { dxMm: 0, dyMm: 0 }));
}
write(
  'BIRTH_CERTIFICATE-repeat',
  await renderCertificate(sampleInput('BIRTH_CERTIFICATE', { certificate: { issue: 'repeat' } })),
);
console.log(`written to ${dir}`);
