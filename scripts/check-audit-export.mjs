#!/usr/bin/env node
// Checks an audit log export (JSON Lines, GET /api/v1/audit/export?format=jsonl) outside Sabt, with
// Node alone: usage `node check-audit-export.mjs FILE [--anchor-seq N --anchor-hash HEX]`.
//
// For each chained line:  hash = SHA-256 hex of  prev_hash + "\n" + C({seq, at, actor_id,
// actor_login, office_id, event, record_id, detail}),  where C is JSON with object keys sorted at
// every depth and no spaces. A line whose seq follows another line's must carry that line's hash as
// its prev_hash (an export of a whole period is one unbroken run; a filtered one is checked line by
// line, and its runs of consecutive entries by their links). Lines still waiting for the chain
// (seq null) and lines whose detail was masked cannot be checked and are counted. With an anchor
// (GET /api/v1/audit/anchors/latest, or the anchor file), the line of the anchored seq must carry
// the anchored hash. Exit 0 when everything checked holds, 1 otherwise.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

export function lineHash(e) {
  const { seq, at, actor_id, actor_login, office_id, event, record_id, detail } = e;
  return createHash('sha256')
    .update(`${e.prev_hash}\n`)
    .update(canonicalJson({ seq, at, actor_id, actor_login, office_id, event, record_id, detail }))
    .digest('hex');
}

/** The problems of an export's text: [] when every checkable line and link holds. */
export function checkExport(text, anchor) {
  const problems = [];
  const entries = [];
  let waiting = 0;
  let masked = 0;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    if (e.seq === null || e.seq === undefined) {
      waiting += 1;
      return;
    }
    if (e.masked) {
      masked += 1;
      return;
    }
    if (lineHash(e) !== e.hash)
      problems.push(`line ${i + 1} (entry ${e.seq}): its hash does not match its content`);
    entries.push(e);
  });
  entries.sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < entries.length; i++) {
    const [before, e] = [entries[i - 1], entries[i]];
    if (e.seq === before.seq) problems.push(`entry ${e.seq} appears twice`);
    else if (e.seq === before.seq + 1 && e.prev_hash !== before.hash)
      problems.push(`entry ${e.seq} does not follow entry ${before.seq}`);
  }
  if (anchor) {
    const at = entries.find((e) => e.seq === anchor.seq);
    if (at && at.hash !== anchor.hash) problems.push(`entry ${anchor.seq} is not the anchored one`);
  }
  return { problems, checked: entries.length, waiting, masked };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node check-audit-export.mjs FILE [--anchor-seq N --anchor-hash HEX]');
    process.exit(2);
  }
  const opt = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const anchor = opt('--anchor-seq')
    ? { seq: Number(opt('--anchor-seq')), hash: opt('--anchor-hash') }
    : null;
  const { problems, checked, waiting, masked } = checkExport(readFileSync(file, 'utf8'), anchor);
  for (const p of problems) console.log(p);
  console.log(
    `${problems.length ? 'NOT INTACT' : 'intact'}: ${checked} entries checked` +
      (waiting ? `, ${waiting} not chained yet` : '') +
      (masked ? `, ${masked} masked (not checkable)` : ''),
  );
  process.exit(problems.length ? 1 : 0);
}
