/** The messages of appointments at an office (core api/portal-appointments.ts). */
export const APPOINTMENT_MESSAGES = {
  'error.appointments.days': {
    tg: 'Ҳар рӯзи ҳафта як бор нишон дода мешавад.',
    ru: 'Каждый день недели указывается один раз.',
    en: 'Give each day of the week once.',
  },
  'error.appointments.lastDay': {
    tg: 'Рӯзи охир набояд пеш аз рӯзи аввал бошад.',
    ru: 'Последний день не может быть раньше первого.',
    en: 'The last day cannot be before the first.',
  },
  'error.appointments.seriesTooLong': {
    tg: 'Вақтҳои қабул на бештар аз 184 рӯз пеш нашр карда мешаванд.',
    ru: 'Время приёма публикуется не более чем на 184 дня вперёд за раз.',
    en: 'Slots are published for at most 184 days at a time.',
  },
  'error.appointments.rangeTooLong': {
    tg: 'На бештар аз 31 рӯзро якбора дидан мумкин аст.',
    ru: 'За один раз можно посмотреть не более 31 дня.',
    en: 'At most 31 days can be shown at once.',
  },
  'problem.appointments.pastSeries': {
    tg: 'Вақтҳои қабулро барои рӯзҳои гузашта нашр кардан мумкин нест.',
    ru: 'Нельзя публиковать время приёма на прошедшие дни.',
    en: 'Slots cannot be published for days that have passed.',
  },
  'problem.appointments.noSlots': {
    tg: 'Дар ин рӯзҳо ва соатҳо ягон вақти қабул намеғунҷад.',
    ru: 'В эти дни и часы не помещается ни одного времени приёма.',
    en: 'No slot fits in these days and hours.',
  },
  'problem.appointments.outsideHours': {
    tg: 'Рӯзи {day} идора аз {opens} то {closes} кор мекунад: вақтҳои қабул бояд дар ин соатҳо бошанд.',
    ru: 'Часы работы учреждения ({day}): с {opens} до {closes}. Время приёма должно быть в эти часы.',
    en: 'On {day} the office is open from {opens} to {closes}: slots must fall within these hours.',
  },
  'problem.appointments.closedDay': {
    tg: 'Рӯзи {day} идора кор намекунад.',
    ru: 'Выходной день учреждения: {day}.',
    en: 'The office is not open on {day}.',
  },
  'problem.appointments.unknownSlot': {
    tg: 'Чунин вақти қабул нест.',
    ru: 'Такого времени приёма нет.',
    en: 'There is no such slot.',
  },
  'problem.appointments.slotFull': {
    tg: 'Ин вақт аллакай банд шуд. Вақти дигарро интихоб кунед.',
    ru: 'Это время уже занято. Выберите другое время.',
    en: 'This time has just been taken. Choose another time.',
  },
  'problem.appointments.slotClosed': {
    tg: 'Идора ин вақти қабулро бастааст. Вақти дигарро интихоб кунед.',
    ru: 'Учреждение закрыло это время приёма. Выберите другое время.',
    en: 'The office has closed this slot. Choose another time.',
  },
  'problem.appointments.slotPast': {
    tg: 'Ин вақт гузаштааст. Вақти дигарро интихоб кунед.',
    ru: 'Это время уже прошло. Выберите другое время.',
    en: 'This time has passed. Choose another time.',
  },
  'problem.appointments.onePerDay': {
    tg: 'Шумо дар ин рӯз ба ин идора аллакай навбат доред. Онро иваз кунед ё бекор кунед.',
    ru: 'У вас уже есть запись в это учреждение на этот день. Перенесите или отмените её.',
    en: 'You already have an appointment at this office on this day. Move or cancel it instead.',
  },
  'problem.appointments.unknown': {
    tg: 'Чунин навбат нест.',
    ru: 'Такой записи нет.',
    en: 'There is no such appointment.',
  },
  'problem.appointments.notActive': {
    tg: 'Ин навбат аллакай бекор шудааст ё гузаштааст.',
    ru: 'Эта запись уже отменена или прошла.',
    en: 'This appointment has been cancelled or has passed.',
  },
  'problem.appointments.otherOffice': {
    tg: 'Навбатро танҳо ба вақти дигари ҳамон идора иваз кардан мумкин аст.',
    ru: 'Запись можно перенести только на другое время того же учреждения.',
    en: 'An appointment moves only to another time at the same office.',
  },
  'problem.appointments.sameSlot': {
    tg: 'Навбат аллакай дар ҳамин вақт аст.',
    ru: 'Запись уже на это время.',
    en: 'The appointment is already at this time.',
  },
  'problem.appointments.unknownApplication': {
    tg: 'Шумо чунин аризаи онлайн надоред.',
    ru: 'У вас нет такого онлайн-заявления.',
    en: 'You have no such online application.',
  },
  'problem.appointments.applicationDraft': {
    tg: 'Аризаи ҳанӯз ирсолнашуда: аввал онро ирсол кунед, баъд барои он навбат гиред.',
    ru: 'Заявление ещё не отправлено: сначала отправьте его, затем записывайтесь на приём по нему.',
    en: 'This application has not been submitted yet: submit it first, then book a visit for it.',
  },
  'problem.appointments.applicationOtherOffice': {
    tg: 'Ариза ба идораи дигар ирсол шудааст: вақти қабули ҳамон идораро интихоб кунед.',
    ru: 'Заявление подано в другое учреждение: выберите время приёма этого учреждения.',
    en: 'The application was submitted to another office: choose a time at that office.',
  },
  'problem.appointments.applicationBooked': {
    tg: 'Барои ин ариза аллакай навбат ҳаст ({date}, соати {time}). Онро иваз кунед ё бекор кунед.',
    ru: 'По этому заявлению уже есть запись ({date}, {time}). Перенесите или отмените её.',
    en: 'This application already has a visit booked ({date} at {time}). Move or cancel that one instead.',
  },
  'problem.appointments.forbidden': {
    tg: 'Шумо ба навбатҳои ин идора дастрасӣ надоред.',
    ru: 'У вас нет доступа к записям этого учреждения.',
    en: 'You have no access to this office’s appointments.',
  },
} as const;
