/** The messages of the citizen portal's online applications and of the office's queue of them. */
export const PORTAL_APPLICATION_MESSAGES = {
  'problem.portal.applicationNotEditable': {
    tg: 'Ариза аллакай фиристода шудааст ва тағйир дода намешавад.',
    ru: 'Заявление уже подано, и его нельзя изменить.',
    en: 'The application has already been submitted and can no longer be changed.',
  },
  'problem.portal.officeRequired': {
    tg: 'Идораеро интихоб кунед, ки аризаро қабул мекунад.',
    ru: 'Выберите учреждение, которое примет заявление.',
    en: 'Choose the office that will take the application.',
  },
  'problem.portal.officeNotForKind': {
    tg: 'Ин идора ин намуди санадро ба қайд намегирад. Идораи дигарро интихоб кунед.',
    ru: 'Это учреждение не регистрирует такой вид актов. Выберите другое.',
    en: 'This office does not register this kind of act. Choose another office.',
  },
  'problem.portal.tooManyAttachments': {
    tg: 'Ба як ариза на зиёда аз {max} файл замима кардан мумкин аст.',
    ru: 'К одному заявлению можно приложить не более {max} файлов.',
    en: 'An application may have at most {max} files attached.',
  },
  'problem.portal.notTracked': {
    tg: 'Аризае бо ин рамз ва санаи таваллуд ёфт нашуд. Рамз ва санаро санҷед.',
    ru: 'Заявление с таким кодом и датой рождения не найдено. Проверьте код и дату.',
    en: 'No application was found with this code and date of birth. Check the code and the date.',
  },
  'problem.portal.applicationNotReceived': {
    tg: 'Ин ариза дигар дар навбат нест: онро аллакай кормандон баррасӣ кардаанд.',
    ru: 'Это заявление уже не в очереди: его уже рассмотрели.',
    en: 'This application is no longer waiting: it has already been dealt with.',
  },
  'error.portal.copyDeathRelative': {
    tg: 'Шаҳодатнома ё иқтибос аз сабти вафот ба хешовандони шахси вафотшуда дода мешавад.',
    ru: 'Свидетельство или извлечение из записи о смерти выдаётся родственникам умершего.',
    en: 'A copy of a death record is given to the relatives of the deceased.',
  },
  'error.portal.copyDeathOnly': {
    tg: 'Санаи вафот танҳо барои сабти вафот навишта мешавад.',
    ru: 'Дата смерти указывается только для записи о смерти.',
    en: 'The date of death is given only for a death record.',
  },
  'error.portal.copyNotMinor': {
    tg: 'Шахс аллакай {age}-сола шудааст: ӯ шаҳодатномаро худаш мегирад.',
    ru: 'Этому человеку уже исполнилось {age}: он получает свидетельство сам.',
    en: 'This person is already {age} or older and receives the certificate themselves.',
  },
  'error.portal.copyPurposeExtract': {
    tg: 'Мақсад танҳо барои иқтибос навишта мешавад.',
    ru: 'Цель указывается только для извлечения.',
    en: 'A purpose is given only for an extract.',
  },
  'error.portal.copyScans': {
    tg: 'Нусхаи ҳуҷҷати шахсият ва, агар барои шахси дигар гиред, ҳуҷҷати хешовандиро замима кунед (ҳадди ақал {min} файл).',
    ru: 'Приложите копию документа, удостоверяющего личность, и, если получаете за другого человека, документ о родстве (не менее {min} файлов).',
    en: 'Attach your identity document and, for someone else, a proof of kinship (at least {min} files).',
  },
  'problem.portal.notCopyRequest': {
    tg: 'Ин амал танҳо барои дархости шаҳодатномаи такрорӣ ё иқтибос аст.',
    ru: 'Это действие только для запроса повторного свидетельства или извлечения.',
    en: 'This is done only for a request for a repeat certificate or an extract.',
  },
  'problem.portal.copyRequestNotAccepted': {
    tg: 'Дархости нусха ба сабт табдил дода намешавад: сабтро ёбед ва пайванд кунед.',
    ru: 'Из запроса копии запись не создаётся: найдите запись и привяжите её.',
    en: 'A copy request does not become a record: find the record and link it.',
  },
  'problem.portal.copyWrongKind': {
    tg: 'Сабт аз навъи дигар аст: дархост барои {kind} аст.',
    ru: 'Запись другого вида: запрос касается вида «{kind}».',
    en: 'The record is of another kind: the request is for a {kind} record.',
  },
} as const;
