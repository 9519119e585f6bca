import { getActKind } from '@sabt/core';
import type { CertificateRenderInput } from '../../types.ts';
import { citizenship, countryName, date, fullName, officeName, place } from '../format.ts';
import type { FlowRow } from '../layout-types.ts';

/**
 * The archive extract lists the record's data as registered, in Tajik: every group becomes a
 * heading and every value a row. Internal links (record ids), the statistical block and the
 * medical cause of death are left out: they are not part of an extract handed to a person.
 */

const SKIP = new Set([
  'statistics',
  'cause',
  'recordId',
  'birthRecordId',
  'marriageRecordId',
  'childrenBirthRecordIds',
]);

const GROUPS: Record<string, string> = {
  child: 'Кӯдак',
  mother: 'Модар',
  father: 'Падар',
  birthBasis: 'Асоси бақайдгирии таваллуд',
  fatherBasis: 'Асоси сабти маълумот дар бораи падар',
  applicant: 'Аризадиҳанда',
  deceased: 'Фавтида',
  death: 'Вафот',
  basis: 'Асос',
  husband: 'Шавҳар',
  wife: 'Зан',
  medicalExamination: 'Муоинаи тиббӣ',
  marriageContract: 'Шартномаи никоҳ',
  marriage: 'Сабти санади ақди никоҳ',
  previousMarriageEnd: 'Ҳуҷҷати қатъ гардидани ақди никоҳи қаблӣ',
  courtAgeReduction: 'Қарори суд дар бораи паст кардани синни никоҳ',
  childBefore: 'Кӯдак то',
  childAfter: 'Кӯдак баъд',
  birthMother: 'Модари биологӣ',
  birthFather: 'Падари биологӣ',
  adoptiveMother: 'Модархонд',
  adoptiveFather: 'Падархонд',
  court: 'Қарори суд',
  guardianshipConsent: 'Розигии мақоми васоят ва парасторӣ',
  person: 'Шахс',
};

const LABELS: Record<string, string> = {
  surname: 'Насаб',
  name: 'Ном',
  patronymic: 'Номи падар',
  sex: 'Ҷинс',
  birthDate: 'Санаи таваллуд',
  birthTime: 'Соати таваллуд',
  birthPlace: 'Ҷойи таваллуд',
  liveBorn: 'Зинда таваллуд шудааст',
  plurality: 'Шумораи кӯдакони якбора таваллудшуда',
  birthOrder: 'Тартиби таваллуд',
  type: 'Намуд',
  number: 'Рақам',
  date: 'Сана',
  issuer: 'Додааст',
  citizenship: 'Шаҳрвандӣ',
  nationality: 'Миллат',
  residence: 'Ҷойи истиқомат',
  idDocument: 'Ҳуҷҷати тасдиқкунандаи шахсият',
  recordNumber: 'Рақами сабт',
  recordDate: 'Санаи сабт',
  recordOffice: 'Мақоми САҲШ',
  organisation: 'Ташкилот',
  time: 'Вақт',
  place: 'Ҷой',
  placeType: 'Намуди ҷой',
  identityEstablished: 'Шахсият муқаррар шудааст',
  maritalStatus: 'Вазъи оилавӣ',
  doctor: 'Духтур',
  court: 'Суд',
  caseNumber: 'Рақами парванда',
  inForceDate: 'Санаи эътибор пайдо кардан',
  surnameBefore: 'Насаб то',
  surnameAfter: 'Насаб баъд',
  nameBefore: 'Ном то',
  nameAfter: 'Ном баъд',
  patronymicBefore: 'Номи падар то',
  patronymicAfter: 'Номи падар баъд',
  previousMaritalStatus: 'Вазъи оилавии қаблӣ',
  office: 'Мақоми САҲШ',
  applicationDate: 'Санаи ариза',
  registrationDate: 'Санаи бақайдгирии ақди никоҳ',
  facility: 'Муассисаи тиббӣ',
  notary: 'Нотариус',
  marriageEndDate: 'Санаи қатъ гардидани ақди никоҳ',
  specialCase: 'Асоси махсус',
  commonMinorChildren: 'Фарзандони ноболиғи умумӣ доранд',
  adoptersRecordedAsParents: 'Фарзандхондагон ҳамчун волидон сабт шудаанд',
  fatherApplicationGround: 'Асоси аризаи падар',
  childConsent: 'Розигии фарзанд',
  reasons: 'Сабабҳо',
  body: 'Мақом',
};

