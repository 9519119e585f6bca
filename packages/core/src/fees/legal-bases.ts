import type { LocalizedText } from '../i18n/locale.ts';

/** The legal bases of the shipped fee rules and the notes on their unconfirmed values, in three languages. */

/** A text in the three languages, in the order tg, ru, en. */
export const e = (tg: string, ru: string, en: string): LocalizedText => ({ tg, ru, en });

export const LEGAL_BASES = {
  stateDuty: e(
    'Қонуни Ҷумҳурии Тоҷикистон «Дар бораи боҷи давлатӣ»',
    'Закон Республики Таджикистан «О государственной пошлине»',
    'Law of the Republic of Tajikistan "On State Duty"',
  ),
  stateDuty2025: e(
    'Қонуни Ҷумҳурии Тоҷикистон «Дар бораи боҷи давлатӣ» (бо тағйироти 1 октябри 2025)',
    'Закон Республики Таджикистан «О государственной пошлине» (с изменениями от 1 октября 2025 г.)',
    'Law of the Republic of Tajikistan "On State Duty" (as amended on 1 October 2025)',
  ),
  decree430: e(
    'Қарори Ҳукумати Ҷумҳурии Тоҷикистон аз 2 июли 2015, № 430 (хизматрасониҳои иловагии пулакӣ)',
    'Постановление Правительства Республики Таджикистан от 2 июля 2015 г. № 430 (дополнительные платные услуги)',
    'Government Decree No. 430 of 2 July 2015 (additional paid services)',
  ),
  blanks: e(
    'Қарори Ҳукумати Ҷумҳурии Тоҷикистон дар бораи шаклҳои сабтҳо, шаҳодатномаҳо ва аризаҳо (бланкҳои ҳисоботи қатъӣ)',
    'Постановление Правительства Республики Таджикистан о формах записей актов, свидетельств и заявлений (бланки строгой отчётности)',
    'Government decree on the forms of act records, certificates and applications (strict-accountability blanks)',
  ),
  freeBirth2019: e(
    'Тағйирот ба Қонун «Дар бораи бақайдгирии давлатии санадҳои ҳолати шаҳрвандӣ» (2019): бақайдгирии таваллуд дар давоми 3 моҳ ройгон аст (аз 19.07.2019)',
    'Изменения 2019 г. в Закон «О государственной регистрации актов гражданского состояния»: регистрация рождения в течение 3 месяцев бесплатна (с 19.07.2019)',
    'Amendment of 2019 to the Law "On state registration of acts of civil status": birth registration within 3 months is free (from 19.07.2019)',
  ),
  free2025: e(
    'Бақайдгирии ройгони таваллуд, вафот ва фарзандхондӣ аз 28.02.2025',
    'Бесплатная регистрация рождения, смерти и усыновления с 28.02.2025',
    'Free registration of birth, death and adoption from 28.02.2025',
  ),
  budget: e(
    'Қонуни Ҷумҳурии Тоҷикистон «Дар бораи буҷети давлатӣ» барои соли дахлдор',
    'Закон Республики Таджикистан «О государственном бюджете» на соответствующий год',
    'Law of the Republic of Tajikistan "On the State Budget" of the year',
  ),
  consular: e(
    'Тарифҳои консулии Вазорати корҳои хориҷии Ҷумҳурии Тоҷикистон',
    'Консульские тарифы Министерства иностранных дел Республики Таджикистан',
    'Consular tariffs of the Ministry of Foreign Affairs of the Republic of Tajikistan',
  ),
} as const satisfies Record<string, LocalizedText>;

/** What the shipped rules say about a value the handbook does not confirm (shown on the line). */
export const NOTES = {
  placeholder: e(
    'Маблағ аз манбаи расмӣ тасдиқ нашудааст: қимати муваққатӣ, ки Раёсати марказӣ муқаррар мекунад.',
    'Сумма не подтверждена официальным источником: временное значение, которое устанавливает центральное управление.',
    'The amount is not confirmed by an official source: a placeholder the central department sets.',
  ),
  derived: e(
    'Аз нархҳои маълум ҳисоб карда шудааст (бланки шаҳодатнома 20 % нишондиҳанда), аз матни қонун тасдиқ нашудааст.',
    'Выведено из известных цен (бланк свидетельства 20 % ПДР), не подтверждено текстом акта.',
    'Derived from known prices (a certificate blank is 20 % of the PDR), not confirmed by the text of the law.',
  ),
  freeScope: e(
    'Оё бланк ва бақайдгирии муҳлаташ гузашта низ ройгон аст, тасдиқ нашудааст.',
    'Не подтверждено, бесплатны ли также бланк и регистрация по истечении срока.',
    'Whether the blank and late registration are free too is not confirmed.',
  ),
  nameChangeDate: e(
    'Қонун як моҳ пас аз нашри расмӣ эътибор пайдо мекунад; рӯзи нашр тасдиқ нашудааст.',
    'Закон вступает в силу через месяц после официального опубликования; день опубликования не подтверждён.',
    'The law comes into force one month after its official publication; the day of publication is not confirmed.',
  ),
  nameChange3: e(
    'Рӯзе, ки боҷ аз 2 то 3 нишондиҳанда зиёд шуд, маълум нест (3 нишондиҳанда дар июли 2020 амал мекард).',
    'День, когда пошлина выросла с 2 до 3 ПДР, неизвестен (3 ПДР действовали в июле 2020 г.).',
    'The day the duty rose from 2 to 3 PDR is not known (3 PDR applied in July 2020).',
  ),
  divorcePerSpouse: e(
    'Тасдиқ нашудааст, ки боҷ аз ҳар ҳамсар ситонида мешавад ё як бор.',
    'Не подтверждено, взимается ли пошлина с каждого из супругов или один раз.',
    'Not confirmed whether the duty is charged once or from each spouse.',
  ),
  pdrPlaceholder: e(
    'Нишондиҳандаи ин сол аз қонуни буҷет тасдиқ нашудааст: қимати тахминӣ.',
    'ПДР этого года не подтверждён законом о бюджете: примерное значение.',
    'The PDR of this year is not confirmed from the budget law: an estimate.',
  ),
  category: e(
    'Категория ва имтиёзи он аз матни қонун тасдиқ нашудааст.',
    'Категория и её льгота не подтверждены текстом закона.',
    'The category and its exemption are not confirmed from the text of the law.',
  ),
} as const;
