import { DOCUMENT_LABELS, DOCUMENTS, formatDate, type Locale } from '@sabt/core';
import type { DocumentKind } from '../types.ts';
import type { VerifyResult } from './verify.ts';

/** The public check page: plain server-rendered HTML in Tajik, Russian or English, no script. */

const TEXTS = {
  tg: {
    title: 'Санҷиши шаҳодатнома',
    lead: 'Рамзи зери рамзи QR-ро нависед ё гузоред ва «Санҷидан»-ро пахш кунед.',
    code: 'Рамзи шаҳодатнома',
    check: 'Санҷидан',
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
  },
  ru: {
    title: 'Проверка свидетельства',
    lead: 'Введите или вставьте код под QR-кодом и нажмите «Проверить».',
    code: 'Код свидетельства',
    check: 'Проверить',
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
  },
  en: {
    title: 'Certificate check',
    lead: 'Type or paste the code printed under the QR code and press “Check”.',
    code: 'Certificate code',
    check: 'Check',
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
  },
} as const satisfies Record<Locale, Record<string, string>>;

const LANG_NAMES: Record<Locale, string> = { tg: 'Тоҷикӣ', ru: 'Русский', en: 'English' };

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderVerifyPage(locale: Locale, code: string, result: VerifyResult | null): string {
  const t = TEXTS[locale];
  const langs = (Object.keys(TEXTS) as Locale[])
    .map((l) =>
      l === locale
        ? `<strong>${LANG_NAMES[l]}</strong>`
        : `<a href="/verify?lang=${l}${code ? `&amp;c=${encodeURIComponent(code)}` : ''}" lang="${l}">${LANG_NAMES[l]}</a>`,
    )
    .join(' · ');
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
textarea{width:100%;box-sizing:border-box;font:1rem monospace;padding:.5rem}
button{font-size:1.1rem;padding:.5rem 1.5rem;margin-top:.5rem}
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
${result ? resultBox(locale, result) : ''}
<form method="get" action="/verify">
<input type="hidden" name="lang" value="${locale}">
<label for="c">${esc(t.code)}</label>
<textarea id="c" name="c" rows="4" maxlength="2000" required autocomplete="off" spellcheck="false">${esc(code)}</textarea>
<button type="submit">${esc(t.check)}</button>
</form>
<p><a href="/api/v1/keys">${esc(t.keys)}</a></p>
</body>
</html>
`;
}

function resultBox(locale: Locale, r: VerifyResult): string {
  const t = TEXTS[locale];
  if (!r.genuine) return `<div class="result bad" role="alert"><p class="verdict">✗ ${esc(t.fake)}</p></div>`;
  const tone = r.status === 'valid' ? 'ok' : r.status === 'superseded' ? 'warn' : 'bad';
  const verdict = r.status === 'unknown' ? t.fake : t[r.status];
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