const VALUES: Record<string, string> = {
  M: 'мард',
  F: 'зан',
  PASSPORT: 'шиноснома',
  ID_CARD: 'корти шаҳрвандӣ',
  FOREIGN_PASSPORT: 'шиносномаи хориҷӣ',
  BIRTH_CERTIFICATE: 'шаҳодатномаи таваллуд',
  RESIDENCE_PERMIT: 'иҷозати истиқомат',
  OTHER: 'дигар',
  MEDICAL_CERTIFICATE: 'маълумотномаи тиббӣ дар бораи таваллуд',
  WITNESS_STATEMENT: 'аризаи шахси ҳозирбуда ҳангоми таваллуд',
  COURT_DECISION: 'қарори суд',
  MARRIAGE_RECORD: 'сабти санади ақди никоҳ',
  PATERNITY_RECORD: 'сабти санади муқаррар намудани падарӣ',
  ADOPTION_RECORD: 'сабти санади фарзандхондӣ',
  MOTHER_STATEMENT: 'аризаи модар',
  NONE: 'нест',
  MOTHER: 'модар',
  FATHER: 'падар',
  PARENTS: 'волидон',
  SPOUSE: 'ҳамсар',
  RELATIVE: 'хешованд',
  OTHER_PERSON: 'шахси дигар',
  MEDICAL_FACILITY: 'муассисаи тиббӣ',
  GUARDIANSHIP_BODY: 'мақоми васоят ва парасторӣ',
  POLICE: 'мақомоти корҳои дохилӣ',
  ORGANISATION: 'ташкилот',
  MEDICAL_DEATH_CERTIFICATE: 'маълумотномаи тиббӣ дар бораи вафот',
  PERINATAL_DEATH_CERTIFICATE: 'маълумотномаи тиббӣ дар бораи вафоти перинаталӣ',
  COURT_DECISION_DEATH_ESTABLISHED: 'қарори суд дар бораи муқаррар намудани далели вафот',
  COURT_DECISION_DECLARED_DEAD: 'қарори суд дар бораи фавтида эълон кардан',
  FACILITY: 'муассисаи тиббӣ',
  HOME: 'хона',
  UNKNOWN: 'маълум нест',
  MARRIED: 'оиладор',
  NEVER_MARRIED: 'ҳеҷ гоҳ оиладор набуд',
  DIVORCED: 'ақди никоҳ бекор шудааст',
  WIDOWED: 'бевамард / бевазан',
  DIVORCE_RECORD: 'сабти санади бекор кардани ақди никоҳ',
  DEATH_RECORD: 'сабти санади вафот',
  OTHER_DOCUMENT: 'ҳуҷҷати дигар',
  JOINT_APPLICATION: 'аризаи якҷоя',
  SPOUSE_APPLICATION: 'аризаи яке аз ҳамсарон',
  FATHER_APPLICATION: 'аризаи падар',
  MISSING: 'ҳамсар бедарак ғоибшуда эътироф шудааст',
  INCAPABLE: 'ҳамсар ғайриқобили амал эътироф шудааст',
  IMPRISONED_OVER_3_YEARS: 'ҳамсар зиёда аз 3 сол аз озодӣ маҳрум шудааст',
  MOTHER_DEAD: 'модар вафот кардааст',
  MOTHER_INCAPABLE: 'модар ғайриқобили амал эътироф шудааст',
  MOTHER_WHEREABOUTS_UNKNOWN: 'ҷойи будубоши модар маълум нест',
  MOTHER_DEPRIVED_OF_RIGHTS: 'модар аз ҳуқуқи падару модарӣ маҳрум шудааст',
};

