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
} as const;
