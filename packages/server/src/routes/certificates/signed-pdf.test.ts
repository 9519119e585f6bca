import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveBlanks, registeredBirth, type Staff } from '../../certificates/testing/fixtures.ts';
import {
  fetchBytes,
  pdfsigVerdict,
  type Scratch,
  scratchDir,
  tool,
} from '../../certificates/testing/tools.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

/** The signed PDF as a relying party checks it: pdfsig, openssl cms, qpdf; and what tampering does. */

let t: TestApp;
let scratch: Scratch;
let pdf: Buffer;
let path: string;

beforeAll(async () => {
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  const staff: Staff = { front, back, registrar };
  await receiveBlanks(await t.as('head'), { from: '000001', to: '000005' });
  const rec = await registeredBirth(staff);
  const cert = await front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
  expect(cert.status).toBe(201);
  pdf = (await fetchBytes(t, 'front', cert.body.pdf)).body;
  scratch = scratchDir();
  path = scratch.file('signed.pdf', pdf);
});
afterAll(async () => {
  scratch?.remove();
  await t?.close();
});

/** The signed byte ranges and the PKCS#7 from /Contents. */
function signatureParts(bytes: Buffer) {
  const all = [...bytes.toString('latin1').matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g)];
  const [a, b, c, d] = all.at(-1)!.slice(1).map(Number) as [number, number, number, number];
  const raw = Buffer.from(bytes.subarray(b + 1, c - 1).toString('latin1'), 'hex');
  // the DER length (30 82 hi lo) tells where the signature ends and the zero padding begins
  expect(raw[0]).toBe(0x30);
  expect(raw[1]).toBe(0x82);
  const der = raw.subarray(0, 4 + raw.readUInt16BE(2));
  return {
    ranges: [a, b, c, d] as const,
    signed: Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]),
    der,
  };
}

describe('a certificate PDF', () => {
  it('carries a valid signature over the whole file, by the office certificate', () => {
    const out = tool('pdfsig', [path]).output;
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toMatch(/Signer full Distinguished Name: .*OU=DU-03-00/);
    expect(out).toContain('SHA-256');
    expect(tool('qpdf', ['--check', path]).status).toBe(0);
  });

  it('is a detached PKCS#7 that openssl verifies against Sabt’s root', async () => {
    const { signed, der } = signatureParts(pdf);
    const keys = (await t.anonymous().get('/api/v1/keys')).body;
    const root = scratch.file('root.pem', keys.root[0].certificatePem);
    const sig = scratch.file('sig.der', der);
    const content = scratch.file('content.bin', signed);
    const res = tool('openssl', [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sig,
      '-content',
      content,
      '-CAfile',
      root,
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ]);
    expect(res.output).toContain('Verification successful');
    // the certificates inside are the office's and the root
    const certs = tool('openssl', ['pkcs7', '-inform', 'DER', '-in', sig, '-print_certs', '-noout']).output;
    expect(certs).toMatch(/subject=.*OU ?= ?DU-03-00/);
    expect(certs).toMatch(/subject=.*CN ?= ?Sabt Root CA 1/);
  });

  it('fails pdfsig when one signed byte changes, before or after the signature', () => {
    const { ranges } = signatureParts(pdf);
    for (const at of [Math.floor(ranges[1] / 2), ranges[2] + 10]) {
      const tampered = Buffer.from(pdf);
      tampered[at] = tampered[at]! ^ 0x01;
      const verdict = pdfsigVerdict(scratch.file(`byte-${at}.pdf`, tampered));
      expect(verdict).not.toBe('Signature is Valid.');
      expect(verdict).toMatch(/Digest Mismatch|Invalid/);
    }
  });

  it('fails pdfsig when its text is changed with qpdf', () => {
    const qdf = scratch.path('qdf.pdf');
    expect(tool('qpdf', ['--qdf', '--object-streams=disable', path, qdf]).status).toBeLessThan(3);
    const text = readFileSync(qdf).toString('latin1');
    // pdfkit writes text as hex glyph ids: swap the first two glyphs of the first text run
    const run = /\[<([0-9a-f]{8,})> 0\] TJ/.exec(text);
    expect(run).not.toBeNull();
    const hex = run![1]!;
    const swapped = hex.slice(4, 8) + hex.slice(0, 4) + hex.slice(8);
    expect(swapped).not.toBe(hex);
    const edited = text.replace(run![0], `[<${swapped}> 0] TJ`);
    const editedPath = scratch.file('edited-qdf.pdf', Buffer.from(edited, 'latin1'));
    const rewritten = scratch.path('edited.pdf');
    expect(tool('qpdf', [editedPath, rewritten]).status).toBeLessThan(3);
    const before = tool('pdftotext', [path, '-']).output;
    const after = tool('pdftotext', [rewritten, '-']).output;
    expect(after).not.toBe(before);
    const verdict = pdfsigVerdict(rewritten);
    expect(verdict).not.toBe('Signature is Valid.');
  });
});
