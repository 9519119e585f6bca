import type { LocalizedText } from '../i18n/locale.ts';

const e = (tg: string, ru: string, en: string): LocalizedText => ({ tg, ru, en });

const OTHER = e('Дигар', 'Другое', 'Other');
const UNKNOWN = e('Номаълум', 'Неизвестно', 'Unknown');
const COURT_DECISION = e('Қарори суд', 'Решение суда', 'Court decision');
const MARRIED = e('Дар ақди никоҳ', 'Состоит в браке', 'Married');
const NEVER_MARRIED = e('Ҳеҷ гоҳ дар ақди никоҳ набуд', 'Никогда не состоял(а) в браке', 'Never married');
const DIVORCED = e('Ақди никоҳ бекор шудааст', 'Разведён(а)', 'Divorced');
const WIDOWED = e('Бевамард ё бевазан', 'Вдовец или вдова', 'Widowed');

/**
 * Names of the coded values of record data (enums), by value. Values that mean different things
 * in different fields are told apart by `field:VALUE` or `parent.field:VALUE` (see VALUE_OVERRIDES).
 */
export const VALUE_LABELS = {
  M: e('Мард', 'Мужской', 'Male'),
  F: e('Зан', 'Женский', 'Female'),
  // proofs of birth and death, bases
  MEDICAL_CERTIFICATE: e(
    'Маълумотномаи тиббӣ дар бораи таваллуд',
    'Медицинское свидетельство о рождении',
    'Medical certificate of birth',
  ),
  WITNESS_STATEMENT: e(
    'Аризаи шахсе, ки ҳангоми таваллуд ҳозир буд',
    'Заявление лица, присутствовавшего при родах',
    'Statement of a person present at the birth',
  ),
  COURT_DECISION,
  MEDICAL_DEATH_CERTIFICATE: e(
    'Маълумотномаи тиббӣ дар бораи марг',
    'Медицинское свидетельство о смерти',
    'Medical certificate of death',
  ),
  PERINATAL_DEATH_CERTIFICATE: e(
    'Маълумотномаи тиббӣ дар бораи марги перинаталӣ',
    'Медицинское свидетельство о перинатальной смерти',
    'Medical certificate of perinatal death',
  ),
  COURT_DECISION_DEATH_ESTABLISHED: e(
    'Қарори суд дар бораи муқаррар кардани далели марг',
    'Решение суда об установлении факта смерти',
    'Court decision establishing the death',
  ),
  COURT_DECISION_DECLARED_DEAD: e(
    'Қарори суд дар бораи фавтида эълон кардан',
    'Решение суда об объявлении умершим',
    'Court decision declaring the person dead',
  ),
  JOINT_APPLICATION: e('Аризаи якҷоя', 'Совместное заявление', 'Joint application'),
  SPOUSE_APPLICATION: e('Аризаи яке аз ҳамсарон', 'Заявление одного из супругов', "One spouse's application"),
  FATHER_APPLICATION: e('Аризаи падар', 'Заявление отца', "The father's application"),
  // identity documents
  PASSPORT: e('Шиноснома', 'Паспорт', 'Passport'),
  ID_CARD: e('Корти шахсият', 'Удостоверение личности', 'Identity card'),
  FOREIGN_PASSPORT: e('Шиносномаи хориҷӣ', 'Иностранный паспорт', 'Foreign passport'),
  BIRTH_CERTIFICATE: e('Шаҳодатномаи таваллуд', 'Свидетельство о рождении', 'Birth certificate'),
  RESIDENCE_PERMIT: e('Иҷозатнома барои истиқомат', 'Вид на жительство', 'Residence permit'),
  OTHER,
  // the father's details
  MARRIAGE_RECORD: e('Сабти ақди никоҳ', 'Запись акта о заключении брака', 'Marriage record'),
  PATERNITY_RECORD: e(
    'Сабти муқаррар намудани падарӣ',
    'Запись акта об установлении отцовства',
    'Paternity record',
  ),
  ADOPTION_RECORD: e('Сабти фарзандхондӣ', 'Запись акта об усыновлении', 'Adoption record'),
  MOTHER_STATEMENT: e('Аризаи модар', 'Заявление матери', "The mother's statement"),
  NONE: e('Нест', 'Нет', 'None'),
  // applicants
  MOTHER: e('Модар', 'Мать', 'Mother'),
  FATHER: e('Падар', 'Отец', 'Father'),
  PARENTS: e('Падару модар', 'Родители', 'Both parents'),
  SPOUSE: e('Ҳамсар', 'Супруг(а)', 'Spouse'),
  RELATIVE: e('Хешованд', 'Родственник', 'Relative'),
  OTHER_PERSON: e('Шахси дигар', 'Другое лицо', 'Other person'),
  MEDICAL_FACILITY: e('Муассисаи тиббӣ', 'Медицинская организация', 'Medical facility'),
  GUARDIANSHIP_BODY: e('Мақоми васоят ва парасторӣ', 'Орган опеки и попечительства', 'Guardianship body'),
  POLICE: e('Милитсия', 'Милиция', 'Police'),
  ORGANISATION: e('Ташкилоти дигар', 'Другая организация', 'Another organisation'),
  // end of an earlier marriage
  DIVORCE_RECORD: e('Сабти бекор кардани ақди никоҳ', 'Запись акта о расторжении брака', 'Divorce record'),
  DEATH_RECORD: e('Сабти вафот', 'Запись акта о смерти', 'Death record'),
  OTHER_DOCUMENT: e('Ҳуҷҷати дигар', 'Другой документ', 'Other document'),
  // birth statistics
  DOCTOR: e('Духтур', 'Врач', 'Doctor'),
  MIDWIFE: e('Доя', 'Акушерка', 'Midwife'),
  NURSE: e('Ҳамшираи тиббӣ', 'Медицинская сестра', 'Nurse'),
  FACILITY: e('Дар муассисаи тиббӣ', 'В медицинской организации', 'In a health facility'),
  HOME: e('Дар хона', 'Дома', 'At home'),
  UNKNOWN,
  PRIMARY: e('Ибтидоӣ', 'Начальное', 'Primary'),
  BASIC: e('Умумии асосӣ', 'Основное общее', 'Basic secondary'),
  SECONDARY: e('Миёнаи умумӣ', 'Среднее общее', 'Secondary'),
  VOCATIONAL: e('Миёнаи касбӣ', 'Среднее профессиональное', 'Vocational'),
  HIGHER: e('Олӣ', 'Высшее', 'Higher'),
  MARRIED,
  NEVER_MARRIED,
  DIVORCED,
  WIDOWED,
  // death
  DISEASE: e('Беморӣ', 'Заболевание', 'Disease'),
  ACCIDENT: e('Ҳодисаи нохуш', 'Несчастный случай', 'Accident'),
  SELF_HARM: e('Худкушӣ', 'Самоубийство', 'Intentional self-harm'),
  ASSAULT: e('Куштор', 'Убийство', 'Assault'),
  LEGAL_INTERVENTION: e(
    'Амали мақомоти ҳифзи ҳуқуқ',
    'Действия правоохранительных органов',
    'Legal intervention',
  ),
  WAR: e('Амалиёти ҷангӣ', 'Военные действия', 'War'),
  PENDING: e('Дар тафтиш аст', 'Устанавливается', 'Pending investigation'),
  'ICD-10': e('ТББ-10', 'МКБ-10', 'ICD-10'),
  'ICD-11': e('ТББ-11', 'МКБ-11', 'ICD-11'),
  // divorce
  MISSING: e('Бедарак ғоиб эътироф шудааст', 'Признан безвестно отсутствующим', 'Declared missing'),
  INCAPABLE: e('Ғайри қобили амал эътироф шудааст', 'Признан недееспособным', 'Declared legally incapable'),
  IMPRISONED_OVER_3_YEARS: e(
    'Ба зиёда аз 3 сол аз озодӣ маҳрум шудааст',
    'Осуждён к лишению свободы на срок свыше 3 лет',
    'Sentenced to over 3 years in prison',
  ),
  // paternity
  MOTHER_DEAD: e('Модар фавтидааст', 'Мать умерла', 'The mother has died'),
  MOTHER_INCAPABLE: e(
    'Модар ғайри қобили амал эътироф шудааст',
    'Мать признана недееспособной',
    'The mother is legally incapable',
  ),
  MOTHER_WHEREABOUTS_UNKNOWN: e(
    'Ҷои будубоши модар номаълум аст',
    'Место пребывания матери неизвестно',
    "The mother's whereabouts are unknown",
  ),
  MOTHER_DEPRIVED_OF_RIGHTS: e(
    'Модар аз ҳуқуқи падару модарӣ маҳрум шудааст',
    'Мать лишена родительских прав',
    'The mother is deprived of parental rights',
  ),
  // basis documents of amendments and annulments
  APPLICATION: e('Ариза', 'Заявление', 'Application'),
  GUARDIANSHIP_DECISION: e('Қарори мақоми васоят', 'Решение органа опеки', 'Guardianship body decision'),
  CONCLUSION: e('Хулосаи мақоми САҲШ', 'Заключение органа ЗАГС', 'Conclusion of the registry office'),
  DUPLICATE: e('Сабти такрорӣ', 'Повторная запись (дубликат)', 'Duplicate record'),
} satisfies Record<string, LocalizedText>;

