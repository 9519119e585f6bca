import {
  DOCUMENT_LABELS,
  DOCUMENTS,
  FEE_SERVICE_DEFINITIONS,
  type FeeService,
  formatDate,
  isPlainDate,
  type Locale,
  VERIFY_CODE_EXAMPLE,
} from '@sabt/core';
import type { DocumentKind } from '../types.ts';
import { looksLikePayload, type NumberCheck, type VerifyResult } from './verify.ts';

/**
 * The public check page: plain server-rendered HTML in Tajik, Russian or English, no script. Two
 * ways to check, for people with no QR scanner: the verification code printed under the QR code
 * (or the QR code's text pasted), or the blank's series, number and date of issue.
 */

const TEXTS = {
  tg: {
    title: 'Санҷиши шаҳодатнома',
    lead: 'Шаҳодатномаро бе сканери QR санҷед: бо рамзи санҷиш, ки зери рамзи QR чоп шудааст, ё бо силсила, рақам ва санаи додани он.',
    byCode: 'Бо рамзи санҷиш',
    code: 'Рамзи санҷиш (зери рамзи QR)',
    codeHint: 'Даҳ ҳарфу рақам, масалан {example}. Ҳарфҳои хурду калон ва O/0, I/1 фарқ надоранд.',
    byNumber: 'Бо силсила, рақам ва санаи додан',
    series: 'Силсилаи бланк',
    blankNumber: 'Рақами бланк',
    issuedOn: 'Санаи додан (рр.мм.сссс)',
    check: 'Санҷидан',
    codeFormat:
      'Рамзи санҷиш аз 10 ҳарфу рақам иборат аст, масалан {example}. Онро аз шаҳодатнома аз нав нависед.',
    codeTypo: 'Дар рамз хатои чопӣ ҳаст: онро ҳарф ба ҳарф бо шаҳодатнома муқоиса кунед.',
    codeNotFound: 'Шаҳодатнома бо ин рамз дода нашудааст. Рамзро санҷед.',
    numberNotFound:
      'Шаҳодатнома бо ин силсила ва рақам дар ин сана дода нашудааст. Ҳар се маълумотро санҷед.',
    seriesRequired: 'Силсилаи бланкро нависед, масалан I-ДУ.',
    numberRequired: 'Рақами бланкро бо рақамҳо нависед, масалан 000123.',
    dateRequired: 'Санаи доданро дар шакли рр.мм.сссс нависед, масалан 14.03.2026.',
    valid: 'Шаҳодатнома ҳақиқӣ ва амалкунанда аст.',
    superseded: 'Шаҳодатнома ҳақиқӣ аст, вале ба ҷои он шаҳодатномаи нав дода шудааст.',
    annulled: 'Сабти асноди ҳолати шаҳрвандӣ бекор карда шудааст: шаҳодатнома эътибор надорад.',
    spoiled: 'Ин бланк вайроншуда ҳисобида шудааст: шаҳодатнома эътибор надорад.',
    fake: 'Тасдиқ нашуд: ин рамзро Сабт надодааст ё он тағйир дода шудааст.',
    document: 'Ҳуҷҷат',
    number: 'Силсила ва рақам',
    issued: 'Санаи додан',
    office: 'Идора',
    signatory: 'Имзо кардааст',
    person: 'Шахс',
    version: 'Нусхаи сабт',
    versionOf: '{v} аз {current}',
    sealed: 'пӯшида',
    keys: 'Калидҳои кушода барои санҷиши офлайн',
    receiptValid: 'Квитансия ҳақиқӣ аст: пардохт қабул шудааст.',
    refundValid: 'Квитансия ҳақиқӣ аст: маблағ баргардонида шудааст.',
    receiptRefunded: 'Квитансия ҳақиқӣ аст, вале маблағ баъдтар баргардонида шудааст.',
    receiptCorrected: 'Квитансия эътибор надорад: сабти пардохт ҳамчун хато бекор карда шудааст.',
    receipt: 'Квитансия',
    refundReceipt: 'Квитансияи баргардонидани маблағ',
    receiptNumber: 'Рақами квитансия',
    receiptDate: 'Сана',
    amount: 'Маблағ',
    service: 'Хизматрасонӣ',
    refunded: 'Баргардонида шуд',
  },
  ru: {
    title: 'Проверка свидетельства',
    lead: 'Проверьте свидетельство без сканера QR: по коду проверки, напечатанному под QR-кодом, или по серии, номеру и дате выдачи.',
    byCode: 'По коду проверки',
    code: 'Код проверки (под QR-кодом)',
    codeHint: 'Десять букв и цифр, например {example}. Регистр и O/0, I/1 не важны.',
    byNumber: 'По серии, номеру и дате выдачи',
    series: 'Серия бланка',
    blankNumber: 'Номер бланка',
    issuedOn: 'Дата выдачи (дд.мм.гггг)',
    check: 'Проверить',
    codeFormat:
      'Код проверки состоит из 10 букв и цифр, например {example}. Перепишите его со свидетельства.',
    codeTypo: 'В коде опечатка: сверьте его со свидетельством буква за буквой.',
    codeNotFound: 'Свидетельство с таким кодом не выдавалось. Проверьте код.',
    numberNotFound:
      'Свидетельство с такой серией и номером в эту дату не выдавалось. Проверьте все три поля.',
    seriesRequired: 'Укажите серию бланка, например I-ДУ.',
    numberRequired: 'Укажите номер бланка цифрами, например 000123.',
    dateRequired: 'Укажите дату выдачи в виде дд.мм.гггг, например 14.03.2026.',
    valid: 'Свидетельство подлинное и действительное.',
    superseded: 'Свидетельство подлинное, но вместо него выдано новое.',
    annulled: 'Запись акта гражданского состояния аннулирована: свидетельство недействительно.',
    spoiled: 'Бланк списан как испорченный: свидетельство недействительно.',
    fake: 'Не подтверждено: этот код не выдавался Сабт или был изменён.',
    document: 'Документ',
    number: 'Серия и номер',
    issued: 'Дата выдачи',
    office: 'Учреждение',
    signatory: 'Подписал',
    person: 'Лицо',
    version: 'Версия записи',
    versionOf: '{v} из {current}',
    sealed: 'скрыто',
    keys: 'Открытые ключи для офлайн-проверки',
    receiptValid: 'Квитанция подлинная: оплата принята.',
    refundValid: 'Квитанция подлинная: средства возвращены.',
    receiptRefunded: 'Квитанция подлинная, но оплата позже возвращена.',
    receiptCorrected: 'Квитанция недействительна: запись об оплате отменена как ошибочная.',
    receipt: 'Квитанция',
    refundReceipt: 'Квитанция о возврате средств',
    receiptNumber: 'Номер квитанции',
    receiptDate: 'Дата',
    amount: 'Сумма',
    service: 'Услуга',
    refunded: 'Возвращено',
  },
  en: {
    title: 'Certificate check',
    lead: 'Check a certificate without a QR scanner: by the verification code printed under the QR code, or by its series, number and date of issue.',
    byCode: 'By verification code',
    code: 'Verification code (under the QR code)',
    codeHint: 'Ten letters and digits, e.g. {example}. Case and O/0, I/1 do not matter.',
    byNumber: 'By series, number and date of issue',
    series: 'Blank series',
    blankNumber: 'Blank number',
    issuedOn: 'Date of issue (dd.mm.yyyy)',
    check: 'Check',
    codeFormat:
      'A verification code has 10 letters and digits, e.g. {example}. Copy it again from the certificate.',
    codeTypo: 'The code has a mistyped character: compare it with the certificate letter by letter.',
    codeNotFound: 'No certificate was issued with this code. Check the code.',
    numberNotFound: 'No certificate with this series and number was issued on that date. Check all three.',
    seriesRequired: 'Type the blank series, e.g. I-ДУ.',
    numberRequired: 'Type the blank number in digits, e.g. 000123.',
    dateRequired: 'Type the date of issue as dd.mm.yyyy, e.g. 14.03.2026.',
    valid: 'The certificate is genuine and valid.',
    superseded: 'The certificate is genuine, but a newer certificate has been issued in its place.',
    annulled: 'The civil status record has been annulled: the certificate is not valid.',
    spoiled: 'This blank was written off as spoiled: the certificate is not valid.',
    fake: 'Not confirmed: this code was not issued by Sabt, or it has been altered.',
    document: 'Document',
    number: 'Series and number',
    issued: 'Issued on',
    office: 'Office',
    signatory: 'Signed by',
    person: 'Person',
    version: 'Record version',
    versionOf: '{v} of {current}',
    sealed: 'sealed',
    keys: 'Public keys for checking offline',
    receiptValid: 'The receipt is genuine: the payment was received.',
    refundValid: 'The receipt is genuine: the money was given back.',
    receiptRefunded: 'The receipt is genuine, but the payment has since been refunded.',
    receiptCorrected: 'The receipt is not valid: the payment entry was cancelled as a mistake.',
    receipt: 'Receipt',
    refundReceipt: 'Refund receipt',
    receiptNumber: 'Receipt number',
    receiptDate: 'Date',
    amount: 'Amount',
    service: 'Service',
    refunded: 'Refunded',
  },
} as const satisfies Record<Locale, Record<string, string>>;

