import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { loadConfig } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { prepareDatabase } from '../../prepare.ts';
import { testDatabase } from '../../test/harness.ts';
import { certDb } from '../tables.ts';
import { type Scratch, scratchDir, tool } from '../testing/tools.ts';
import { createKeys, ensureOfficeKeys, listKeys, officeSigner, rotateOfficeKeys } from './key-store.ts';
import { parsePayload, signPayload, verifySignature } from './qr-payload.ts';
import { open, seal } from './secret-box.ts';

describe('private keys at rest', () => {
  it('open with the passphrase and key id they were sealed with, and with nothing else', async () => {
    const secret = Buffer.from('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
    const { box, salt } = await seal('correct horse', 'DU-03-00.q1', secret);
    expect(box.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    expect((await open('correct horse', 'DU-03-00.q1', box, salt)).equals(secret)).toBe(true);
    await expect(open('wrong horse', 'DU-03-00.q1', box, salt)).rejects.toMatchObject({
      key: 'problem.certificate.keysUnavailable',
    });
    // moved to another key's row: refused
    await expect(open('correct horse', 'DU-03-00.q2', box, salt)).rejects.toMatchObject({
      key: 'problem.certificate.keysUnavailable',
    });
    const altered = Buffer.from(box);
    altered[altered.length - 1]! ^= 1;
    await expect(open('correct horse', 'DU-03-00.q1', altered, salt)).rejects.toThrow();
  });
});

describe('the QR payload', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const claims = { r: randomUUID(), v: 2, c: 'I-ДУ 000123', k: 'DU-03-00.q1', d: '2025-06-01' };

  it('is short, signed, and reads back the same', () => {
    const payload = signPayload(claims, privateKey);
    expect(payload).toMatch(/^SABT1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(payload.length).toBeLessThan(260);
    const parsed = parsePayload(payload);
    expect(parsed.ok && parsed.claims).toEqual(claims);
    expect(parsed.ok && verifySignature(parsed, publicKey)).toBe(true);
    // the verification URL of the QR code carries it too
    const fromUrl = parsePayload(`https://sabt.tj/verify?c=${payload}&lang=ru`);
    expect(fromUrl.ok && verifySignature(fromUrl, publicKey)).toBe(true);
  });

  it('fails its signature when anything in it changes', () => {
    const payload = signPayload(claims, privateKey);
    const [prefix, body, sig] = payload.split('.') as [string, string, string];
    const otherNumber = Buffer.from(JSON.stringify({ ...claims, c: 'I-ДУ 000124' })).toString('base64url');
    for (const tampered of [
      `${prefix}.${otherNumber}.${sig}`,
      `${prefix}.${body}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`,
    ]) {
      const parsed = parsePayload(tampered);
      expect(parsed.ok && verifySignature(parsed, publicKey)).toBe(false);
    }
    const other = generateKeyPairSync('ed25519').publicKey;
    const parsed = parsePayload(payload);
    expect(parsed.ok && verifySignature(parsed, other)).toBe(false);
  });

  it('is refused unread when it is not one', () => {
    for (const bad of [
      '',
      'hello',
      'SABT2.e30.AAAA',
      'SABT1..',
      'SABT1.e30.AAAA',
      `SABT1.${'A'.repeat(2000)}.x`,
    ]) {
      expect(parsePayload(bad).ok).toBe(false);
    }
  });
});

describe('Sabt’s certificate authority', () => {
  let dbx: Db;
  let drop: () => Promise<void>;
  let scratch: Scratch;
  const config = loadConfig({ SABT_DATA_DIR: 'memory://' });

  beforeAll(async () => {
    ({ dbx, drop } = await testDatabase());
    await prepareDatabase(dbx.db);
    scratch = scratchDir();
  });
  afterAll(async () => {
    scratch?.remove();
    await drop?.();
  });

  it('makes a root and per office an X.509 certificate that openssl verifies against the root only', async () => {
    const res = await createKeys(dbx.db, config, { officeId: 'DU-03-00' });
    expect(res.created).toEqual(['root', 'DU-03-00']);
    expect(await ensureOfficeKeys(dbx.db, config, 'DU-03-00')).toBe(false);
    const keys = await listKeys(dbx.db);
    const root = keys.find((k) => k.purpose === 'root')!;
    const office = keys.find((k) => k.purpose === 'office-x509')!;
    const qr = keys.find((k) => k.purpose === 'office-qr')!;
    expect(office).toMatchObject({ office_id: 'DU-03-00', algorithm: 'RSA-2048', issuer_key_id: root.id });
    expect(qr).toMatchObject({
      office_id: 'DU-03-00',
      algorithm: 'Ed25519',
      status: 'active',
      valid_to: null,
    });

    const rootPem = scratch.file('root.pem', root.certificate_pem!);
    const officePem = scratch.file('office.pem', office.certificate_pem!);
    const ok = tool('openssl', ['verify', '-CAfile', rootPem, officePem]);
    expect(ok.output).toContain(': OK');
    expect(ok.status).toBe(0);
    expect(
      tool('openssl', ['x509', '-in', rootPem, '-noout', '-ext', 'basicConstraints,keyUsage']).output,
    ).toMatch(/CA:TRUE[\s\S]*Certificate Sign/);
    expect(tool('openssl', ['x509', '-in', officePem, '-noout', '-ext', 'keyUsage']).output).toMatch(
      /Digital Signature, Non Repudiation/,
    );

    // an impostor root with the very same name, and an office certificate it signed
    const fakeKey = scratch.path('fake-root.key');
    const fakeRoot = scratch.path('fake-root.pem');
    const subject = tool('openssl', ['x509', '-in', rootPem, '-noout', '-subject', '-nameopt', 'compat'])
      .output.replace(/^subject=\s*/, '')
      .trim();
    const made = tool('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      fakeKey,
      '-out',
      fakeRoot,
      '-days',
      '30',
      '-subj',
      subject,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign',
    ]);
    expect(made.status, made.output).toBe(0);
    const csrKey = scratch.path('fake-office.key');
    const csr = scratch.path('fake-office.csr');
    const fakeOffice = scratch.path('fake-office.pem');
    expect(
      tool('openssl', [
        'req',
        '-new',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        csrKey,
        '-out',
        csr,
        '-subj',
        '/C=TJ/O=Sabt civil registration/OU=DU-03-00/CN=Fake',
      ]).status,
    ).toBe(0);
    expect(
      tool('openssl', [
        'x509',
        '-req',
        '-in',
        csr,
        '-CA',
        fakeRoot,
        '-CAkey',
        fakeKey,
        '-CAcreateserial',
        '-out',
        fakeOffice,
        '-days',
        '30',
      ]).status,
    ).toBe(0);

    const forged = tool('openssl', ['verify', '-CAfile', rootPem, fakeOffice]);
    expect(forged.status).not.toBe(0);
    expect(forged.output).toMatch(/error/i);
    // and Sabt's office certificate does not chain to the impostor
    expect(tool('openssl', ['verify', '-CAfile', fakeRoot, officePem]).status).not.toBe(0);
  }, 120_000);

  it('keeps private keys encrypted, and refuses to open them with another passphrase', async () => {
    const rows = await certDb(dbx.db).selectFrom('signing_keys').select(['id', 'private_key']).execute();
    for (const r of rows) {
      expect(r.private_key.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
      expect(r.private_key.includes(Buffer.from('BEGIN'))).toBe(false);
    }
    const wrong = loadConfig({ SABT_DATA_DIR: 'memory://', SABT_KEY_PASSPHRASE: 'not the passphrase' });
    await expect(officeSigner(dbx.db, wrong, 'DU-03-00')).rejects.toMatchObject({
      kind: 'internal',
      key: 'problem.certificate.keysUnavailable',
    });
    const signer = await officeSigner(dbx.db, config, 'DU-03-00');
    expect(signer.qrKeyId).toBe('DU-03-00.q1');
    expect(signer.x509KeyId).toBe('DU-03-00.x1');
  });

  it('rotates an office: new keys active, the old retired but kept', async () => {
    const { retired, generation } = await rotateOfficeKeys(dbx.db, config, 'DU-03-00');
    expect(generation).toBe(2);
    expect(retired.sort()).toEqual(['DU-03-00.q1', 'DU-03-00.x1']);
    const keys = await listKeys(dbx.db);
    expect(keys.filter((k) => k.office_id === 'DU-03-00').map((k) => [k.id, k.status])).toEqual(
      expect.arrayContaining([
        ['DU-03-00.q1', 'retired'],
        ['DU-03-00.x1', 'retired'],
        ['DU-03-00.q2', 'active'],
        ['DU-03-00.x2', 'active'],
      ]),
    );
    expect(keys.find((k) => k.id === 'DU-03-00.q1')?.valid_to).not.toBeNull();
    expect((await officeSigner(dbx.db, config, 'DU-03-00')).qrKeyId).toBe('DU-03-00.q2');
  });
});

describe('sabt keys (command line)', () => {
  it('creates, lists and rotates keys', async () => {
    if (process.env.SABT_TEST_DATABASE_URL) return; // the command runs on its own PGlite directory here
    const scratch = scratchDir();
    const env = { ...process.env };
    process.env.SABT_DATA_DIR = scratch.path('data');
    delete process.env.DATABASE_URL;
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')));
    try {
      expect(await main(['keys', 'create', '--office', 'DU-03-00'])).toBe(0);
      expect(lines.at(-1)).toMatch(/root CA: root-1; keys created for: root, DU-03-00/);
      expect(await main(['keys', 'rotate', '--office', 'DU-03-00'])).toBe(0);
      expect(lines.at(-1)).toMatch(
        /generation 2.*retired: DU-03-00\.x1, DU-03-00\.q1|generation 2.*retired: DU-03-00\.q1, DU-03-00\.x1/,
      );
      lines.length = 0;
      expect(await main(['keys', 'list'])).toBe(0);
      expect(lines.join('\n')).toMatch(/root-1\s+root\s+—\s+RSA-3072\s+active/);
      expect(lines.join('\n')).toMatch(/DU-03-00\.q1\s+office-qr\s+DU-03-00\s+Ed25519\s+retired/);
      expect(lines.join('\n')).toMatch(/DU-03-00\.q2\s+office-qr\s+DU-03-00\s+Ed25519\s+active/);
      expect(await main(['keys', 'rotate'])).toBe(2);
    } finally {
      log.mockRestore();
      process.env = env;
      scratch.remove();
    }
  }, 120_000);
});
