import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors/domain-error.ts';
import { problemBody, problemOf } from '../http/problem.ts';
import { FileStore } from './file-store.ts';
import { MemoryBackend } from './memory-store.ts';
import { DEFAULT_LIMITS_MB, type FilePurpose, megabytes, parseFileLimits } from './purposes.ts';
import { checkFile, claimedKind } from './sniff.ts';
import {
  sampleCsv,
  sampleDocx,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleTiff,
  sampleXlsx,
} from './testing/samples.ts';

const MB = 1024 * 1024;
const limits = parseFileLimits('');

async function refusal(bytes: Buffer, purpose: FilePurpose, claimed?: string, max = limits[purpose]) {
  const err = await checkFile(bytes, purpose, max, claimed).then(
    () => undefined,
    (e: DomainError) => problemOf(e),
  );
  if (!err) throw new Error('the file was accepted');
  return {
    status: err.status,
    key: err.key,
    body: problemBody(err, 'en'),
    tg: problemBody(err, 'tg').title,
    ru: problemBody(err, 'ru').title,
    en: problemBody(err, 'en').title,
  };
}

describe('the kind of a file is read from its content', () => {
  it.each([
    ['certificate', samplePdf(), 'application/pdf'],
    ['receipt', sampleJpeg(), 'image/jpeg'],
    ['receipt', samplePng(), 'image/png'],
    ['scan', sampleTiff(), 'image/tiff'],
    ['scan', samplePdf(), 'application/pdf'],
    ['attachment', sampleJpeg(), 'image/jpeg'],
    ['report', sampleXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['report', sampleCsv(), 'text/csv'],
  ] as const)('a %s may be %s', async (purpose, bytes, contentType) => {
    expect((await checkFile(bytes, purpose, limits[purpose])).contentType).toBe(contentType);
  });

  it('refuses a PNG given for a certificate, whatever it is called, in the user’s language', async () => {
    const r = await refusal(samplePng(), 'certificate', 'certificate.pdf');
    expect(r.status).toBe(415);
    expect(r.key).toBe('problem.file.wrongType');
    expect(r.en).toBe('By its content this file is PNG; accepted here: PDF.');
    expect(r.ru).toBe('По содержимому это файл PNG; здесь принимаются: PDF.');
    expect(r.tg).toBe('Ин файл аз рӯи мӯҳтавояш PNG аст; дар ин ҷо қабул карда мешавад: PDF.');
    expect(r.body).toMatchObject({ accepted: ['application/pdf'] });
  });

  it('refuses a text file named .pdf: the name does not make it a PDF', async () => {
    const r = await refusal(
      Buffer.from('Шаҳодатнома\nthis is not a PDF\n'),
      'certificate',
      'шаҳодатнома.pdf',
    );
    expect(r.status).toBe(415);
    expect(r.key).toBe('problem.file.text');
    expect(r.en).toBe(
      'This is a plain text file; accepted here: PDF. A file’s type is judged by its content, not by its name.',
    );
    expect(r.ru).toMatch(/^Это обычный текстовый файл; здесь принимаются: PDF\. /);
    expect(r.tg).toMatch(/^Ин файли матнии оддӣ аст; дар ин ҷо қабул карда мешавад: PDF\. /);
  });

  it('refuses a PNG declared as a PDF even where PNGs are welcome: the claim and the content disagree', async () => {
    const r = await refusal(samplePng(), 'scan', 'application/pdf');
    expect(r.key).toBe('problem.file.typeMismatch');
    expect(r.en).toBe('The file is given as application/pdf, but by its content it is PNG.');
    expect(r.ru).toBe('Файл указан как application/pdf, но по содержимому это PNG.');
    const named = await refusal(samplePng(), 'scan', 'page-12.PDF');
    expect(named.en).toBe('The file is given as page-12.PDF, but by its content it is PNG.');
  });

  it('lists every kind a purpose accepts', async () => {
    const r = await refusal(sampleDocx(), 'scan');
    expect(r.en).toBe('By its content this file is DOCX; accepted here: PDF, JPEG, PNG, TIFF.');
    expect(r.body).toMatchObject({
      accepted: ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'],
    });
  });

  it('refuses binary content it cannot recognise', async () => {
    const r = await refusal(Buffer.from([0x00, 0x13, 0x37, 0xfe, 0xff, 0x00, 0x01]), 'report');
    expect(r.key).toBe('problem.file.unrecognised');
    expect(r.en).toBe('The file’s type could not be recognised from its content. Accepted here: XLSX, CSV.');
  });

  it('takes CSV as UTF-8 text only: Latin-1 or control characters are not CSV', async () => {
    expect((await refusal(Buffer.from('ноҳия;сол\r\n', 'utf16le'), 'report')).key).toBe(
      'problem.file.unrecognised',
    );
    expect((await refusal(Buffer.from('a;b\u0007\r\n'), 'report')).key).toBe('problem.file.unrecognised');
    expect((await refusal(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x3b, 0x31]), 'report')).key).toBe(
      'problem.file.unrecognised',
    );
    // what browsers and Windows declare for a .csv is no contradiction
    for (const claimed of ['text/csv', 'text/plain', 'application/vnd.ms-excel', 'births.csv']) {
      expect((await checkFile(sampleCsv(), 'report', limits.report, claimed)).kind).toBe('csv');
    }
  });

  it('ignores claims it cannot judge', () => {
    expect(claimedKind('application/octet-stream')).toBeUndefined();
    expect(claimedKind('scan')).toBeUndefined();
    expect(claimedKind('archive/book 12.page')).toBeUndefined();
    expect(claimedKind('application/pdf; charset=binary')).toBe('pdf');
    expect(claimedKind('IMG_0042.JPG')).toBe('jpeg');
  });
});