export const VALUE_OVERRIDES: Record<string, LocalizedText> = {
  'fatherBasis.type:NONE': e(
    'Маълумот дар бораи падар сабт намешавад (хати тире)',
    'Сведения об отце не вносятся (прочерк)',
    'No father recorded (dash)',
  ),
  'fatherBasis.type:MARRIAGE_RECORD': e(
    'Сабти ақди никоҳи падару модар',
    'Запись акта о заключении брака родителей',
    "The parents' marriage record",
  ),
  'birthBasis.type:COURT_DECISION': e(
    'Қарори суд дар бораи муқаррар кардани далели таваллуд',
    'Решение суда об установлении факта рождения',
    'Court decision establishing the birth',
  ),
  'previousMarriageEnd.type:DEATH_RECORD': e(
    'Сабти вафоти ҳамсар',
    'Запись акта о смерти супруга',
    'Death record of the spouse',
  ),
  'attendant:OTHER': VALUE_LABELS.OTHER_PERSON,
  'placeType:OTHER': e('Дар ҷои дигар', 'В другом месте', 'Elsewhere'),
  // an identity document's "other" is another document (the receipt and the extract say so too)
  'idDocument.type:OTHER': VALUE_LABELS.OTHER_DOCUMENT,
  'attendant:NONE': e('Ҳеҷ кас', 'Никто', 'No one'),
  'motherEducation:NONE': e('Бе маълумот', 'Без образования', 'No education'),
  // the lines of a medical certificate of death (part I a–d, part II)
  'line:a': e('I а) сабаби бевосита', 'I а) непосредственная причина', 'I (a) direct cause'),
  'line:b': e('I б) ҳолати боиси он', 'I б) состояние, вызвавшее её', 'I (b) due to'),
  'line:c': e('I в) ҳолати боиси он', 'I в) состояние, вызвавшее его', 'I (c) due to'),
  'line:d': e('I г) сабаби аввалия', 'I г) первоначальная причина', 'I (d) underlying cause'),
  'line:II': e('II дигар ҳолатҳои муҳим', 'II прочие важные состояния', 'II other significant conditions'),
};

/** The catalogue's name of a coded value, in any field (no overrides), or undefined. */
export function valueLabelOf(code: string): LocalizedText | undefined {
  return Object.hasOwn(VALUE_LABELS, code)
    ? (VALUE_LABELS as Record<string, LocalizedText>)[code]
    : undefined;
}
