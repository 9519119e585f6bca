/** The messages of two-factor sign-in (a code of an authenticator app, recovery codes). */
export const TWO_FACTOR_MESSAGES = {
  'error.twoFactor.code': {
    tg: 'Рамзи 6-рақамаи барномаи аутентификатор ё рамзи барқарорсозиро ворид кунед.',
    ru: 'Введите 6-значный код из приложения-аутентификатора или код восстановления.',
    en: 'Enter the six-digit code of your authenticator app or a recovery code.',
  },
  'error.twoFactor.totp': {
    tg: 'Рамзи 6-рақамаи барномаи аутентификаторро ворид кунед.',
    ru: 'Введите 6-значный код из приложения-аутентификатора.',
    en: 'Enter the six-digit code of your authenticator app.',
  },
  'problem.twoFactor.wrongCode': {
    tg: 'Рамз нодуруст аст ё аллакай истифода шудааст.',
    ru: 'Код неверен или уже использован.',
    en: 'The code is wrong or has already been used.',
  },
  'problem.twoFactor.challengeOver': {
    tg: 'Вақти воридшавӣ гузашт. Бо парол аз нав ворид шавед.',
    ru: 'Время входа истекло. Войдите снова с паролем.',
    en: 'The sign-in has expired. Sign in again with your password.',
  },
  'problem.twoFactor.tooManyWrongCodes': {
    tg: 'Рамзҳои нодуруст бисёр шуданд. Бо парол аз нав ворид шавед.',
    ru: 'Слишком много неверных кодов. Войдите снова с паролем.',
    en: 'Too many wrong codes. Sign in again with your password.',
  },
  'problem.twoFactor.enrolmentRequired': {
    tg: 'Аввал воридшавии дуқадамаро танзим кунед.',
    ru: 'Сначала настройте двухфакторный вход.',
    en: 'Set up two-factor sign-in first.',
  },
  'problem.twoFactor.alreadyEnrolled': {
    tg: 'Воридшавии дуқадама аллакай танзим шудааст.',
    ru: 'Двухфакторный вход уже настроен.',
    en: 'Two-factor sign-in is already set up.',
  },
  'problem.twoFactor.enrolmentNotBegun': {
    tg: 'Аввал рамзи QR-ро гиред, сипас рамзи барномаро ворид кунед.',
    ru: 'Сначала получите QR-код, затем введите код из приложения.',
    en: 'Get the QR code first, then enter the code of the app.',
  },
  'problem.twoFactor.notEnrolled': {
    tg: 'Воридшавии дуқадама танзим нашудааст.',
    ru: 'Двухфакторный вход не настроен.',
    en: 'Two-factor sign-in is not set up.',
  },
  'problem.twoFactor.secretUnavailable': {
    tg: 'Калиди воридшавии дуқадама хонда намешавад. Ба маъмур муроҷиат кунед.',
    ru: 'Ключ двухфакторного входа не читается. Обратитесь к администратору.',
    en: 'The two-factor key cannot be read. Contact an administrator.',
  },
} as const;
