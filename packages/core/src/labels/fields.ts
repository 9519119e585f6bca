import type { LocalizedText } from '../i18n/locale.ts';

const e = (tg: string, ru: string, en: string): LocalizedText => ({ tg, ru, en });

/**
 * The label catalogue of record data: every key that occurs in the data of the seven act kinds,
 * in Tajik, Russian and English. A path is labelled segment by segment ("Модар › Ҷои истиқомат
 * › Кишвар"); where a key means something else in one act kind or under one parent, an override
 * below says so. `labels.test.ts` beside it walks the schemas of all seven kinds and fails on a path that
 * this catalogue does not cover.
 */
export const FIELD_LABELS = {
  // sections (top-level keys)
  child: e('Кӯдак', 'Ребёнок', 'Child'),
  birthBasis: e('Ҳуҷҷати тасдиқкунандаи таваллуд', 'Документ, подтверждающий рождение', 'Proof of birth'),
  mother: e('Модар', 'Мать', 'Mother'),
  father: e('Падар', 'Отец', 'Father'),
  fatherBasis: e(
    'Асоси сабти маълумот дар бораи падар',
    'Основание внесения сведений об отце',
    "Basis of the father's details",
  ),
  applicant: e('Аризадиҳанда', 'Заявитель', 'Applicant'),
  statistics: e('Маълумоти оморӣ', 'Статистические сведения', 'Statistical details'),
  deceased: e('Фавтида', 'Умерший', 'Deceased'),
  death: e('Вафот', 'Смерть', 'Death'),
  cause: e('Сабаби марг', 'Причина смерти', 'Cause of death'),
  basis: e('Асос', 'Основание', 'Basis'),
  husband: e('Шавҳар', 'Муж', 'Husband'),
  wife: e('Зан', 'Жена', 'Wife'),
  applicationDate: e('Санаи пешниҳоди ариза', 'Дата подачи заявления', 'Date of the application'),
  registrationDate: e('Санаи бақайдгирии ақди никоҳ', 'Дата регистрации брака', 'Date of the marriage'),
  medicalExamination: e(
    'Муоинаи тиббии пеш аз ақди никоҳ',
    'Медицинское обследование перед браком',
    'Pre-marital medical examination',
  ),
  marriageContract: e('Шартномаи никоҳ', 'Брачный договор', 'Marriage contract'),
  marriageRecordId: e('Сабти ақди никоҳ', 'Запись акта о заключении брака', 'Marriage record'),
  marriage: e('Ақди никоҳи бекоршаванда', 'Расторгаемый брак', 'Marriage being dissolved'),
  marriageEndDate: e('Санаи қатъи ақди никоҳ', 'Дата прекращения брака', 'Date the marriage ended'),
  birthRecordId: e('Сабти таваллуд', 'Запись акта о рождении', 'Birth record'),
  childBefore: e('Кӯдак: маълумоти пешина', 'Ребёнок: прежние сведения', 'Child: before'),
  childAfter: e('Кӯдак: маълумоти нав', 'Ребёнок: новые сведения', 'Child: after'),
  birthMother: e('Модари биологӣ', 'Биологическая мать', 'Birth mother'),
  birthFather: e('Падари биологӣ', 'Биологический отец', 'Birth father'),
  adoptiveMother: e('Модари фарзандхонанда', 'Усыновительница', 'Adoptive mother'),
  adoptiveFather: e('Падари фарзандхонанда', 'Усыновитель', 'Adoptive father'),
  adoptersRecordedAsParents: e(
    'Фарзандхонандагон ҳамчун волидон сабт мешаванд',
    'Усыновители записываются родителями',
    'Adopters recorded as parents',
  ),
  court: e('Қарори суд', 'Решение суда', 'Court decision'),
  childConsent: e(
    'Розигии кӯдак (18-сола ва калонтар)',
    'Согласие ребёнка (18 лет и старше)',
    'Consent of the child (18 or over)',
  ),
  person: e('Шахс', 'Лицо', 'Person'),
  childrenBirthRecordIds: e(
    'Сабтҳои таваллуди фарзандони ноболиғ',
    'Записи о рождении несовершеннолетних детей',
    'Birth records of minor children',
  ),
  reasons: e('Сабабҳои иваз', 'Причины перемены', 'Reasons for the change'),

  // names and persons
  surname: e('Насаб', 'Фамилия', 'Surname'),
  name: e('Ном', 'Имя', 'Given name'),
  patronymic: e('Номи падар', 'Отчество', 'Patronymic'),
  sex: e('Ҷинс', 'Пол', 'Sex'),
  birthDate: e('Санаи таваллуд', 'Дата рождения', 'Date of birth'),
  birthTime: e('Вақти таваллуд', 'Время рождения', 'Time of birth'),
  birthPlace: e('Ҷои таваллуд', 'Место рождения', 'Place of birth'),
  liveBorn: e('Зинда таваллуд шудааст', 'Родился живым', 'Born alive'),
  plurality: e(
    'Шумораи кӯдакони якҷоя таваллудшуда',
    'Число детей, родившихся при этих родах',
    'Children born at this birth',
  ),
  birthOrder: e('Тартиби таваллуд', 'Очерёдность рождения', 'Birth order'),
  citizenship: e('Шаҳрвандӣ', 'Гражданство', 'Citizenship'),
  nationality: e('Миллат', 'Национальность', 'Nationality (ethnicity)'),
  residence: e('Ҷои истиқомат', 'Место жительства', 'Place of residence'),
  idDocument: e('Ҳуҷҷати тасдиқкунандаи шахсият', 'Документ, удостоверяющий личность', 'Identity document'),
  identityEstablished: e('Шахсият муқаррар шудааст', 'Личность установлена', 'Identity established'),
  maritalStatus: e('Вазъи оилавӣ', 'Семейное положение', 'Marital status'),
  organisation: e('Номи ташкилот', 'Наименование организации', 'Name of the organisation'),
  surnameBefore: e('Насаби пешина', 'Прежняя фамилия', 'Surname before'),
  surnameAfter: e('Насаби нав', 'Новая фамилия', 'Surname after'),
  nameBefore: e('Номи пешина', 'Прежнее имя', 'Given name before'),
  nameAfter: e('Номи нав', 'Новое имя', 'Given name after'),
  patronymicBefore: e('Номи падари пешина', 'Прежнее отчество', 'Patronymic before'),
  patronymicAfter: e('Номи падари нав', 'Новое отчество', 'Patronymic after'),
  previousMaritalStatus: e(
    'Вазъи оилавӣ то ақди никоҳ',
    'Семейное положение до брака',
    'Marital status before the marriage',
  ),
  previousMarriageEnd: e(
    'Қатъи ақди никоҳи пешина',
    'Прекращение предыдущего брака',
    'End of the previous marriage',
  ),
  courtAgeReduction: e(
    'Қарори суд дар бораи паст кардани синни никоҳ',
    'Решение суда о снижении брачного возраста',
    'Court decision lowering the marriage age',
  ),

  // places
  country: e('Кишвар', 'Страна', 'Country'),
  unit: e('Ноҳия ё шаҳр', 'Район или город', 'District or city'),
  settlement: e('Маҳалли аҳолинишин', 'Населённый пункт', 'Settlement'),
  address: e('Суроға', 'Адрес', 'Address'),
  place: e('Ҷой', 'Место', 'Place'),
  placeType: e('Намуди ҷой', 'Тип места', 'Type of place'),

  // documents
  type: e('Намуд', 'Вид', 'Type'),
  series: e('Силсила', 'Серия', 'Series'),
  number: e('Рақам', 'Номер', 'Number'),
  date: e('Сана', 'Дата', 'Date'),
  issuer: e('Аз ҷониби кӣ дода шудааст', 'Кем выдан', 'Issued by'),
  issueDate: e('Санаи додан', 'Дата выдачи', 'Date of issue'),
  caseNumber: e('Рақами парванда', 'Номер дела', 'Case number'),
  inForceDate: e('Санаи эътибор пайдо кардан', 'Дата вступления в силу', 'Date in force'),
  recordId: e('Сабти асос дар системаи «Сабт»', 'Запись-основание в «Сабт»', 'Basis record in Sabt'),
  recordNumber: e('Рақами сабт', 'Номер записи', 'Record number'),
  recordDate: e('Санаи сабт', 'Дата записи', 'Record date'),
  recordOffice: e('Мақоми сабт', 'Орган, составивший запись', 'Registering office'),
  office: e('Мақоми сабт', 'Орган, составивший запись', 'Registering office'),
  facility: e('Муассисаи тиббӣ', 'Медицинская организация', 'Medical facility'),
  notary: e('Нотариус', 'Нотариус', 'Notary'),
  doctor: e('Духтур', 'Врач', 'Doctor'),
  body: e('Номи мақом', 'Наименование органа', 'Name of the body'),

  // birth statistics
  birthWeightGrams: e('Вазн ҳангоми таваллуд (г)', 'Вес при рождении (г)', 'Birth weight (g)'),
  lengthCm: e('Қад (см)', 'Рост (см)', 'Length (cm)'),
  gestationWeeks: e('Мӯҳлати ҳомиладорӣ (ҳафта)', 'Срок беременности (недель)', 'Gestation (weeks)'),
  childOrderOfMother: e(
    'Чандумин фарзанди модар',
    'Который по счёту ребёнок у матери',
    'Which child of the mother',
  ),
  attendant: e('Кӣ таваллудро қабул кард', 'Кто принимал роды', 'Birth attendant'),
  motherEducation: e('Маълумоти модар', 'Образование матери', "Mother's education"),
  motherMaritalStatus: e('Вазъи оилавии модар', 'Семейное положение матери', "Mother's marital status"),

  // death
  time: e('Вақт', 'Время', 'Time'),
  lines: e('Сатрҳои сабаби марг', 'Строки причины смерти', 'Cause lines'),
  line: e('Сатр', 'Строка', 'Line'),
  text: e('Беморӣ ё ҳолат', 'Болезнь или состояние', 'Disease or condition'),
  icd10: e('Рамзи ТББ-10', 'Код МКБ-10', 'ICD-10 code'),
  interval: e('Фосила то марг', 'Период до смерти', 'Interval to death'),
  manner: e('Навъи марг', 'Род смерти', 'Manner of death'),
  icdVersion: e('Версияи ТББ', 'Версия МКБ', 'ICD version'),

  // divorce, paternity
  specialCase: e('Ҳамсари дигар', 'Другой супруг', 'The other spouse'),
  commonMinorChildren: e(
    'Фарзандони умумии ноболиғ доранд',
    'Есть общие несовершеннолетние дети',
    'They have common minor children',
  ),
  fatherApplicationGround: e(
    'Асоси аризаи танҳо аз падар',
    'Основание заявления одного отца',
    "Ground for the father's own application",
  ),
  guardianshipConsent: e(
    'Розигии мақоми васоят ва парасторӣ',
    'Согласие органа опеки и попечительства',
    "Guardianship body's consent",
  ),
} satisfies Record<string, LocalizedText>;