describe('size limits', () => {
  it('refuses a file over its purpose’s limit, saying both sizes, in the user’s language', async () => {
    const big = Buffer.concat([samplePdf(), Buffer.alloc(Math.ceil(1.5 * MB))]);
    const r = await refusal(big, 'certificate', undefined, 1 * MB);
    expect(r.status).toBe(413);
    expect(r.key).toBe('problem.file.tooLarge');
    expect(r.en).toBe('The file is too large: 1.5 MB. Files of up to 1 MB are accepted here.');
    expect(r.ru).toBe('Файл слишком большой: 1.5 МБ. Здесь принимаются файлы до 1 МБ.');
    expect(r.tg).toBe('Файл хеле калон аст: 1.5 МБ. Дар ин ҷо то 1 МБ қабул карда мешавад.');
    expect(r.body).toMatchObject({ maxBytes: MB });
  });

  it('refuses an empty file', async () => {
    const r = await refusal(Buffer.alloc(0), 'attachment');
    expect([r.status, r.key, r.en]).toEqual([
      400,
      'problem.file.empty',
      'The file is empty: choose one that has content.',
    ]);
  });

  it('takes the limits per purpose from the configuration, in megabytes', async () => {
    expect(limits).toEqual(
      Object.fromEntries(Object.entries(DEFAULT_LIMITS_MB).map(([p, mb]) => [p, mb * MB])),
    );
    const custom = parseFileLimits('scan=80, report=0.5');
    expect(custom.scan).toBe(80 * MB);
    expect(custom.report).toBe(MB / 2);
    expect(custom.certificate).toBe(DEFAULT_LIMITS_MB.certificate * MB);
    expect(() => parseFileLimits('photos=5')).toThrow(/unknown purpose "photos"/);
    expect(() => parseFileLimits('scan=0')).toThrow(/positive number of megabytes/);
    expect(() => parseFileLimits('scan=lots')).toThrow(/positive number of megabytes/);
    expect(megabytes(1234)).toBe('0.01');

    const store = new FileStore(new MemoryBackend(), parseFileLimits('certificate=0.001'));
    await expect(store.put(samplePdf('x'.repeat(2000)), { purpose: 'certificate' })).rejects.toMatchObject({
      kind: 'too-large',
      key: 'problem.file.tooLarge',
    });
    // a limit given by the caller (Sabt moving its own files) overrides it
    const moved = await store.put(samplePdf('x'.repeat(2000)), {
      purpose: 'certificate',
      maxBytes: Number.POSITIVE_INFINITY,
    });
    expect(moved.contentType).toBe('application/pdf');
  });
});
