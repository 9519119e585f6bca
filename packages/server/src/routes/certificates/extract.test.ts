import { todayIn } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUpPdfFiles, pdfTextFlat } from '../../certificates/documents/pdf-tools.ts';
import { fetchBytes } from '../../certificates/testing/tools.ts';
import { deathOf, marriageOf } from '../../test/family.ts';
import { payFee, payForPrint } from '../../test/fees.ts';
import { birthData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import { R, registerThrough, show, type Workflow } from '../../test/workflow.ts';

let t: TestApp;
let w: Workflow;
let front: Client;
let registrar: Client;

beforeAll(async () => {
  t = await startTestApp();
  const [f, back, reg] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  [front, registrar] = [f, reg];
  w = { front: f, back, registrar: reg };
});
afterAll(async () => {
  cleanUpPdfFiles();
  await t?.close();
});

/** An archive extract of a record, as printed: its text. */
async function extractOf(recordId: string) {
  await payForPrint(front, recordId, 'ARCHIVE_EXTRACT');
  const res = await front.post(`${R}/${recordId}/certificates`, {
    mode: 'full',
    document: 'ARCHIVE_EXTRACT',
  });
  expect(res.status, show(res)).toBe(201);
  expect(res.body.onBlank).toBe(false);
  return pdfTextFlat((await fetchBytes(t, 'front', res.body.pdf)).body);
}

const today = () => todayIn('Asia/Dushanbe', new Date()).split('-').reverse().join('.');

describe('an archive extract', () => {
  it('of a record amended after registration lists the correction: what changed, on which basis, when', async () => {
    const rec = await registerThrough(w, 'BIRTH', birthData());
    const asked = await front.post(`${R}/${rec.id}/amendments`, {
      patch: { mother: { surname: 'Каримзода' } },
      reason: 'Хатои имлоӣ дар насаби модар',
      basis: { type: 'APPLICATION', number: '45', date: '2026-01-12', issuer: 'Каримзода Н. С.' },
    });
    expect(asked.status, show(asked)).toBe(201);
    await payFee(front, rec.id, 'amendment');
    const approved = await registrar.post(`${R}/${rec.id}/amendments/approve`);
    expect(approved.status, show(approved)).toBe(200);

    const text = await extractOf(rec.id);
    expect(text).toContain(`${today()} — Ислоҳ ва тағйир дар сабт`);
    expect(text).toContain('Модар — Насаб: Каримова → Каримзода');
    expect(text).toContain('ариза № 45 аз 12.01.2026, Каримзода Н. С.');
    expect(text).not.toMatch(/Ислоҳот, тағйирот ва қайдҳо нест/);
    // the header: the extract's own number and the office in words, never its code
    expect(text).toMatch(/№ \d{4}\/\d{6}/);
    expect(text).toContain('Шуъбаи сабти асноди ҳолати шаҳрвандии ноҳияи Фирдавсӣ, шаҳри Душанбе');
    expect(text).not.toContain('DU-03-00');
  });

  it('of a record a later act noted names the notation and the act by its number, year and office', async () => {
    const husband = { surname: 'Шарипов', name: 'Далер', patronymic: 'Рустамович', birthDate: '1990-02-11' };
    const wife = { surname: 'Назарова', name: 'Мадина', patronymic: 'Фарҳодовна', birthDate: '1994-07-30' };
    const marriage = await registerThrough(w, 'MARRIAGE', marriageOf(husband, wife));
    const death = await registerThrough(w, 'DEATH', deathOf({ ...husband, sex: 'M' }, '2026-03-01'));

    const text = await extractOf(marriage.id);
    expect(text).toContain(`${today()} — Ақди никоҳ бо вафоти ҳамсар қатъ шуд`);
    expect(text).toContain(
      `сабти санади вафот № ${death.number}, соли ${death.year}, Шуъбаи САҲШ — Фирдавсӣ, санаи ҳодиса 01.03.2026`,
    );
    expect(text).not.toContain('DU-03-00');

    const plain = await extractOf((await registerThrough(w, 'BIRTH', birthData())).id);
    expect(plain).toContain('Ислоҳот, тағйирот ва қайдҳо нест');
  });
});