/**
 * Where a key means something else: by act kind and full path (`KIND:path`), or under a parent
 * (`parent.key`). The most specific match wins.
 */
export const FIELD_OVERRIDES: Record<string, LocalizedText> = {
  'ADOPTION:childBefore': e('Кӯдак то фарзандхондӣ', 'Ребёнок до усыновления', 'Child before the adoption'),
  'ADOPTION:childAfter': e(
    'Кӯдак баъд аз фарзандхондӣ',
    'Ребёнок после усыновления',
    'Child after the adoption',
  ),
  'ADOPTION:birthRecordId': e(
    'Сабти таваллуди кӯдак',
    'Запись акта о рождении ребёнка',
    "The child's birth record",
  ),
  'PATERNITY:childBefore': e(
    'Кӯдак то муқаррар намудани падарӣ',
    'Ребёнок до установления отцовства',
    'Child before paternity',
  ),
  'PATERNITY:childAfter': e(
    'Кӯдак баъд аз муқаррар намудани падарӣ',
    'Ребёнок после установления отцовства',
    'Child after paternity',
  ),
  'PATERNITY:birthRecordId': e(
    'Сабти таваллуди кӯдак',
    'Запись акта о рождении ребёнка',
    "The child's birth record",
  ),
  'NAME_CHANGE:birthRecordId': e(
    'Сабти таваллуди шахс',
    'Запись акта о рождении лица',
    "The person's birth record",
  ),
  'NAME_CHANGE:marriageRecordId': e(
    'Сабти ақди никоҳи амалкунанда',
    'Запись акта о заключении действующего брака',
    'Marriage record in force',
  ),
  'DIVORCE:marriageRecordId': e(
    'Сабти ақди никоҳ дар «Сабт»',
    'Запись акта о заключении брака в «Сабт»',
    'Marriage record in Sabt',
  ),
  'DIVORCE:husband': e('Шавҳари собиқ', 'Бывший муж', 'Former husband'),
  'DIVORCE:wife': e('Зани собиқ', 'Бывшая жена', 'Former wife'),
  'DEATH:basis': e('Ҳуҷҷати тасдиқкунандаи марг', 'Документ, подтверждающий смерть', 'Proof of death'),
  'DIVORCE:basis': e('Асоси бекор кардани ақди никоҳ', 'Основание расторжения брака', 'Basis of the divorce'),
  'PATERNITY:basis': e(
    'Асоси муқаррар намудани падарӣ',
    'Основание установления отцовства',
    'Basis of paternity',
  ),
  'DEATH:deceased.birthRecordId': e(
    'Сабти таваллуди фавтида',
    'Запись о рождении умершего',
    "The deceased's birth record",
  ),
  'MARRIAGE:husband.surnameBefore': e(
    'Насаб то ақди никоҳ',
    'Фамилия до заключения брака',
    'Surname before the marriage',
  ),
  'MARRIAGE:wife.surnameBefore': e(
    'Насаб то ақди никоҳ',
    'Фамилия до заключения брака',
    'Surname before the marriage',
  ),
  'MARRIAGE:husband.surnameAfter': e(
    'Насаб баъд аз ақди никоҳ',
    'Фамилия после заключения брака',
    'Surname after the marriage',
  ),
  'MARRIAGE:wife.surnameAfter': e(
    'Насаб баъд аз ақди никоҳ',
    'Фамилия после заключения брака',
    'Surname after the marriage',
  ),
  'MARRIAGE:husband.birthRecordId': e(
    'Сабти таваллуди шавҳар',
    'Запись о рождении мужа',
    "Husband's birth record",
  ),
  'MARRIAGE:wife.birthRecordId': e('Сабти таваллуди зан', 'Запись о рождении жены', "Wife's birth record"),
  'DIVORCE:husband.surnameBefore': e('Насаб дар давраи никоҳ', 'Фамилия в браке', 'Surname in the marriage'),
  'DIVORCE:wife.surnameBefore': e('Насаб дар давраи никоҳ', 'Фамилия в браке', 'Surname in the marriage'),
  'DIVORCE:husband.surnameAfter': e(
    'Насаб баъд аз бекор кардани никоҳ',
    'Фамилия после расторжения брака',
    'Surname after the divorce',
  ),
  'DIVORCE:wife.surnameAfter': e(
    'Насаб баъд аз бекор кардани никоҳ',
    'Фамилия после расторжения брака',
    'Surname after the divorce',
  ),
  'DIVORCE:marriage.number': e('Рақами сабти ақди никоҳ', 'Номер записи о браке', 'Marriage record number'),
  'DIVORCE:marriage.date': e('Санаи сабти ақди никоҳ', 'Дата записи о браке', 'Marriage record date'),
  'birthBasis.court': e('Қарори суд', 'Решение суда', 'Court decision'),
  'court.court': e('Суд', 'Суд', 'Court'),
  'courtAgeReduction.court': e('Суд', 'Суд', 'Court'),
  'court.date': e('Санаи қарор', 'Дата решения', 'Date of the decision'),
  'courtAgeReduction.date': e('Санаи қарор', 'Дата решения', 'Date of the decision'),
  'basis.court': e('Қарори суд', 'Решение суда', 'Court decision'),
  'MARRIAGE:husband.previousMarriageEnd': e(
    'Ҳуҷҷати қатъ гардидани ақди никоҳи қаблӣ',
    'Документ о прекращении предыдущего брака',
    'Document that ended the previous marriage',
  ),
  'MARRIAGE:wife.previousMarriageEnd': e(
    'Ҳуҷҷати қатъ гардидани ақди никоҳи қаблӣ',
    'Документ о прекращении предыдущего брака',
    'Document that ended the previous marriage',
  ),
  'previousMarriageEnd.recordId': e('Сабт дар системаи «Сабт»', 'Запись в «Сабт»', 'Record in Sabt'),
  'previousMarriageEnd.number': e(
    'Рақами ҳуҷҷат ё сабт',
    'Номер документа или записи',
    'Document or record number',
  ),
  'previousMarriageEnd.type': e('Намуди ҳуҷҷат', 'Вид документа', 'Document type'),
  'previousMarriageEnd.office': e('Мақом ё суд', 'Орган или суд', 'Office or court'),
  'medicalExamination.number': e('Рақами маълумотнома', 'Номер справки', 'Certificate number'),
  'applicant.type': e('Кӣ муроҷиат кард', 'Кто обратился', 'Who applied'),
  'idDocument.type': e('Намуди ҳуҷҷат', 'Вид документа', 'Document type'),
  'basis.type': e('Намуди ҳуҷҷат', 'Вид документа', 'Document type'),
  'fatherBasis.type': e('Асос', 'Основание', 'Basis'),
  'DIVORCE:basis.type': e('Асос', 'Основание', 'Basis'),
  'PATERNITY:basis.type': e('Асос', 'Основание', 'Basis'),
  'DIVORCE:marriage.office': e(
    'Мақоме, ки ақди никоҳро ба қайд гирифтааст',
    'Орган, зарегистрировавший брак',
    'Office that registered the marriage',
  ),
  'birthBasis.number': e('Рақами ҳуҷҷат', 'Номер документа', 'Document number'),
  'birthBasis.date': e('Санаи ҳуҷҷат', 'Дата документа', 'Document date'),
  'basis.number': e('Рақами ҳуҷҷат', 'Номер документа', 'Document number'),
  'basis.date': e('Санаи ҳуҷҷат', 'Дата документа', 'Document date'),
  'marriageContract.number': e('Рақами ҳуҷҷат', 'Номер документа', 'Document number'),
  'marriageContract.date': e('Санаи ҳуҷҷат', 'Дата документа', 'Document date'),
  'medicalExamination.date': e('Санаи маълумотнома', 'Дата справки', 'Certificate date'),
  'guardianshipConsent.number': e('Рақами ҳуҷҷат', 'Номер документа', 'Document number'),
  'guardianshipConsent.date': e('Санаи ҳуҷҷат', 'Дата документа', 'Document date'),
  'death.date': e('Санаи вафот', 'Дата смерти', 'Date of death'),
  'death.time': e('Вақти вафот', 'Время смерти', 'Time of death'),
  'death.place': e('Ҷои вафот', 'Место смерти', 'Place of death'),
  'death.placeType': e('Дар куҷо вафот кард', 'Где наступила смерть', 'Where the death took place'),
  'statistics.placeType': e('Дар куҷо таваллуд шуд', 'Где произошли роды', 'Where the birth took place'),
  'deceased.residence': e('Ҷои охирини истиқомат', 'Последнее место жительства', 'Last place of residence'),
  'applicant.residence': e(
    'Ҷои истиқомат ё суроғаи ташкилот',
    'Место жительства или адрес организации',
    'Residence, or the address of the organisation',
  ),
  'birthBasis.type': e('Намуди ҳуҷҷат', 'Вид документа', 'Document type'),
};

/** Array items: "Сатри 2", "Line 2". */
export const ITEM_LABEL: LocalizedText = e('№', '№', 'No.');

/** The catalogue's label of a data key, wherever it stands (no overrides), or undefined. */
export function fieldLabelOf(key: string): LocalizedText | undefined {
  return Object.hasOwn(FIELD_LABELS, key) ? (FIELD_LABELS as Record<string, LocalizedText>)[key] : undefined;
}
