import type { FeeService } from '../fees/catalogue.ts';
import type { LocalizedText } from '../i18n/locale.ts';
import { OFFICE_ACT_KINDS } from '../workflow/matrix.ts';
import type { OfficeKind } from '../workflow/roles.ts';
import { ACT_KINDS, type ActKindCode } from '../workflow/statuses.ts';

const e = (tg: string, ru: string, en: string): LocalizedText => ({ tg, ru, en });

/**
 * What the citizen portal tells the public about each service of the civil registry: who may
 * apply, what to bring, the deadline, how long it takes, and which fee services price it (the
 * amounts come from the fee rules, core fees/, never from here). Facts as the handbook gives them
 * (the law of 2 January 2025 No. 2117, the Family Code, the CIS practice Tajik law mirrors); where
 * the handbook marks a value as unconfirmed, the text stays general.
 */
export const PORTAL_SERVICES = [
  'birth',
  'death',
  'marriage',
  'divorce',
  'adoption',
  'paternity',
  'name-change',
  'amendment',
  'restoration',
  'repeat-certificate',
  'extract',
] as const;
export type PortalService = (typeof PORTAL_SERVICES)[number];

export interface PortalServiceInfo {
  slug: PortalService;
  title: LocalizedText;
  summary: LocalizedText;
  /** The act the service registers (the offices that register it follow OFFICE_ACT_KINDS). */
  actKind: ActKindCode | null;
  /** The fee services that price it, in the order shown (a late registration's buckets after the first). */
  fees: readonly FeeService[];
  who: readonly LocalizedText[];
  documents: readonly LocalizedText[];
  deadline: LocalizedText;
  duration: LocalizedText;
}

const PASSPORT = e(
  'Шиносномаи аризадиҳанда (ё ҳуҷҷати дигари тасдиқкунандаи шахсият)',
  'Паспорт заявителя (или другой документ, удостоверяющий личность)',
  "The applicant's passport (or another identity document)",
);
const SAME_DAY = e(
  'Дар рӯзи муроҷиат, агар ҳамаи ҳуҷҷатҳо дуруст бошанд; шаҳодатнома ҳамон рӯз дода мешавад.',
  'В день обращения, если все документы в порядке; свидетельство выдаётся в тот же день.',
  'On the day you apply, if all documents are in order; the certificate is handed over the same day.',
);

