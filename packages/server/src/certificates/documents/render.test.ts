import { deathKind, fieldLabelAt } from '@sabt/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentKind } from '../types.ts';
import { LAYOUTS } from './layouts/index.ts';
import { PT_PER_MM } from './pdf.ts';
import {
  cleanUpPdfFiles,
  decodeQr,
  pdfFonts,
  pdfInfo,
  pdfText,
  pdfTextFlat,
  pdfWords,
  type WordBox,
} from './pdf-tools.ts';
import { CODE_AFTER_ISSUE, renderCertificate } from './render.ts';
import { SAMPLE_QR, sampleInput } from './test-fixtures.ts';

afterAll(cleanUpPdfFiles);

const ALPHABET = 'АБВГҒДЕЁЖЗИӢЙКҚЛМНОПРСТУӮФХҲЧҶШЪЭЮЯ';

function firstWord(words: WordBox[], word: string): WordBox {
  const w = words.find((x) => x.word === word);
  if (!w) throw new Error(`"${word}" not in the PDF's text: ${words.map((x) => x.word).join(' ')}`);
  return w;
}

describe('birth certificate, full mode', () => {
  it('prints the child, the parents, the dates, the record and the title in Tajik, as extractable text', async () => {
    const text = pdfText(await renderCertificate(sampleInput('BIRTH_CERTIFICATE')));
    for (const expected of [
      'Ҷумҳурии Тоҷикистон',
      'Шаҳодатнома дар бораи таваллуд',
      'Раҳимзода Фарзона Ҷамшед',
      '14.03.2025',
      'н. Фирдавсӣ, ш. Душанбе',
      'Раҳимзода Ҷамшед Абдуллоевич',
      'Каримова Нигина Саидовна',
      '№ 17 аз 20.03.2025',
      '110300320250000178',
      'Шуъбаи сабти асноди ҳолати шаҳрвандии ноҳияи Фирдавсӣ, шаҳри Душанбе',
      'Санаи таваллуд',
      'Сардори шуъбаи САҲШ',
      'Саидзода Зарина Ҳасановна',
      'I-ДУ № 000123',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('20.03.2025');
  });

  it('prints every letter of the Tajik alphabet, capital and small, and gives them back as text', async () => {
    const pdf = await renderCertificate(
      sampleInput('BIRTH_CERTIFICATE', {
        office: {
          id: 'DU-03-00',
          nameTg: '',
          nameRu: '',
          officialNameTg: `${ALPHABET} ${ALPHABET.toLowerCase()}`,
        },
      }),
    );
    const text = pdfText(pdf);
    expect(text).toContain(ALPHABET);
    expect(text).toContain(ALPHABET.toLowerCase());
  });

  it('keeps every letter extractable however many documents the server printed before', async () => {
    for (const document of Object.keys(LAYOUTS) as DocumentKind[])
      await renderCertificate(sampleInput(document));
    const latin = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789';
    const pdf = await renderCertificate(
      sampleInput('BIRTH_CERTIFICATE', {
        office: {
          id: 'DU-03-00',
          nameTg: '',
          nameRu: '',
          officialNameTg: `${ALPHABET} ${ALPHABET.toLowerCase()} ${latin}`,
        },
      }),
    );
    const text = pdfTextFlat(pdf);
    expect(text).toContain(ALPHABET);
    expect(text).toContain(latin);
  });

  it('gives the same bytes for the same input whatever the server printed in between', async () => {
    const input = sampleInput('BIRTH_CERTIFICATE', {
      office: {
        id: 'DU-03-00',
        nameTg: '',
        nameRu: '',
        officialNameTg: `${ALPHABET} ${ALPHABET.toLowerCase()}`,
      },
    });
    const before = await renderCertificate(input);
    for (const document of Object.keys(LAYOUTS) as DocumentKind[]) {
      await renderCertificate(sampleInput(document));
      await renderCertificate(sampleInput(document, { mode: 'overlay' }));
    }
    expect((await renderCertificate(input)).equals(before)).toBe(true);
  });

  it('embeds DejaVu Sans and Bold, and no font that the printer would have to supply', async () => {
    const fonts = pdfFonts(await renderCertificate(sampleInput('BIRTH_CERTIFICATE')));
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
    ]);
    for (const f of fonts) expect(f.embedded, `${f.name} embedded`).toBe(true);
  });

  it('prints a father dash when the father is not recorded', async () => {
    const data = { ...(sampleInput('BIRTH_CERTIFICATE').record.data as object), father: undefined };
    const text = pdfText(await renderCertificate(sampleInput('BIRTH_CERTIFICATE', { record: { data } })));
    expect(text).not.toContain('Абдуллоевич');
    expect(text).toContain('—');
  });

  it('is an A5 page with the issue date as its creation date, and the same input gives the same bytes', async () => {
    const a = await renderCertificate(sampleInput('BIRTH_CERTIFICATE'));
    const b = await renderCertificate(sampleInput('BIRTH_CERTIFICATE'));
    expect(a.equals(b)).toBe(true);
    const info = pdfInfo(a);
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toMatch(/^419\.5\d* x 595\.2\d* pts/);
    expect(info.CreationDate).toMatch(/^2025-03-20T00:00:00/);
    const other = await renderCertificate(
      sampleInput('BIRTH_CERTIFICATE', { certificate: { number: '000124' } }),
    );
    expect(other.equals(a)).toBe(false);
  });

  it('prints on another sheet size when asked', async () => {
    const pdf = await renderCertificate(sampleInput('BIRTH_CERTIFICATE'), {
      page: { widthMm: 210, heightMm: 297 },
    });
    expect(pdfInfo(pdf)['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts/);
  });
});

describe('overlay mode (pre-printed blank)', () => {
  it('prints the values but not the title, the labels or the blank number that the blank carries', async () => {
    const text = pdfText(await renderCertificate(sampleInput('BIRTH_CERTIFICATE', { mode: 'overlay' })));
    for (const value of [
      'Раҳимзода Фарзона Ҷамшед',
      '14.03.2025',
      'Каримова Нигина Саидовна',
      '№ 17 аз 20.03.2025',
    ]) {
      expect(text).toContain(value);
    }
    for (const preprinted of [
      'Шаҳодатнома дар бораи таваллуд',
      'Насаб, ном, номи падар',
      'Санаи таваллуд',
      'Ҷойи таваллуд',
      'Шаҳрвандии модар',
      'Санаи додан',
      'Ҷ.М.',
      'Нишони',
      'I-ДУ № 000123',
    ]) {
      expect(text).not.toContain(preprinted);
    }
  });

  it('moves every value by the printer calibration, in points', async () => {
    const at = async (dxMm: number, dyMm: number) =>
      pdfWords(
        await renderCertificate(
          sampleInput('BIRTH_CERTIFICATE', { mode: 'overlay', calibration: { dxMm, dyMm } }),
        ),
      );
    const base = await at(0, 0);
    const moved = await at(3, -2);
    for (const word of ['Фарзона', '14.03.2025', 'Каримова']) {
      const a = firstWord(base, word);
      const b = firstWord(moved, word);
      expect(b.xMin - a.xMin).toBeCloseTo(3 * PT_PER_MM, 1);
      expect(b.yMin - a.yMin).toBeCloseTo(-2 * PT_PER_MM, 1);
    }
  });

  it('puts a value where its layout says, in millimetres from the sheet corner', async () => {
    const words = pdfWords(await renderCertificate(sampleInput('BIRTH_CERTIFICATE', { mode: 'overlay' })));
    const field = LAYOUTS.BIRTH_CERTIFICATE.fields.find((f) => f.key === 'birthDate')!;
    const w = firstWord(words, '14.03.2025');
    expect(w.xMin / PT_PER_MM).toBeCloseTo(field.x, 0);
    expect(Math.abs(w.yMin / PT_PER_MM - field.y)).toBeLessThan(1);
  });

  it('full mode ignores the calibration: plain paper has nothing to line up with', async () => {
    const a = await renderCertificate(sampleInput('BIRTH_CERTIFICATE'));
    const b = await renderCertificate(
      sampleInput('BIRTH_CERTIFICATE', { calibration: { dxMm: 5, dyMm: 5 } }),
    );
    expect(a.equals(b)).toBe(true);
  });
});

describe('QR code', () => {
  for (const mode of ['full', 'overlay'] as const) {
    it(`decodes from a 200 dpi scan to exactly the signed payload (${mode})`, async () => {
      const pdf = await renderCertificate(
        sampleInput('BIRTH_CERTIFICATE', { mode, calibration: { dxMm: 1.5, dyMm: -1 } }),
      );
      expect(decodeQr(pdf)).toBe(SAMPLE_QR);
    });
  }

  it('is at least 25 mm wide and has the short verify URL and the code under it', async () => {
    const layout = LAYOUTS.BIRTH_CERTIFICATE;
    expect(layout.qr.size).toBeGreaterThanOrEqual(25);
    const pdf = await renderCertificate(sampleInput('BIRTH_CERTIFICATE'));
    expect(pdfTextFlat(pdf).replace(/\s/g, '')).toContain('https://sabt.tj/verify/7KQ2M-X9D4G');
    const words = pdfWords(pdf);
    const url = words.find((w) => w.word.startsWith('https://'))!;
    expect(url.yMin / PT_PER_MM).toBeGreaterThan(layout.qr.y + layout.qr.size);
    // the code on a line of its own below the address, whole, to read out
    const code = words.find((w) => w.word === '7KQ2M-X9D4G')!;
    expect(code.yMin).toBeGreaterThan(url.yMax - 0.5);
    expect(code.yMax / PT_PER_MM).toBeLessThan(layout.verifyUrl.y + layout.verifyUrl.height + 0.5);
  });

  for (const document of ['BIRTH_CERTIFICATE', 'ARCHIVE_EXTRACT'] as const) {
    it(`a preview says where the code goes rather than showing one (${document})`, async () => {
      const pdf = await renderCertificate(
        sampleInput(document, { verifyUrl: 'https://sabt.tj/verify', verifyCode: null }),
      );
      const text = pdfTextFlat(pdf);
      expect(text).toContain(CODE_AFTER_ISSUE);
      expect(text).toContain('https://sabt.tj/verify');
      expect(text).not.toContain('7KQ2M');
    });
  }
});

describe('a long verify URL (a long public address)', () => {
  const url = 'https://sabt.adliya.example.gov.tj/verify/7KQ2M-X9D4G';

  for (const document of ['BIRTH_CERTIFICATE', 'ARCHIVE_EXTRACT'] as const) {
    it(`prints whole and stays inside the frame (${document})`, async () => {
      const pdf = await renderCertificate(sampleInput(document, { verifyUrl: url }));
      expect(pdfTextFlat(pdf).replace(/\s/g, '')).toContain(url);
      const page = LAYOUTS[document].page;
      const box = LAYOUTS[document].verifyUrl;
      const urlWords = pdfWords(pdf).filter(
        (w) => w.yMin / PT_PER_MM > box.y - 0.5 && w.xMin / PT_PER_MM > box.x - 0.5,
      );
      expect(urlWords.length).toBeGreaterThan(0);
      for (const w of urlWords) {
        expect(w.yMax / PT_PER_MM).toBeLessThan(box.y + box.height + 0.5);
        expect(w.yMax / PT_PER_MM).toBeLessThan(page.heightMm - 6.6);
        expect(w.xMax / PT_PER_MM).toBeLessThan(box.x + box.width + 0.5);
      }
    });
  }
});

describe('death certificate', () => {
  it('prints the deceased and the dates but never the cause of death', async () => {
    const text = pdfText(await renderCertificate(sampleInput('DEATH_CERTIFICATE')));
    expect(text).toContain('Шаҳодатнома дар бораи вафот');
    expect(text).toContain('Қурбонов Абдулло Саидович');
    expect(text).toContain('02.04.2025');
    expect(text).toContain('11.05.1948');
    for (const line of deathKind.example.cause.lines) {
      expect(text).not.toContain(line.text);
      if (line.icd10) expect(text).not.toContain(line.icd10);
    }
  });

  it('keeps a partial date of death as registered (year only)', async () => {
    const data = { ...deathKind.example, death: { ...deathKind.example.death, date: '2024' } };
    const text = pdfText(await renderCertificate(sampleInput('DEATH_CERTIFICATE', { record: { data } })));
    expect(text).toMatch(/^2024$/m);
  });

  it('the archive extract of a death record leaves the cause out too', async () => {
    const text = pdfText(
      await renderCertificate(
        sampleInput('ARCHIVE_EXTRACT', { record: { kind: 'DEATH', data: deathKind.example } }),
      ),
    );
    expect(text).toContain('Қурбонов Абдулло Саидович');
    for (const line of deathKind.example.cause.lines) expect(text).not.toContain(line.text);
  });
});

describe('repeat issue', () => {
  it('says ТАКРОРӢ on a repeat certificate, in both modes', async () => {
    for (const mode of ['full', 'overlay'] as const) {
      const pdf = await renderCertificate(
        sampleInput('MARRIAGE_CERTIFICATE', { mode, certificate: { issue: 'repeat' } }),
      );
      expect(pdfText(pdf)).toContain('ТАКРОРӢ');
    }
  });

  it('says nothing of the kind on a first issue or a reissue after an amendment', async () => {
    for (const issue of ['first', 'reissue'] as const) {
      const pdf = await renderCertificate(sampleInput('MARRIAGE_CERTIFICATE', { certificate: { issue } }));
      expect(pdfText(pdf)).not.toContain('ТАКРОРӢ');
    }
  });
});

const MAIN_VALUES: Record<DocumentKind, string[]> = {
  BIRTH_CERTIFICATE: ['Раҳимзода Фарзона Ҷамшед', '14.03.2025'],
  DEATH_CERTIFICATE: ['Қурбонов Абдулло Саидович', '02.04.2025'],
  MARRIAGE_CERTIFICATE: ['Шарипов Далер Рустамович', 'Назарова Мадина Фарҳодовна', 'Шарипова', '24.05.2025'],
  DIVORCE_CERTIFICATE: ['Юсуфов Баҳром Ҳакимович', 'Юсуфова Гулнора Аҳмадовна', 'Раҷабова', '28.04.2025'],
  ADOPTION_CERTIFICATE: ['Ҳамидзода Сино', 'Қодирзода Сино Фаррух', 'Қодиров Фаррух Нуруллоевич'],
  PATERNITY_CERTIFICATE: ['Ғафуров Бахтиёр Алиевич', 'Сафарзода Нилуфар', 'Ғафурзода Нилуфар Бахтиёр'],
  NAME_CHANGE_CERTIFICATE: ['Алиева Мавлуда Раҳимовна', 'Алӣзода Мавлуда Раҳим', '15.09.1990'],
  STILLBIRTH_REFERENCE: ['Каримова Нигина Саидовна', '14.03.2025', 'духтар'],
  ARCHIVE_EXTRACT: ['Раҳимзода Фарзона Ҷамшед', 'Каримова Нигина Саидовна', 'Ислоҳот, тағйирот ва қайдҳо'],
};

describe('every document kind', () => {
  for (const document of Object.keys(LAYOUTS) as DocumentKind[]) {
    it(`${document} renders its kind's example on one page, in both modes`, async () => {
      const layout = LAYOUTS[document];
      const full = await renderCertificate(sampleInput(document));
      const text = pdfTextFlat(full);
      expect(text).toContain(layout.title);
      for (const v of MAIN_VALUES[document]) expect(text).toContain(v);
      expect(pdfInfo(full).Pages).toBe('1');
      const overlay = pdfTextFlat(await renderCertificate(sampleInput(document, { mode: 'overlay' })));
      expect(overlay).not.toContain(layout.title);
      for (const v of MAIN_VALUES[document]) expect(overlay).toContain(v);
    });
  }

  it('the archive extract of every act kind lists its data and its notations on A4', async () => {
    for (const [document, kind] of [
      ['BIRTH_CERTIFICATE', 'BIRTH'],
      ['DEATH_CERTIFICATE', 'DEATH'],
      ['MARRIAGE_CERTIFICATE', 'MARRIAGE'],
      ['DIVORCE_CERTIFICATE', 'DIVORCE'],
      ['ADOPTION_CERTIFICATE', 'ADOPTION'],
      ['PATERNITY_CERTIFICATE', 'PATERNITY'],
      ['NAME_CHANGE_CERTIFICATE', 'NAME_CHANGE'],
    ] as const) {
      const data = sampleInput(document).record.data;
      const pdf = await renderCertificate(
        sampleInput('ARCHIVE_EXTRACT', {
          record: {
            kind,
            data,
            notes: [
              {
                kind: 'notation',
                on: '2025-04-03',
                type: 'death',
                act: { kind: 'DEATH', number: 12, year: 2025, office: 'Шуъбаи САҲШ — Сино' },
                eventDate: '2025-04-02',
              },
            ],
          },
        }),
      );
      const text = pdfTextFlat(pdf);
      expect(text).toContain('Иқтибос аз сабти санади ҳолати шаҳрвандӣ');
      expect(text).toContain(MAIN_VALUES[document][0]!);
      expect(text).toContain('03.04.2025 — Вафоти шахс ба қайд гирифта шуд');
      expect(text).toContain(
        'сабти санади вафот № 12, соли 2025, Шуъбаи САҲШ — Сино, санаи ҳодиса 02.04.2025',
      );
      expect(pdfInfo(pdf)['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts/);
    }
  });

  it("the archive extract's QR code decodes too", async () => {
    expect(decodeQr(await renderCertificate(sampleInput('ARCHIVE_EXTRACT')))).toBe(SAMPLE_QR);
  });

  it('a long extract runs onto a second page, numbered, with the signatory and QR on the last', async () => {
    const notes = Array.from({ length: 40 }, (_, i) => ({
      kind: 'notation' as const,
      on: '2025-04-03',
      type: 'name-change-of-parent',
      act: { kind: 'NAME_CHANGE', number: i + 1, year: 2000 + i, office: null },
    }));
    const pdf = await renderCertificate(sampleInput('ARCHIVE_EXTRACT', { record: { notes } }));
    expect(pdfInfo(pdf).Pages).toBe('2');
    const words = pdfWords(pdf);
    expect(pdfText(pdf)).toContain('Саҳифаи 2 аз 2');
    expect(firstWord(words, 'Саидзода').page).toBe(2);
    expect(firstWord(words, '2039').page).toBe(2);
  });
});

describe('who signs', () => {
  const authorised = {
    title: 'Муовини сардори шуъбаи САҲШ, барои сардори шуъбаи САҲШ',
    fullName: 'Каримова Нигина Саидовна',
  };

  for (const document of Object.keys(LAYOUTS) as DocumentKind[]) {
    it(`${document} names the signatory with their title, in both modes, left of the signature line`, async () => {
      for (const mode of ['full', 'overlay'] as const) {
        const pdf = await renderCertificate(sampleInput(document, { mode }));
        const text = pdfTextFlat(pdf);
        expect(text).toContain('Сардори шуъбаи САҲШ');
        expect(text).toContain('Саидзода Зарина Ҳасановна');
        const name = firstWord(pdfWords(pdf), 'Саидзода');
        const line = LAYOUTS[document].lines.find((l) => l.lastPage && l.y1 === l.y2)!;
        expect(name.xMax / PT_PER_MM).toBeLessThan(line.x1 + 0.5);
      }
    });
  }

  it('an authorised signer signs for the head: their title and the "for" wording, then their name', async () => {
    for (const document of ['BIRTH_CERTIFICATE', 'ARCHIVE_EXTRACT'] as const) {
      const text = pdfTextFlat(
        await renderCertificate(sampleInput(document, { certificate: { signatory: authorised } })),
      );
      expect(text).toContain('Муовини сардори шуъбаи САҲШ, барои сардори шуъбаи САҲШ');
      expect(text).toContain('Каримова Нигина Саидовна');
    }
  });
});

describe('the archive extract of an amended record', () => {
  const amended = (data: unknown, kind = 'BIRTH') =>
    sampleInput('ARCHIVE_EXTRACT', {
      record: {
        kind,
        data,
        notes: [
          {
            kind: 'amendment',
            on: '2025-06-10',
            cause: 'AMENDMENT',
            changes: [{ path: 'mother.surname', before: 'Каримова', after: 'Каримзода' }],
            basis: { type: 'APPLICATION', number: '45', date: '2025-06-02', issuer: 'Каримзода Н. С.' },
          },
          {
            kind: 'amendment',
            on: '2025-07-01',
            cause: 'PATERNITY',
            notation: 'paternity',
            changes: [{ path: 'father.surname', before: null, after: 'Раҳимзода' }],
            act: { kind: 'PATERNITY', number: 3, year: 2025, office: 'Шуъбаи САҲШ — Сино' },
          },
        ],
      },
    });

  it('lists every correction: what changed, on which basis, when; "none" only when there is none', async () => {
    const text = pdfTextFlat(await renderCertificate(amended(sampleInput('BIRTH_CERTIFICATE').record.data)));
    expect(text).toContain('10.06.2025 — Ислоҳ ва тағйир дар сабт');
    expect(text).toContain('Модар — Насаб: Каримова → Каримзода');
    expect(text).toContain('ариза № 45 аз 02.06.2025, Каримзода Н. С.');
    expect(text).toContain('01.07.2025 — Падарӣ муқаррар карда шуд');
    expect(text).toContain('Падар — Насаб: нест → Раҳимзода');
    expect(text).toContain('сабти санади муқаррар намудани падарӣ № 3, соли 2025, Шуъбаи САҲШ — Сино');
    expect(text).not.toMatch(/Ислоҳот, тағйирот ва қайдҳо\s*нест/);

    const plain = pdfTextFlat(await renderCertificate(sampleInput('ARCHIVE_EXTRACT')));
    expect(plain).toMatch(/Ислоҳот, тағйирот ва қайдҳо\s*нест/);
  });

  it('names the office in words and its own number, never the office code, in the header', async () => {
    const pdf = await renderCertificate(
      sampleInput('ARCHIVE_EXTRACT', { certificate: { series: 'DU-03-00', number: '2025/000017' } }),
    );
    const text = pdfTextFlat(pdf);
    expect(text).toContain('№ 2025/000017');
    expect(text).not.toContain('DU-03-00');
    expect(text).toContain('Шуъбаи сабти асноди ҳолати шаҳрвандии ноҳияи Фирдавсӣ, шаҳри Душанбе');
  });

  it('names the offices the record cites by their names, a jamoat too, never by code', async () => {
    const divorce = sampleInput('DIVORCE_CERTIFICATE').record.data as { marriage: Record<string, unknown> };
    const data = { ...divorce, marriage: { ...divorce.marriage, office: 'RA-13-01' } };
    const officeNames = { 'RA-13-01': 'Ҷамоати деҳоти Чимтеппа' };
    for (const document of ['DIVORCE_CERTIFICATE', 'ARCHIVE_EXTRACT'] as const) {
      const text = pdfTextFlat(
        await renderCertificate(sampleInput(document, { officeNames, record: { kind: 'DIVORCE', data } })),
      );
      expect(text).toContain('Ҷамоати деҳоти Чимтеппа');
      expect(text).not.toContain('RA-13-01');
    }
  });

  it('prints the marital status for the person’s sex: a widower, a widow', async () => {
    const death = deathKind.example;
    for (const [sex, word, other] of [
      ['M', 'бевамард', 'бевазан'],
      ['F', 'бевазан', 'бевамард'],
    ] as const) {
      const data = { ...death, deceased: { ...death.deceased, sex, maritalStatus: 'WIDOWED' } };
      const text = pdfTextFlat(
        await renderCertificate(sampleInput('ARCHIVE_EXTRACT', { record: { kind: 'DEATH', data } })),
      );
      expect(text).toContain(word);
      expect(text).not.toContain(other);
    }
    const marriage = sampleInput('MARRIAGE_CERTIFICATE').record.data as {
      wife: Record<string, unknown>;
    };
    const data = { ...marriage, wife: { ...marriage.wife, previousMaritalStatus: 'WIDOWED' } };
    const text = pdfTextFlat(
      await renderCertificate(sampleInput('ARCHIVE_EXTRACT', { record: { kind: 'MARRIAGE', data } })),
    );
    expect(text).toContain('бевазан');
    expect(text).not.toContain('бевамард');
  });
});

describe('documents that must not be printed', () => {
  it('refuses a birth certificate for a stillborn child (a reference is issued instead)', async () => {
    await expect(
      renderCertificate(
        sampleInput('BIRTH_CERTIFICATE', { record: sampleInput('STILLBIRTH_REFERENCE').record }),
      ),
    ).rejects.toThrow(/STILLBIRTH_REFERENCE/);
  });

  it('refuses a stillbirth reference for a live-born child', async () => {
    await expect(
      renderCertificate(
        sampleInput('STILLBIRTH_REFERENCE', { record: sampleInput('BIRTH_CERTIFICATE').record }),
      ),
    ).rejects.toThrow(/stillborn/);
  });

  it('refuses a certificate for a record of another kind', async () => {
    await expect(
      renderCertificate(
        sampleInput('MARRIAGE_CERTIFICATE', { record: sampleInput('DEATH_CERTIFICATE').record }),
      ),
    ).rejects.toThrow(/MARRIAGE/);
  });
});

describe('the archive extract’s words', () => {
  it('name the fields and coded values as the record screen and the forms do (core’s label catalogue)', async () => {
    const birth = sampleInput('BIRTH_CERTIFICATE').record.data as Record<string, Record<string, unknown>>;
    const data = {
      ...birth,
      mother: { ...birth.mother, idDocument: { type: 'ID_CARD', number: 'A1234567' } },
      father: { ...birth.father, idDocument: { type: 'OTHER', number: '77' } },
    };
    const text = pdfTextFlat(
      await renderCertificate(
        sampleInput('ARCHIVE_EXTRACT', {
          record: {
            kind: 'BIRTH',
            data,
            notes: [
              {
                kind: 'amendment',
                on: '2025-06-10',
                cause: 'AMENDMENT',
                changes: [
                  { path: 'mother.residence', before: null, after: { country: 'TJ', unit: 'DU-03' } },
                ],
                basis: { type: 'APPLICATION', number: '45', date: '2025-06-02', issuer: 'Каримзода Н. С.' },
              },
            ],
          },
        }),
      ),
    );
    for (const path of ['birthBasis', 'fatherBasis', 'mother.idDocument', 'child.birthPlace'])
      expect(text).toContain(fieldLabelAt('BIRTH', path)!.tg);
    expect(text).toContain('корти шахсият, A1234567');
    expect(text).toContain('ҳуҷҷати дигар, 77');
    expect(text).toContain(`Модар — ${fieldLabelAt('BIRTH', 'mother.residence')!.tg}:`);
    // the document's own formulas stay
    expect(text).toContain('Насаб, ном, номи падар');
    expect(text).toContain('Ислоҳот, тағйирот ва қайдҳо');
  });
});
