import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { maskedFields } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// the checker an inspector runs outside Sabt, exactly as shipped
import { checkExport, lineHash } from '../../../../../scripts/check-audit-export.mjs';
import { anchorAudit } from '../../audit/anchor.ts';
import { auditVerifyCommand } from '../../audit/cli.ts';
import { sequenceAudit } from '../../audit/sequencer.ts';
import { auditChainStatus } from '../../audit/status.ts';
import { birthData } from '../../test/fixtures.ts';
import {
  type Client,
  type Response,
  signInWithCode,
  startTestApp,
  type TestApp,
} from '../../test/harness.ts';
import { registerThrough, show, type Workflow } from '../../test/workflow.ts';

/**
 * The auditor's view of the audit log: who may read it, its filters and pages, the chain's status,
 * the exports and an inspector's check of an exported range.
 */
const E = '/api/v1/audit/entries';
const SCRIPT = path.resolve(import.meta.dirname, '../../../../../scripts/check-audit-export.mjs');

interface Entry {
  id: number;
  seq: number | null;
  event: string;
  recordId: string | null;
  actor: { login: string | null; name: string | null } | null;
  office: { id: string } | null;
  detail: Record<string, unknown>;
  chain: string;
  hash: string | null;
}

let t: TestApp;
let w: Workflow;
let auditor: Client;
let admin: Client;
let record: { id: string; nationalId: string | null; number: number; year: number };
let dir: string;

const items = (res: Response) => res.body.items as Entry[];
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: t.config.timeZone });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sabt-audit-view-'));
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  w = { front, back, registrar };
  const data = birthData();
  data.mother.idDocument = { type: 'PASSPORT', series: 'A', number: '55501234' };
  record = await registerThrough(w, 'BIRTH', data);
  await registerThrough(w, 'BIRTH', birthData());
  // a search by a document number: its entry holds the number it looked for
  expect((await front.get('/api/v1/search?document=A55501234')).status).toBe(200);
  [auditor, admin] = await Promise.all([t.as('auditor'), t.as('admin')]);
  await sequenceAudit(t.dbx.db);
}, 300_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('who reads the audit log', () => {
  it('the auditor and the central administrator; no other role, and no one signed out', async () => {
    for (const c of [auditor, admin]) {
      expect((await c.get(E)).status).toBe(200);
      expect((await c.get('/api/v1/audit/status')).status).toBe(200);
      expect((await c.get('/api/v1/audit/export?format=csv')).status).toBe(200);
    }
    for (const login of ['front', 'registrar', 'head', 'archivist', 'statistician']) {
      const c = await t.as(login);
      for (const url of [E, '/api/v1/audit/status', '/api/v1/audit/export?format=jsonl']) {
        const res = await c.get(url);
        expect(res.status, `${login} ${url}`).toBe(403);
        expect(res.body.key).toBe('problem.read.audit');
      }
    }
    expect((await t.anonymous().get(E)).status).toBe(401);
  });

  it('reading it is audited: the query and the entries shown', async () => {
    const res = await auditor.get(`${E}?event=record.register`);
    expect(res.status).toBe(200);
    await sequenceAudit(t.dbx.db);
    const read = items(await admin.get(`${E}?event=audit.search&actor=auditor`))[0]!;
    expect(read.actor?.login).toBe('auditor');
    expect(read.detail.query).toMatchObject({ event: 'record.register' });
    expect(read.detail.entries).toEqual(items(res).map((e) => e.id));
  });
});