export const PORTAL_SERVICE_INFO: Record<PortalService, PortalServiceInfo> = {
  birth: {
    slug: 'birth',
    title: e('Бақайдгирии таваллуд', 'Регистрация рождения', 'Birth registration'),
    summary: e(
      'Таваллуди кӯдак ба қайд гирифта шуда, шаҳодатномаи таваллуд дода мешавад.',
      'Рождение ребёнка регистрируется, выдаётся свидетельство о рождении.',
      "A child's birth is registered and a birth certificate is issued.",
    ),
    actKind: 'BIRTH',
    fees: ['BIRTH_REG', 'BIRTH_REG_LATE_1_16', 'BIRTH_REG_LATE_16'],
    who: [
      e('Падару модар ё яке аз онҳо', 'Родители или один из них', 'The parents, or one of them'),
      e(
        'Агар онҳо натавонанд: хешовандон, муассисаи тиббӣ ё мақоми васояту парасторӣ',
        'Если они не могут: родственники, медицинская организация или орган опеки',
        'If they cannot: relatives, the medical facility or the guardianship body',
      ),
    ],
    documents: [
      e(
        'Ҳуҷҷати тиббӣ дар бораи таваллуд (ё қарори суд дар бораи муқаррар кардани далели таваллуд)',
        'Медицинский документ о рождении (или решение суда об установлении факта рождения)',
        'The medical document on the birth (or a court decision establishing the fact of birth)',
      ),
      e('Шиносномаҳои падару модар', 'Паспорта родителей', "The parents' passports"),
      e(
        'Шаҳодатномаи ақди никоҳи падару модар, агар бошад',
        'Свидетельство о браке родителей, если есть',
        "The parents' marriage certificate, if they are married",
      ),
    ],
    deadline: e(
      'Дар давоми 3 моҳ аз рӯзи таваллуд. Баъд аз он бақайдгирии муҳлаташ гузашта; аз 16-солагӣ боло бе ҳуҷҷати тиббӣ қарори суд лозим аст.',
      'В течение 3 месяцев со дня рождения. Позже — регистрация по истечении срока; старше 16 лет без медицинского документа нужно решение суда.',
      'Within 3 months of the birth. Later it is a late registration; over age 16 without the medical document a court decision is needed.',
    ),
    duration: SAME_DAY,
  },
  death: {
    slug: 'death',
    title: e('Бақайдгирии вафот', 'Регистрация смерти', 'Death registration'),
    summary: e(
      'Вафоти шахс ба қайд гирифта шуда, шаҳодатномаи вафот дода мешавад.',
      'Смерть регистрируется, выдаётся свидетельство о смерти.',
      'A death is registered and a death certificate is issued.',
    ),
    actKind: 'DEATH',
    fees: ['DEATH_REG', 'DEATH_REG_LATE'],
    who: [
      e(
        'Хешовандон, ҳамсояҳо, муассисаи тиббӣ, милитсия ё ташкилоти манзилӣ',
        'Родственники, соседи, медицинская организация, полиция или жилищная организация',
        'Relatives, neighbours, the medical facility, the police or the housing organisation',
      ),
    ],
    documents: [
      e(
        'Шаҳодатномаи тиббии вафот (ё қарори суд)',
        'Медицинское свидетельство о смерти (или решение суда)',
        'The medical certificate of death (or a court decision)',
      ),
      e('Шиносномаи шахси вафотшуда', 'Паспорт умершего', "The deceased person's passport"),
      PASSPORT,
    ],
    deadline: e(
      'Ҳарчи зудтар, одатан дар давоми 3 рӯз аз рӯзи вафот. Баъд аз як сол бақайдгирӣ ҳамчун муҳлаташ гузашта ҳисоб меёбад.',
      'Как можно скорее, обычно в течение 3 дней со дня смерти. Через год и позже — как регистрация по истечении срока.',
      'As soon as possible, usually within 3 days of the death. After a year it counts as a late registration.',
    ),
    duration: SAME_DAY,
  },
  marriage: {
    slug: 'marriage',
    title: e('Бақайдгирии ақди никоҳ', 'Регистрация заключения брака', 'Marriage registration'),
    summary: e(
      'Ақди никоҳ баъд аз аризаи муштараки ҳарду шахс ба қайд гирифта мешавад. Танҳо никоҳи ба қайд гирифташуда эътироф мешавад.',
      'Брак регистрируется по совместному заявлению обоих. Признаётся только зарегистрированный брак.',
      'A marriage is registered on the joint application of both persons. Only a registered marriage is recognised.',
    ),
    actKind: 'MARRIAGE',
    fees: ['MARRIAGE_REG'],
    who: [
      e(
        'Ҳарду шахс якҷоя, аз 18-солагӣ (суд метавонад синнро то як сол кам кунад)',
        'Оба будущих супруга вместе, с 18 лет (суд может снизить возраст не более чем на год)',
        'Both persons together, from age 18 (a court may lower the age by at most one year)',
      ),
    ],
    documents: [
      e('Шиносномаҳои ҳарду шахс', 'Паспорта обоих', "Both persons' passports"),
      e(
        'Ҳуҷҷати муоинаи тиббӣ (ҳатмӣ ва ройгон дар муассисаи давлатӣ)',
        'Документ о медицинском обследовании (обязательно и бесплатно в государственном учреждении)',
        'The medical examination document (mandatory and free at a state facility)',
      ),
      e(
        'Агар пештар дар никоҳ буданд: шаҳодатномаи бекор кардани ақди никоҳ ё вафот',
        'Если ранее состояли в браке: свидетельство о расторжении брака или о смерти',
        'If married before: the divorce or death certificate ending that marriage',
      ),
    ],
    deadline: e(
      'Ақди никоҳ як моҳ баъд аз додани ариза ба қайд гирифта мешавад; роҳбари идора метавонад муҳлатро бо сабаби узрнок кӯтоҳ кунад.',
      'Брак регистрируется через месяц после подачи заявления; руководитель учреждения может сократить срок по уважительной причине.',
      'The marriage is registered one month after the application; the head of office may shorten the wait for a good reason.',
    ),
    duration: e(
      'Як моҳ аз рӯзи ариза то бақайдгирӣ; шаҳодатнома дар рӯзи бақайдгирӣ.',
      'Месяц от заявления до регистрации; свидетельство — в день регистрации.',
      'One month from the application to the registration; the certificate on the day of registration.',
    ),
  },
  divorce: {
    slug: 'divorce',
    title: e('Бақайдгирии бекор кардани ақди никоҳ', 'Регистрация расторжения брака', 'Divorce registration'),
    summary: e(
      'Бекор кардани ақди никоҳ ба қайд гирифта шуда, ба ҳар як ҳамсари собиқ шаҳодатнома дода мешавад.',
      'Расторжение брака регистрируется, каждому из бывших супругов выдаётся свидетельство.',
      'A divorce is registered and each former spouse receives a certificate.',
    ),
    actKind: 'DIVORCE',
    fees: ['DIVORCE_REG'],
    who: [
      e(
        'Ҳарду ҳамсар якҷоя, агар розӣ бошанд ва фарзандони ноболиғи умумӣ надошта бошанд',
        'Оба супруга вместе, если согласны и не имеют общих несовершеннолетних детей',
        'Both spouses together, if they agree and have no common minor children',
      ),
      e(
        'Дар ҳолатҳои дигар: аз рӯи қарори суд',
        'В остальных случаях: на основании решения суда',
        "Otherwise: on a court's decision",
      ),
    ],
    documents: [
      e('Шиносномаҳои ҳамсарон', 'Паспорта супругов', "The spouses' passports"),
      e('Шаҳодатномаи ақди никоҳ', 'Свидетельство о браке', 'The marriage certificate'),
      e(
        'Қарори суд, агар никоҳ аз рӯи он бекор шавад',
        'Решение суда, если брак расторгается по нему',
        'The court decision, if the divorce rests on one',
      ),
    ],
    deadline: e(
      'Бо аризаи муштарак: як моҳ баъд аз ариза. Аз рӯи қарори суд: баъд аз эътибор пайдо кардани қарор.',
      'По совместному заявлению: через месяц после заявления. По решению суда: после вступления решения в силу.',
      'On a joint application: one month after it. On a court decision: once the decision is in force.',
    ),
    duration: SAME_DAY,
  },
  adoption: {
    slug: 'adoption',
    title: e('Бақайдгирии фарзандхондӣ', 'Регистрация усыновления', 'Adoption registration'),
    summary: e(
      'Фарзандхондӣ аз рӯи қарори суд ба қайд гирифта мешавад; сабти таваллуди кӯдак тағйир меёбад ва сирри фарзандхондӣ ҳифз мешавад.',
      'Усыновление регистрируется на основании решения суда; запись о рождении ребёнка изменяется, тайна усыновления охраняется.',
      "An adoption is registered on a court decision; the child's birth record is changed and the secrecy of adoption is kept.",
    ),
    actKind: 'ADOPTION',
    fees: ['ADOPTION_REG'],
    who: [e('Фарзандхондкунандагон', 'Усыновители', 'The adoptive parents')],
    documents: [
      e(
        'Қарори суд дар бораи фарзандхондӣ',
        'Решение суда об усыновлении',
        'The court decision on the adoption',
      ),
      e('Шиносномаҳои фарзандхондкунандагон', 'Паспорта усыновителей', "The adoptive parents' passports"),
      e('Шаҳодатномаи таваллуди кӯдак', 'Свидетельство о рождении ребёнка', "The child's birth certificate"),
    ],
    deadline: e(
      'Тақрибан дар давоми як моҳ аз рӯзи эътибор пайдо кардани қарори суд.',
      'Примерно в течение месяца со дня вступления решения суда в силу.',
      'Within about a month of the court decision coming into force.',
    ),
    duration: SAME_DAY,
  },
  paternity: {
    slug: 'paternity',
    title: e('Муқаррар намудани падарӣ', 'Установление отцовства', 'Establishment of paternity'),
    summary: e(
      'Падарии кӯдаки падару модараш дар никоҳ набуда ба қайд гирифта мешавад; шаҳодатномаи таваллуд нав дода мешавад.',
      'Регистрируется отцовство ребёнка, родители которого не состоят в браке; выдаётся новое свидетельство о рождении.',
      'The paternity of a child whose parents are not married to each other is registered; a new birth certificate is issued.',
    ),
    actKind: 'PATERNITY',
    fees: ['PATERNITY_REG'],
    who: [
      e(
        'Падару модар якҷоя (ҳатто пеш аз таваллуд)',
        'Отец и мать вместе (можно и до рождения ребёнка)',
        'The father and mother together (even before the birth)',
      ),
      e(
        'Падар танҳо, агар модар вафот карда бошад ё ба ҷои ӯ маълум набошад (бо розигии мақоми васоят), ё аз рӯи қарори суд',
        'Отец один, если мать умерла или её местонахождение неизвестно (с согласия органа опеки), либо по решению суда',
        "The father alone if the mother has died or cannot be found (with the guardianship body's consent), or on a court decision",
      ),
    ],
    documents: [
      e('Шиносномаҳои падару модар', 'Паспорта родителей', "The parents' passports"),
      e('Шаҳодатномаи таваллуди кӯдак', 'Свидетельство о рождении ребёнка', "The child's birth certificate"),
      e(
        'Розигии фарзанд, агар ӯ 18-сола ё калонтар бошад',
        'Согласие ребёнка, если ему 18 лет или больше',
        'The consent of the child, if aged 18 or over',
      ),
    ],
    deadline: e('Муҳлат надорад.', 'Срок не установлен.', 'There is no deadline.'),
    duration: SAME_DAY,
  },
  'name-change': {
    slug: 'name-change',
    title: e(
      'Иваз намудани насаб, ном ва номи падар',
      'Перемена фамилии, имени, отчества',
      'Change of surname, name or patronymic',
    ),
    summary: e(
      'Насаб, ном ё номи падар иваз карда мешавад; сабтҳо ва шаҳодатномаҳои дигар низ тағйир меёбанд.',
      'Меняются фамилия, имя или отчество; другие записи и свидетельства тоже изменяются.',
      'A surname, name or patronymic is changed; the other records and certificates are changed too.',
    ),
    actKind: 'NAME_CHANGE',
    fees: ['NAME_CHANGE_REG'],
    who: [
      e(
        'Ҳар шахс аз 16-солагӣ, дар ҷои зисташ',
        'Любой человек с 16 лет, по месту жительства',
        'Anyone aged 16 or over, where they live',
      ),
      e(
        'То 16-солагӣ: бо қарори мақоми васояту парасторӣ бо дархости падару модар',
        'До 16 лет: по решению органа опеки по просьбе родителей',
        "Under 16: by the guardianship body's decision at the parents' request",
      ),
    ],
    documents: [
      PASSPORT,
      e('Шаҳодатномаи таваллуд', 'Свидетельство о рождении', 'The birth certificate'),
      e(
        'Шаҳодатномаҳои ақди никоҳ ва таваллуди фарзандони ноболиғ, агар бошанд',
        'Свидетельства о браке и о рождении несовершеннолетних детей, если есть',
        "The marriage certificate and the minor children's birth certificates, if any",
      ),
    ],
    deadline: e(
      'Муҳлат надорад. Ном аз Феҳристи номҳои миллии тоҷикӣ интихоб карда мешавад.',
      'Срок не установлен. Имя выбирается из Реестра таджикских национальных имён.',
      'There is no deadline. The name is chosen from the Register of Tajik national names.',
    ),
    duration: e(
      'Ариза дар давоми як моҳ баррасӣ мешавад.',
      'Заявление рассматривается в течение месяца.',
      'The application is decided within one month.',
    ),
  },
  amendment: {
    slug: 'amendment',
    title: e(
      'Ислоҳ, тағйир ва илова ба сабти санад',
      'Исправления и изменения в записи акта',
      'Corrections and changes to a record',
    ),
    summary: e(
      'Хато дар сабт ислоҳ ё маълумот тағйир дода мешавад; пас шаҳодатномаи нав гирифтан мумкин аст.',
      'Исправляется ошибка в записи или изменяются сведения; затем можно получить новое свидетельство.',
      'A mistake in a record is corrected or its data changed; a new certificate can then be issued.',
    ),
    actKind: null,
    fees: ['RECORD_AMEND', 'CERT_REISSUE_AMEND'],
    who: [
      e(
        'Шахсе, ки сабт дар бораи ӯст, падару модари ноболиғ ё васӣ',
        'Лицо, о котором составлена запись, родители несовершеннолетнего или опекун',
        'The person the record is about, the parents of a minor, or a guardian',
      ),
    ],
    documents: [
      PASSPORT,
      e(
        'Шаҳодатнома бо маълумоти нодуруст',
        'Свидетельство с неверными сведениями',
        'The certificate with the wrong data',
      ),
      e(
        'Ҳуҷҷатҳое, ки маълумоти дурустро исбот мекунанд (ё қарори суд, агар баҳс бошад)',
        'Документы, подтверждающие верные сведения (или решение суда, если есть спор)',
        'Documents proving the right data (or a court decision if there is a dispute)',
      ),
    ],
    deadline: e('Муҳлат надорад.', 'Срок не установлен.', 'There is no deadline.'),
    duration: e(
      'Хулоса тақрибан дар давоми як моҳ.',
      'Заключение — примерно в течение месяца.',
      'A decision within about one month.',
    ),
  },
  restoration: {
    slug: 'restoration',
    title: e('Барқарор кардани сабти санад', 'Восстановление записи акта', 'Restoration of a record'),
    summary: e(
      'Сабти гумшуда ё несту нобудшуда аз рӯи қарори суд барқарор карда мешавад.',
      'Утраченная или уничтоженная запись восстанавливается на основании решения суда.',
      'A lost or destroyed record is restored on a court decision.',
    ),
    actKind: null,
    fees: ['RECORD_RESTORE'],
    who: [
      e(
        'Шахсе, ки сабт дар бораи ӯст, ё намояндаи ӯ',
        'Лицо, о котором составлена запись, или его представитель',
        'The person the record is about, or their representative',
      ),
    ],
    documents: [
      PASSPORT,
      e(
        'Қарори суд дар бораи муқаррар кардани далели бақайдгирӣ',
        'Решение суда об установлении факта регистрации',
        'The court decision establishing the fact of registration',
      ),
    ],
    deadline: e('Муҳлат надорад.', 'Срок не установлен.', 'There is no deadline.'),
    duration: SAME_DAY,
  },
  'repeat-certificate': {
    slug: 'repeat-certificate',
    title: e('Шаҳодатномаи такрорӣ', 'Повторное свидетельство', 'Repeat certificate'),
    summary: e(
      'Ба ивази шаҳодатномаи гумшуда ё вайроншуда шаҳодатномаи такрорӣ дода мешавад.',
      'Взамен утраченного или испорченного свидетельства выдаётся повторное.',
      'A repeat certificate replaces a lost or damaged one.',
    ),
    actKind: null,
    fees: ['CERT_REPEAT'],
    who: [
      e(
        'Шахсе, ки сабт дар бораи ӯст',
        'Лицо, о котором составлена запись',
        'The person the record is about',
      ),
      e(
        'Падару модар ё васии ноболиғ; хешовандони шахси вафотшуда',
        'Родители или опекуны несовершеннолетнего; родственники умершего',
        'The parents or guardians of a minor; the relatives of a deceased person',
      ),
    ],
    documents: [
      PASSPORT,
      e(
        'Ҳуҷҷате, ки хешовандиро исбот мекунад, агар барои шахси дигар гиред',
        'Документ о родстве, если получаете за другого человека',
        'A document proving kinship, if you apply for someone else',
      ),
    ],
    deadline: e('Муҳлат надорад.', 'Срок не установлен.', 'There is no deadline.'),
    duration: SAME_DAY,
  },
  extract: {
    slug: 'extract',
    title: e('Маълумотнома ва иқтибос аз сабт', 'Справки и извлечения из записей', 'References and extracts'),
    summary: e(
      'Иқтибос аз сабти санад ё маълумотнома аз бойгонӣ дода мешавад.',
      'Выдаётся извлечение из записи акта или архивная справка.',
      'An extract of a record or an archive reference is issued.',
    ),
    actKind: null,
    fees: ['EXTRACT', 'ARCHIVE_SEARCH'],
    who: [
      e(
        'Шахсе, ки сабт дар бораи ӯст, хешовандони ӯ бо ҳуҷҷат',
        'Лицо, о котором составлена запись, его родственники с подтверждением',
        'The person the record is about, or their relatives with proof',
      ),
      e(
        'Судҳо ва мақомоти давлатӣ бо дархост',
        'Суды и государственные органы по запросу',
        'Courts and state bodies on request',
      ),
    ],
    documents: [PASSPORT],
    deadline: e('Муҳлат надорад.', 'Срок не установлен.', 'There is no deadline.'),
    duration: e(
      'Иқтибос дар рӯзи муроҷиат; ҷустуҷӯи бойгонӣ то як моҳ.',
      'Извлечение — в день обращения; архивный поиск — до месяца.',
      'An extract on the day you apply; an archive search up to a month.',
    ),
  },
};

export function isPortalService(value: string): value is PortalService {
  return (PORTAL_SERVICES as readonly string[]).includes(value);
}

/**
 * The kinds of office where a service is offered: an act where the kind of office registers it
 * (OFFICE_ACT_KINDS: jamoats four acts only), and the operations on records and certificates where
 * an office registers every act (a district office, a mobile office, a consulate).
 */
export function officeKindsOffering(service: PortalService): OfficeKind[] {
  const { actKind } = PORTAL_SERVICE_INFO[service];
  return (Object.keys(OFFICE_ACT_KINDS) as OfficeKind[]).filter((kind) => {
    const acts = OFFICE_ACT_KINDS[kind];
    return actKind ? acts.includes(actKind) : ACT_KINDS.every((k) => acts.includes(k));
  });
}

/** The services an office of this kind offers. */
export function servicesAt(kind: OfficeKind): PortalService[] {
  return PORTAL_SERVICES.filter((s) => officeKindsOffering(s).includes(kind));
}
