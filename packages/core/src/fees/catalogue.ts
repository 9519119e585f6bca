import type { LocalizedText } from '../i18n/locale.ts';
import type { ActKindCode } from '../workflow/statuses.ts';

const e = (tg: string, ru: string, en: string): LocalizedText => ({ tg, ru, en });

/**
 * The services of the civil registry a fee may be due for (handbook §1.3: the Tajik service list),
 * each with the kinds of line its fee is made of. A late registration is a service of its own (a
 * bucket of its family): the calculator picks the bucket from the event date and the application date.
 */
export const FEE_SERVICES = [
  'BIRTH_REG',
  'BIRTH_REG_LATE_1_16',
  'BIRTH_REG_LATE_16',
  'DEATH_REG',
  'DEATH_REG_LATE',
  'MARRIAGE_REG',
  'DIVORCE_REG',
  'ADOPTION_REG',
  'PATERNITY_REG',
  'NAME_CHANGE_REG',
  'RECORD_AMEND',
  'RECORD_RESTORE',
  'RECORD_ANNUL',
  'CERT_REPEAT',
  'CERT_REISSUE_NAMECHANGE',
  'CERT_REISSUE_AMEND',
  'CERT_REISSUE_PATERNITY',
  'CERT_REISSUE_ADOPTION',
  'EXTRACT',
  'ARCHIVE_SEARCH',
  'APPLICATION_BLANK',
] as const;
export type FeeService = (typeof FEE_SERVICES)[number];

/** What a fee is made of (handbook §3.2): state duty, service fee (Decree 430), blank; abroad, the consular tariff. */
export const FEE_LINE_KINDS = ['duty', 'service', 'blank'] as const;
export type FeeLineKind = (typeof FEE_LINE_KINDS)[number];
export type FeeLineKindOrConsular = FeeLineKind | 'consular';

export const FEE_LINE_LABELS: Record<FeeLineKindOrConsular, LocalizedText> = {
  duty: e('Боҷи давлатӣ', 'Государственная пошлина', 'State duty'),
  service: e('Ҳаққи хизматрасонӣ', 'Плата за услугу', 'Service fee'),
  blank: e('Бланк ва пур кардани он', 'Бланк и его заполнение', 'Blank and its filling in'),
  consular: e('Тарифи консулӣ', 'Консульский тариф', 'Consular tariff'),
};

export const FEE_SERVICE_GROUPS = ['registration', 'record', 'certificate', 'other'] as const;
export type FeeServiceGroup = (typeof FEE_SERVICE_GROUPS)[number];

export const FEE_SERVICE_GROUP_LABELS: Record<FeeServiceGroup, LocalizedText> = {
  registration: e('Бақайдгирии санадҳо', 'Регистрация актов', 'Registration of acts'),
  record: e('Амалҳо бо сабтҳо', 'Действия с записями актов', 'Operations on records'),
  certificate: e('Шаҳодатномаҳо', 'Свидетельства', 'Certificates'),
  other: e('Маълумотномаҳо ва бланкҳо', 'Справки и бланки', 'References and blanks'),
};

/**
 * A family of services told apart by the time since the event (full years between the event date
 * and the application date): birth registration up to 1 year, from 1 to 16 years, over 16; death
 * registration within a year and later.
 */
export interface FeeBucket {
  family: FeeService;
  /** Full years since the event, from (inclusive) … to (exclusive; null: no end). */
  fromYears: number;
  toYears: number | null;
}

export interface FeeServiceDefinition {
  code: FeeService;
  group: FeeServiceGroup;
  labels: LocalizedText;
  /** The act the service registers or concerns, when it is one act's. */
  actKind: ActKindCode | null;
  /** Its place in a family of buckets by the time since the event. */
  bucket: FeeBucket | null;
  /** Whether the fee depends on the event date (the buckets, an exemption by time since the event). */
  needsEventDate: boolean;
}

const def = (
  code: FeeService,
  group: FeeServiceGroup,
  labels: LocalizedText,
  actKind: ActKindCode | null,
  bucket: FeeBucket | null = null,
): FeeServiceDefinition => ({ code, group, labels, actKind, bucket, needsEventDate: bucket !== null });