describe('searching the log', () => {
  it('by the person who acted: a login or a part of their name', async () => {
    const byLogin = items(await auditor.get(`${E}?actor=registrar&limit=200`));
    expect(byLogin.length).toBeGreaterThan(0);
    expect(new Set(byLogin.map((e) => e.actor?.login))).toEqual(new Set(['registrar']));
    expect(byLogin.map((e) => e.event)).toContain('record.register');
    const byName = items(await auditor.get(`${E}?actor=${encodeURIComponent('қодиров')}&limit=200`));
    expect(byName.map((e) => e.id)).toEqual(byLogin.map((e) => e.id));
    expect(byName[0]!.actor?.name).toBe('Шералӣ Қодиров');
  });

  it('by the record a person is named in: its id, its national id, its act number', async () => {
    const byId = items(await auditor.get(`${E}?recordId=${record.id}&limit=200`));
    expect(new Set(byId.map((e) => e.recordId))).toEqual(new Set([record.id]));
    expect(byId.map((e) => e.event)).toEqual(
      expect.arrayContaining(['record.create', 'record.submit', 'record.validate', 'record.register']),
    );
    expect(record.nationalId).toBeTruthy();
    const byNationalId = items(await auditor.get(`${E}?nationalId=${record.nationalId}&limit=200`));
    expect(byNationalId.map((e) => e.id)).toEqual(byId.map((e) => e.id));
    const byNumber = items(
      await auditor.get(`${E}?actNumber=${record.number}&year=${record.year}&kind=BIRTH&limit=200`),
    );
    expect(byNumber.map((e) => e.id)).toEqual(byId.map((e) => e.id));
  });

  it('by event, exact or by a prefix, by office with the offices below, by period', async () => {
    const registered = items(await auditor.get(`${E}?event=record.register`));
    expect(registered.length).toBe(2);
    const records = items(await auditor.get(`${E}?event=record.&limit=200`));
    expect(records.every((e) => e.event.startsWith('record.'))).toBe(true);
    expect(records.length).toBeGreaterThan(registered.length);
    const inOffice = items(await auditor.get(`${E}?office=DU-03-00&event=record.register`));
    expect(inOffice.map((e) => e.office?.id)).toEqual(['DU-03-00', 'DU-03-00']);
    // the parent of the district holds it; another district's subtree does not
    const dushanbe = await t.dbx.db
      .selectFrom('offices')
      .select('parent_id')
      .where('id', '=', 'DU-03-00')
      .executeTakeFirstOrThrow();
    expect(items(await admin.get(`${E}?office=${dushanbe.parent_id}&event=record.register`)).length).toBe(2);
    expect(items(await auditor.get(`${E}?office=RA-13-00&event=record.register`))).toEqual([]);
    const day = today();
    expect(items(await auditor.get(`${E}?from=${day}&to=${day}&event=record.register`)).length).toBe(2);
    expect(items(await auditor.get(`${E}?to=2020-01-01&event=record.register`))).toEqual([]);
    expect(items(await auditor.get(`${E}?from=2999-01-01`))).toEqual([]);
  });

  it('refuses what is not a filter, in the reader’s language', async () => {
    const bad = await auditor.get(`${E}?recordId=nope`, { 'accept-language': 'ru' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ key: 'error.uuid' });
    expect((await auditor.get(`${E}?colour=red`)).status).toBe(400);
    const page = await auditor.get(`${E}?page=not-a-token`);
    expect(page.status).toBe(400);
    expect(page.body.errors[0]).toMatchObject({ path: 'page', key: 'error.pageToken' });
  });

  it('pages newest first by its tokens, every entry once', async () => {
    const all = items(await auditor.get(`${E}?event=record.&limit=200`));
    const seen: Entry[] = [];
    let next: string | null = null;
    do {
      const res: Response = await auditor.get(
        `${E}?event=record.&limit=3${next ? `&page=${encodeURIComponent(next)}` : ''}`,
      );
      expect(res.status, show(res)).toBe(200);
      expect(items(res).length).toBeLessThanOrEqual(3);
      seen.push(...items(res));
      next = res.body.next;
    } while (next);
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const ids = seen.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('shows each entry with its chain state and its detail as the read matrix says (nothing masked for an auditor)', async () => {
    expect(maskedFields('auditor')).toEqual([]);
    const search = items(await auditor.get(`${E}?event=search&actor=front`))[0]!;
    expect(search.chain).toBe('chained');
    expect(search.seq).toBeGreaterThan(0);
    expect(search.hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await t.dbx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('id', '=', search.id)
      .executeTakeFirstOrThrow();
    expect(search.detail).toEqual(stored.detail);
    expect(JSON.stringify(search.detail)).toContain('A55501234');
  });
});

describe('exports for an inspection', () => {
  it('CSV opens in Excel: UTF-8 with a byte order mark, a header, a quoted row per entry', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/export?format=csv&event=record.register',
      headers: { cookie: await cookieOf('auditor'), 'accept-language': 'ru' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sabt-audit-.*\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'seq,id,at,actor_login,actor_name,office_id,office,event,record_id,chain,detail,prev_hash,hash',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"registrar","Шералӣ Қодиров","DU-03-00"');
    expect(lines[1]).toContain('"record.register"');
  });

  it('JSON Lines check outside Sabt, and the check fails when one exported line is altered', async () => {
    await sequenceAudit(t.dbx.db);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/export?format=jsonl&from=${today()}`,
      headers: { cookie: await cookieOf('admin') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = res.body.trim().split('\n');
    expect(lines.length).toBeGreaterThan(20);
    const checked = checkExport(res.body);
    expect(checked.problems).toEqual([]);
    expect(checked.checked).toBeGreaterThan(20);
    const file = path.join(dir, 'export.jsonl');
    writeFileSync(file, res.body);
    const ok = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
    expect(ok.stdout).toMatch(/^intact: \d+ entries checked/m);
    expect(ok.status).toBe(0);

    // one line altered: a register entry made to name someone else as its actor
    const i = lines.findIndex((l) => JSON.parse(l).event === 'record.register');
    const altered = JSON.parse(lines[i]!);
    altered.actor_login = 'someone-else';
    const tampered = [...lines.slice(0, i), JSON.stringify(altered), ...lines.slice(i + 1)].join('\n');
    expect(checkExport(tampered).problems).toEqual([
      `line ${i + 1} (entry ${altered.seq}): its hash does not match its content`,
    ]);
    writeFileSync(file, tampered);
    const bad = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
    expect(bad.stdout).toContain('NOT INTACT');
    expect(bad.status).toBe(1);

    // the altered line given a hash of its own still breaks the link to the entry after it
    const rehashed = { ...altered, hash: lineHash(altered) };
    const relinked = [...lines.slice(0, i), JSON.stringify(rehashed), ...lines.slice(i + 1)].join('\n');
    expect(checkExport(relinked).problems).toEqual([
      `entry ${altered.seq + 1} does not follow entry ${altered.seq}`,
    ]);
  });

  it('is audited as a read', async () => {
    await sequenceAudit(t.dbx.db);
    const exports = items(await admin.get(`${E}?event=audit.export`));
    expect(exports.map((e) => e.actor?.login)).toEqual(expect.arrayContaining(['auditor', 'admin']));
    expect(exports[0]!.detail.query).toMatchObject({ format: 'jsonl' });
  });
});

describe("the chain's status", () => {
  it('verifies from the last anchor to the head, shows the anchor and the last full walk', async () => {
    await sequenceAudit(t.dbx.db);
    const before = await auditor.get('/api/v1/audit/status');
    expect(before.status, show(before)).toBe(200);
    expect(before.body).toMatchObject({ ok: true, anchor: null, lastFullWalk: null, findings: [] });
    expect(before.body.verified).toMatchObject({ from: 0, complete: true, ok: true });
    expect(before.body.verified.to).toBe(before.body.head.seq);

    const { anchor } = await anchorAudit(t.dbx.db, t.config);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await auditVerifyCommand(t.dbx.db, t.config, {})).toBe(0);
    log.mockRestore();
    await registerThrough(w, 'BIRTH', birthData());
    await sequenceAudit(t.dbx.db);
    const after = (await auditor.get('/api/v1/audit/status')).body;
    expect(after.ok).toBe(true);
    expect(after.anchor).toMatchObject({
      seq: anchor.seq,
      hash: anchor.hash,
      signatureValid: true,
      inChain: true,
    });
    expect(after.verified).toMatchObject({ from: anchor.seq, to: after.head.seq, complete: true, ok: true });
    expect(after.verified.entries).toBe(after.head.seq - anchor.seq);
    expect(after.lastFullWalk).toMatchObject({ ok: true, findings: 0 });
    expect(after.lastFullWalk.upTo).toBeGreaterThanOrEqual(anchor.seq);
    // a walk too long for one answer stops and says so
    const short = await auditChainStatus(t.dbx.db, t.config, 2);
    expect(short.verified).toMatchObject({
      from: anchor.seq,
      to: anchor.seq + 2,
      entries: 2,
      complete: false,
    });
  });

  it('names an entry altered after the anchor, and the anchor the chain no longer holds', async () => {
    const head = await t.dbx.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    const anchored = (await auditChainStatus(t.dbx.db, t.config)).anchor!.seq;
    class Rollback extends Error {}
    let altered: Awaited<ReturnType<typeof auditChainStatus>> | undefined;
    let rewritten: Awaited<ReturnType<typeof auditChainStatus>> | undefined;
    await t.dbx.db
      .transaction()
      .execute(async (trx) => {
        await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
        await sql`UPDATE audit_log SET detail = '{"forged":true}' WHERE seq = ${Number(head.seq) - 1}`.execute(
          trx,
        );
        altered = await auditChainStatus(trx, t.config);
        await sql`UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = ${anchored}`.execute(trx);
        rewritten = await auditChainStatus(trx, t.config);
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(altered!.ok).toBe(false);
    expect(altered!.verified.ok).toBe(false);
    expect(altered!.findings).toContainEqual(
      expect.objectContaining({ seq: Number(head.seq) - 1, problem: 'altered' }),
    );
    expect(rewritten!.anchor).toMatchObject({ inChain: false });
    expect(rewritten!.verified.from).toBe(0);
    expect(rewritten!.findings.map((f) => f.problem)).toEqual(
      expect.arrayContaining(['anchor-not-in-chain', 'altered']),
    );
    expect((await auditChainStatus(t.dbx.db, t.config)).ok).toBe(true);
  });
});

async function cookieOf(login: string) {
  return (await signInWithCode(t.app, t.authenticator, login, 'sabt-demo')).cookie;
}