const isPlace = (k: string) => k === 'birthPlace' || k === 'residence' || k === 'place';
const isDateKey = (k: string) => /date$/i.test(k) || k === 'date';

function idDocumentText(v: Record<string, unknown>): string {
  const type = typeof v.type === 'string' ? (VALUES[v.type] ?? v.type) : '';
  const no = [v.series, v.number].filter((x) => typeof x === 'string' && x).join(' ');
  const issued = [
    typeof v.issuer === 'string' ? v.issuer : '',
    typeof v.issueDate === 'string' ? date(v.issueDate) : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [type, no, issued].filter(Boolean).join(', ');
}

function placeText(v: Record<string, unknown>): string {
  const p = place(v as Parameters<typeof place>[0]);
  const address = typeof v.address === 'string' ? v.address.trim() : '';
  return [p, address].filter(Boolean).join(', ');
}

function scalar(key: string, v: unknown): string {
  if (typeof v === 'boolean') return v ? 'ҳа' : 'не';
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return '';
  if (key === 'citizenship') return citizenship(v);
  if (key === 'country') return countryName(v);
  if (key === 'office' || key === 'recordOffice') return officeName(v);
  if (isDateKey(key)) return date(v);
  return VALUES[v] ?? v;
}

const NAME_PARTS = ['surname', 'name', 'patronymic'];

function walk(obj: Record<string, unknown>, rows: FlowRow[], depth: number): void {
  // A person's name reads as one line, as everywhere in the registry: "Насаб Ном Номи падар".
  const hasName = NAME_PARTS.some((k) => typeof obj[k] === 'string' && obj[k]);
  let nameDone = false;
  for (const [key, v] of Object.entries(obj)) {
    if (SKIP.has(key) || v === undefined || v === null || v === '') continue;
    if (hasName && NAME_PARTS.includes(key)) {
      if (!nameDone) rows.push({ label: 'Насаб, ном, номи падар', value: fullName(obj as never) });
      nameDone = true;
      continue;
    }
    const label = LABELS[key] ?? key;
    if (Array.isArray(v)) {
      rows.push({ label, value: v.map((x) => scalar(key, x)).join('; ') });
    } else if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (key === 'idDocument') rows.push({ label, value: idDocumentText(o) });
      else if (isPlace(key)) rows.push({ label, value: placeText(o) });
      else if (depth > 4) continue;
      else {
        rows.push({ label: GROUPS[key] ?? LABELS[key] ?? key });
        walk(o, rows, depth + 1);
      }
    } else {
      rows.push({ label, value: scalar(key, v) });
    }
  }
}

/** Data rows, then the notations (later acts noted on the record). */
export function extractRows(input: CertificateRenderInput): FlowRow[] {
  const rows: FlowRow[] = [];
  const data = input.record.data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const top: Record<string, unknown> = {};
    const groups: [string, unknown][] = [];
    for (const [k, v] of Object.entries(data)) {
      if (v && typeof v === 'object' && !Array.isArray(v) && k !== 'idDocument' && !isPlace(k))
        groups.push([k, v]);
      else top[k] = v;
    }
    for (const [k, v] of groups) walk({ [k]: v }, rows, 0);
    const before = rows.length;
    walk(top, rows, 0);
    if (rows.length > before) rows.splice(before, 0, { label: 'Маълумоти дигар' });
  }
  rows.push({ label: 'Қайдҳо' });
  const notes = input.record.notations ?? [];
  if (notes.length === 0) rows.push({ label: 'Қайдҳо', value: 'нест' });
  for (const n of notes) {
    const kind = getActKind(n.type)?.labels.tg ?? n.type;
    const value = [
      n.number != null ? `сабти № ${n.number}` : '',
      n.year != null ? `соли ${n.year}` : '',
      n.eventDate ? `санаи ҳодиса ${date(n.eventDate)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    rows.push({ label: kind, value });
  }
  return rows;
}