export const FEE_SERVICE_DEFINITIONS: Record<FeeService, FeeServiceDefinition> = {
  BIRTH_REG: def(
    'BIRTH_REG',
    'registration',
    e(
      'Бақайдгирии таваллуд (то 1-солагӣ)',
      'Регистрация рождения (до 1 года)',
      'Birth registration (up to age 1)',
    ),
    'BIRTH',
    { family: 'BIRTH_REG', fromYears: 0, toYears: 1 },
  ),
  BIRTH_REG_LATE_1_16: def(
    'BIRTH_REG_LATE_1_16',
    'registration',
    e(
      'Бақайдгирии таваллуди муҳлаташ гузашта (аз 1 то 16-солагӣ)',
      'Регистрация рождения по истечении срока (от 1 до 16 лет)',
      'Late birth registration (age 1 to 16)',
    ),
    'BIRTH',
    { family: 'BIRTH_REG', fromYears: 1, toYears: 16 },
  ),
  BIRTH_REG_LATE_16: def(
    'BIRTH_REG_LATE_16',
    'registration',
    e(
      'Бақайдгирии таваллуди муҳлаташ гузашта (аз 16-солагӣ боло)',
      'Регистрация рождения по истечении срока (старше 16 лет)',
      'Late birth registration (over 16)',
    ),
    'BIRTH',
    { family: 'BIRTH_REG', fromYears: 16, toYears: null },
  ),
  DEATH_REG: def(
    'DEATH_REG',
    'registration',
    e(
      'Бақайдгирии вафот (то 1 сол)',
      'Регистрация смерти (в течение 1 года)',
      'Death registration (within 1 year)',
    ),
    'DEATH',
    { family: 'DEATH_REG', fromYears: 0, toYears: 1 },
  ),
  DEATH_REG_LATE: def(
    'DEATH_REG_LATE',
    'registration',
    e(
      'Бақайдгирии вафот (зиёда аз 1 сол пеш)',
      'Регистрация смерти (более 1 года назад)',
      'Death registration (more than 1 year ago)',
    ),
    'DEATH',
    { family: 'DEATH_REG', fromYears: 1, toYears: null },
  ),
  MARRIAGE_REG: def(
    'MARRIAGE_REG',
    'registration',
    e('Бақайдгирии ақди никоҳ', 'Регистрация заключения брака', 'Marriage registration'),
    'MARRIAGE',
  ),
  DIVORCE_REG: def(
    'DIVORCE_REG',
    'registration',
    e('Бақайдгирии бекор кардани ақди никоҳ', 'Регистрация расторжения брака', 'Divorce registration'),
    'DIVORCE',
  ),
  ADOPTION_REG: def(
    'ADOPTION_REG',
    'registration',
    e('Бақайдгирии фарзандхондӣ', 'Регистрация усыновления', 'Adoption registration'),
    'ADOPTION',
  ),
  PATERNITY_REG: def(
    'PATERNITY_REG',
    'registration',
    e('Бақайдгирии муқаррар намудани падарӣ', 'Регистрация установления отцовства', 'Paternity registration'),
    'PATERNITY',
  ),
  NAME_CHANGE_REG: def(
    'NAME_CHANGE_REG',
    'registration',
    e(
      'Иваз намудани насаб, ном ва номи падар',
      'Перемена фамилии, имени, отчества',
      'Change of surname, name, patronymic',
    ),
    'NAME_CHANGE',
  ),
  RECORD_AMEND: def(
    'RECORD_AMEND',
    'record',
    e(
      'Ислоҳ, тағйир ва илова ба сабт',
      'Внесение исправлений и изменений в запись акта',
      'Correction, change or addition to a record',
    ),
    null,
  ),
  RECORD_RESTORE: def(
    'RECORD_RESTORE',
    'record',
    e('Барқарор кардани сабт', 'Восстановление записи акта', 'Restoration of a record'),
    null,
  ),
  RECORD_ANNUL: def(
    'RECORD_ANNUL',
    'record',
    e('Бекор кардани сабт', 'Аннулирование записи акта', 'Annulment of a record'),
    null,
  ),
  CERT_REPEAT: def(
    'CERT_REPEAT',
    'certificate',
    e('Шаҳодатномаи такрорӣ', 'Повторное свидетельство', 'Repeat certificate'),
    null,
  ),
  CERT_REISSUE_NAMECHANGE: def(
    'CERT_REISSUE_NAMECHANGE',
    'certificate',
    e(
      'Шаҳодатномаи нав пас аз иваз кардани ном (аз ҷумла барои фарзандони ноболиғ)',
      'Новое свидетельство после перемены имени (в том числе несовершеннолетним детям)',
      'New certificate after a name change (also for minor children)',
    ),
    null,
  ),
  CERT_REISSUE_AMEND: def(
    'CERT_REISSUE_AMEND',
    'certificate',
    e(
      'Шаҳодатномаи нав пас аз ислоҳ, тағйир ё илова',
      'Новое свидетельство после исправлений, изменений или дополнений',
      'New certificate after corrections, changes or additions',
    ),
    null,
  ),
  CERT_REISSUE_PATERNITY: def(
    'CERT_REISSUE_PATERNITY',
    'certificate',
    e(
      'Шаҳодатномаи нави таваллуд пас аз муқаррар намудани падарӣ',
      'Новое свидетельство о рождении после установления отцовства',
      'New birth certificate after paternity is established',
    ),
    'PATERNITY',
  ),
  CERT_REISSUE_ADOPTION: def(
    'CERT_REISSUE_ADOPTION',
    'certificate',
    e(
      'Шаҳодатномаи нави таваллуд пас аз фарзандхондӣ',
      'Новое свидетельство о рождении после усыновления',
      'New birth certificate after adoption',
    ),
    'ADOPTION',
  ),
  EXTRACT: def(
    'EXTRACT',
    'other',
    e(
      'Маълумотнома ё иқтибос аз сабт',
      'Справка или извлечение из записи акта',
      'Reference or extract from a record',
    ),
    null,
  ),
  ARCHIVE_SEARCH: def(
    'ARCHIVE_SEARCH',
    'other',
    e('Ҷустуҷӯи ҳуҷҷат дар бойгонӣ', 'Поиск документа в архиве', 'Archive search for a document'),
    null,
  ),
  APPLICATION_BLANK: def(
    'APPLICATION_BLANK',
    'other',
    e('Бланки ариза', 'Бланк заявления', 'Application blank'),
    null,
  ),
};

export function isFeeService(value: unknown): value is FeeService {
  return typeof value === 'string' && (FEE_SERVICES as readonly string[]).includes(value);
}

/** The services of a family of buckets, in order (the family's own code first). */
export function bucketsOf(service: FeeService): FeeServiceDefinition[] {
  const family = FEE_SERVICE_DEFINITIONS[service].bucket?.family;
  if (!family) return [];
  return FEE_SERVICES.map((s) => FEE_SERVICE_DEFINITIONS[s]).filter((d) => d.bucket?.family === family);
}

/** The applicant who is in no category of their own (no exemption by category). */
export const GENERAL_CATEGORY = 'general';
export const GENERAL_CATEGORY_LABEL = e('Бе имтиёз', 'Без льгот', 'No exemption category');