const LANG_NAMES: Record<Locale, string> = { tg: 'Тоҷикӣ', ru: 'Русский', en: 'English' };

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Texts = (typeof TEXTS)[Locale];
type NumberField = 'series' | 'number' | 'issued';

/** What the page was asked, as typed, and what it will check (null: nothing yet, or input to correct). */
export interface PageInput {
  code: string;
  series: string;
  number: string;
  issued: string;
  ask: { code: string } | NumberCheck | null;
  /** What is wrong with the series, number or date typed: the message to show at the field. */
  wrong: Partial<Record<NumberField, 'seriesRequired' | 'numberRequired' | 'dateRequired'>>;
}

/** A date typed as dd.mm.yyyy (or yyyy-mm-dd) as YYYY-MM-DD, or null. */
function typedDate(s: string): string | null {
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : s;
  return isPlainDate(iso) ? iso : null;
}

/** The page's query (?c=, or ?series=&number=&issued=) read and checked; a code wins. */
export function readPageInput(q: {
  c?: string;
  series?: string;
  number?: string;
  issued?: string;
}): PageInput {
  const [code, series, number, issued] = [q.c, q.series, q.number, q.issued].map((v) => (v ?? '').trim()) as [
    string,
    string,
    string,
    string,
  ];
  const input: PageInput = { code, series, number, issued, ask: null, wrong: {} };
  if (code) return { ...input, ask: { code } };
  if (!series && !number && !issued) return input;
  const on = typedDate(issued);
  if (!series || series.length > 20) input.wrong.series = 'seriesRequired';
  if (!/^[№#\s]*[0-9][0-9\s/]*$/.test(number) || number.length > 20) input.wrong.number = 'numberRequired';
  if (!on) input.wrong.issued = 'dateRequired';
  if (Object.keys(input.wrong).length || !on) return input;
  return { ...input, ask: { series, number, issuedOn: on } };
}

export function renderVerifyPage(locale: Locale, input: PageInput, result: VerifyResult | null): string {
  const t = TEXTS[locale];
  const query = input.code
    ? `&amp;c=${encodeURIComponent(input.code)}`
    : input.series || input.number || input.issued
      ? `&amp;series=${encodeURIComponent(input.series)}&amp;number=${encodeURIComponent(input.number)}&amp;issued=${encodeURIComponent(input.issued)}`
      : '';
  const langs = (Object.keys(TEXTS) as Locale[])
    .map((l) =>
      l === locale
        ? `<strong>${LANG_NAMES[l]}</strong>`
        : `<a href="/verify?lang=${l}${query}" lang="${l}">${LANG_NAMES[l]}</a>`,
    )
    .join(' · ');
  const example = t.codeHint.replace('{example}', VERIFY_CODE_EXAMPLE);
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(t.title)} — Сабт</title>
<style>
body{font-family:system-ui,sans-serif;max-width:42rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.15rem;margin:0 0 .5rem}
section{border:1px solid #ccc;border-radius:.4rem;padding:1rem;margin:1rem 0}
label{display:block;margin-top:.5rem}
input[type=text]{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.4rem}
#c{font-family:monospace;letter-spacing:.08em}
.hint{color:#444;font-size:.9rem;margin:.2rem 0}
.field-error{color:#b3261e;font-weight:bold;margin:.2rem 0}
button{font-size:1.1rem;padding:.5rem 1.5rem;margin-top:.75rem}
.result{border:3px solid;padding:1rem;margin:1.5rem 0;border-radius:.4rem}
.ok{border-color:#1e7b34;background:#eef8f0}.warn{border-color:#a06800;background:#fff7e6}.bad{border-color:#b3261e;background:#fdeeee}
.verdict{font-size:1.2rem;font-weight:bold;margin:0 0 .5rem}
th{text-align:left;padding-right:1rem;vertical-align:top;font-weight:normal;color:#444}
td{font-weight:bold}
nav{font-size:.95rem}
</style>
</head>
<body>
<nav>${langs}</nav>
<h1>${esc(t.title)}</h1>
<p>${esc(t.lead)}</p>
${result && input.ask ? resultBox(locale, result, input.ask) : ''}
<section aria-labelledby="by-code">
<h2 id="by-code">${esc(t.byCode)}</h2>
<form method="get" action="/verify" aria-labelledby="by-code">
<input type="hidden" name="lang" value="${locale}">
<label for="c">${esc(t.code)}</label>
<p class="hint" id="c-hint">${esc(example)}</p>
<input type="text" id="c" name="c" value="${esc(input.code)}" maxlength="2000" required autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="c-hint">
<button type="submit">${esc(t.check)}</button>
</form>
</section>
<section aria-labelledby="by-number">
<h2 id="by-number">${esc(t.byNumber)}</h2>
<form method="get" action="/verify" aria-labelledby="by-number">
<input type="hidden" name="lang" value="${locale}">
${numberField(t, input, 'series', t.series, 'I-ДУ')}
${numberField(t, input, 'number', t.blankNumber, '000123', 'numeric')}
${numberField(t, input, 'issued', t.issuedOn, '14.03.2026', 'numeric')}
<button type="submit">${esc(t.check)}</button>
</form>
</section>
<p><a href="/api/v1/keys">${esc(t.keys)}</a></p>
</body>
</html>
`;
}

function numberField(
  t: Texts,
  input: PageInput,
  name: NumberField,
  label: string,
  placeholder: string,
  inputmode?: string,
): string {
  const wrong = input.wrong[name];
  const error = wrong ? `<p class="field-error" id="${name}-error">${esc(t[wrong])}</p>` : '';
  return `<label for="${name}">${esc(label)}</label>${error}
<input type="text" id="${name}" name="${name}" value="${esc(input[name])}" maxlength="40" required autocomplete="off" placeholder="${esc(placeholder)}"${inputmode ? ` inputmode="${inputmode}"` : ''}${wrong ? ` aria-invalid="true" aria-describedby="${name}-error"` : ''}>`;
}

/** Why nothing was confirmed, in words fit for the way it was asked. */
function failure(t: Texts, r: VerifyResult, ask: { code: string } | NumberCheck): string {
  if (!('code' in ask)) return t.numberNotFound;
  const typed = !looksLikePayload(ask.code);
  if (typed && r.reason === 'format') return t.codeFormat.replace('{example}', VERIFY_CODE_EXAMPLE);
  if (r.reason === 'typo') return t.codeTypo;
  if (r.reason === 'not-found') return t.codeNotFound;
  return t.fake;
}

function resultBox(locale: Locale, r: VerifyResult, ask: { code: string } | NumberCheck): string {
  const t = TEXTS[locale];
  if (!r.genuine)
    return `<div class="result bad" role="alert"><p class="verdict">✗ ${esc(failure(t, r, ask))}</p></div>`;
  if (r.receipt) return receiptBox(locale, r, r.receipt);
  const tone = r.status === 'valid' ? 'ok' : r.status === 'superseded' ? 'warn' : 'bad';
  // refunded and corrected are a receipt's, never a certificate's
  const verdict =
    r.status === 'unknown' || r.status === 'refunded' || r.status === 'corrected' ? t.fake : t[r.status];
  const doc = r.document as DocumentKind;
  const office = r.office ? { tg: r.office.nameTg, ru: r.office.nameRu, en: r.office.nameEn }[locale] : '';
  const rows: [string, string][] = [
    [t.document, DOCUMENT_LABELS[doc]?.[locale] ?? r.document ?? ''],
    [t.number, shownNumber(doc, r.certificateNumber ?? '')],
    [t.issued, r.issuedOn ? formatDate(r.issuedOn) : ''],
    [t.office, office],
    ...(r.signatory
      ? [[t.signatory, `${r.signatory.title}: ${r.signatory.fullName}`] as [string, string]]
      : []),
    [t.person, r.names === null ? `(${t.sealed})` : (r.names ?? []).join(', ')],
    [
      t.version,
      t.versionOf.replace('{v}', String(r.recordVersion)).replace('{current}', String(r.currentVersion)),
    ],
  ];
  return `<div class="result ${tone}" role="status">
<p class="verdict">${tone === 'ok' ? '✓' : tone === 'warn' ? '!' : '✗'} ${esc(verdict)}</p>
<table>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>
</div>`;
}

/** A blank's series and number; a document on plain paper by its own number, not the office's code. */
function shownNumber(doc: DocumentKind, code: string): string {
  if (DOCUMENTS[doc]?.blank !== false) return code;
  const [, ...number] = code.split(' ');
  return `№ ${number.join(' ')}`;
}

/** A fee receipt found by its code: which receipt, the office, the day, the amount, the service; no name. */
function receiptBox(locale: Locale, r: VerifyResult, receipt: NonNullable<VerifyResult['receipt']>): string {
  const t = TEXTS[locale];
  const tone = r.status === 'valid' ? 'ok' : r.status === 'refunded' ? 'warn' : 'bad';
  const verdict =
    r.status === 'corrected'
      ? t.receiptCorrected
      : r.status === 'refunded'
        ? t.receiptRefunded
        : receipt.kind === 'refund'
          ? t.refundValid
          : t.receiptValid;
  const office = r.office ? { tg: r.office.nameTg, ru: r.office.nameRu, en: r.office.nameEn }[locale] : '';
  const money = (a: { currency: string; text: string }) => `${a.text} ${a.currency}`;
  const rows: [string, string][] = [
    [t.document, receipt.kind === 'refund' ? t.refundReceipt : t.receipt],
    [t.receiptNumber, receipt.number],
    [t.receiptDate, formatDate(receipt.date)],
    [t.office, office],
    [t.amount, money(receipt.amount)],
    [t.service, FEE_SERVICE_DEFINITIONS[receipt.service as FeeService]?.labels[locale] ?? receipt.service],
    ...(receipt.refunded ? [[t.refunded, money(receipt.refunded)] as [string, string]] : []),
  ];
  return `<div class="result ${tone}" role="status">
<p class="verdict">${tone === 'ok' ? '✓' : tone === 'warn' ? '!' : '✗'} ${esc(verdict)}</p>
<table>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>
</div>`;
}
