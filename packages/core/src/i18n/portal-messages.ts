/** The messages of the citizen portal's sign-in and account. */
export const PORTAL_MESSAGES = {
  'error.portal.code': {
    tg: 'Рамз аз 6 рақам иборат аст.',
    ru: 'Код состоит из 6 цифр.',
    en: 'The code has 6 digits.',
  },
  'problem.portal.codeWrong': {
    tg: 'Рамз нодуруст аст. Боз {left} кӯшиш мондааст.',
    ru: 'Неверный код. Осталось попыток: {left}.',
    en: 'The code is wrong. {left} tries left.',
  },
  'problem.portal.codeExpired': {
    tg: 'Мӯҳлати рамз гузашт. Рамзи нав дархост кунед.',
    ru: 'Срок действия кода истёк. Запросите новый код.',
    en: 'The code has expired. Ask for a new one.',
  },
  'problem.portal.codeUsed': {
    tg: 'Ин рамз аллакай истифода шудааст. Рамзи нав дархост кунед.',
    ru: 'Этот код уже использован. Запросите новый код.',
    en: 'This code has already been used. Ask for a new one.',
  },
  'problem.portal.codeLocked': {
    tg: 'Рамз бисёр маротиба нодуруст ворид шуд ва дигар эътибор надорад. Рамзи нав дархост кунед.',
    ru: 'Код введён неверно слишком много раз и больше не действует. Запросите новый код.',
    en: 'The code was entered wrongly too many times and no longer works. Ask for a new one.',
  },
  'problem.portal.tooManyCodes': {
    tg: 'Барои ин суроға ё рақам рамзҳои бисёр дархост шуд. Баъд аз {minutes} дақиқа дубора кӯшиш кунед.',
    ru: 'Для этого адреса или номера запрошено слишком много кодов. Повторите через {minutes} мин.',
    en: 'Too many codes were asked for this address or number. Try again in {minutes} minutes.',
  },
  'problem.portal.noPublicOffice': {
    tg: 'Идораи «{office}» аризаҳои шаҳрвандонро қабул намекунад ва дар портал нишон дода намешавад.',
    ru: 'Учреждение «{office}» не принимает заявления граждан и не показывается на портале.',
    en: 'The office “{office}” takes no applications from citizens and is not shown on the portal.',
  },
  'problem.portal.signInRequired': {
    tg: 'Ба портал ворид шавед.',
    ru: 'Войдите на портал.',
    en: 'Sign in to the portal.',
  },
  'error.portal.questionOffice': {
    tg: 'Идораеро интихоб кунед, ки аризаҳои шаҳрвандонро қабул мекунад.',
    ru: 'Выберите учреждение, которое принимает заявления граждан.',
    en: 'Choose an office that takes applications from citizens.',
  },
  'error.portal.cannedAnswer': {
    tg: 'Ин ҷавоби тайёр барои ин идора нест ё бекор шудааст.',
    ru: 'Этот готовый ответ не для этого учреждения или отозван.',
    en: 'This canned answer is not for this office or has been withdrawn.',
  },
  'problem.question.notFound': {
    tg: 'Чунин савол нест.',
    ru: 'Такого вопроса нет.',
    en: 'There is no such question.',
  },
  'problem.question.closed': {
    tg: 'Ин савол баста шудааст. Саволи нав диҳед.',
    ru: 'Этот вопрос закрыт. Задайте новый вопрос.',
    en: 'This question is closed. Ask a new one.',
  },
  'problem.question.tooManyMessages': {
    tg: 'Дар як савол зиёда аз {max} паём буда наметавонад. Саволи нав диҳед.',
    ru: 'В одном вопросе не может быть больше {max} сообщений. Задайте новый вопрос.',
    en: 'A question holds at most {max} messages. Ask a new one.',
  },
  'problem.question.forbidden': {
    tg: 'Нақши шумо ба саволҳои шаҳрвандон ҷавоб намедиҳад.',
    ru: 'Ваша роль не отвечает на вопросы граждан.',
    en: 'Your role does not answer citizens’ questions.',
  },
  'problem.question.otherOffice': {
    tg: 'Шумо танҳо саволҳои идораи худро мебинед.',
    ru: 'Вы видите только вопросы своего учреждения.',
    en: 'You see only your own office’s questions.',
  },
  'problem.question.cannedForbidden': {
    tg: 'Ҷавобҳои тайёрро роҳбари идора ё маъмури марказӣ нигоҳ медорад.',
    ru: 'Готовые ответы ведёт руководитель учреждения или центральный администратор.',
    en: 'Canned answers are kept by the head of office or the central administrator.',
  },
  'problem.question.cannedNotFound': {
    tg: 'Чунин ҷавоби тайёр нест.',
    ru: 'Такого готового ответа нет.',
    en: 'There is no such canned answer.',
  },
} as const;
