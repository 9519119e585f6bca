/** The messages of the administration of users and offices, and of the password rules it adds. */
export const ADMIN_MESSAGES = {
  'error.admin.login': {
    tg: 'Логин: 2–40 аломат, a-z, 0-9, . _ -',
    ru: 'Логин: 2–40 символов a-z, 0-9, . _ -',
    en: 'Login: 2–40 characters a-z, 0-9, . _ -',
  },
  'error.admin.nothingToChange': {
    tg: 'Чизе барои тағйир нест.',
    ru: 'Нечего изменять.',
    en: 'There is nothing to change.',
  },
  'error.admin.visitTimes': {
    tg: 'Вақти анҷом бояд баъд аз вақти оғоз бошад.',
    ru: 'Время окончания должно быть позже времени начала.',
    en: 'The end time must be after the start time.',
  },
  'password.breached': {
    tg: 'Ин парол дар рӯйхатҳои паролҳои ифшошуда ҳаст. Пароли дигар интихоб кунед.',
    ru: 'Этот пароль есть в списках утёкших паролей. Выберите другой.',
    en: 'This password appears in lists of breached passwords. Choose another.',
  },
  'password.reused': {
    tg: 'Ин парол ба яке аз {count} пароли охирини шумо монанд аст. Пароли нав интихоб кунед.',
    ru: 'Этот пароль совпадает с одним из ваших {count} последних паролей. Выберите новый.',
    en: 'This password is one of your last {count} passwords. Choose a new one.',
  },
  'problem.admin.wrongCurrentPassword': {
    tg: 'Пароли ҳозира нодуруст аст.',
    ru: 'Текущий пароль указан неверно.',
    en: 'The current password is wrong.',
  },
  'problem.admin.forbidden': {
    tg: 'Нақши шумо инро идора намекунад.',
    ru: 'Ваша роль этим не управляет.',
    en: 'Your role does not administer this.',
  },
  'problem.admin.outsideJurisdiction': {
    tg: '«{office}» берун аз ҳудуди салоҳияти шумост.',
    ru: '«{office}» вне пределов вашей компетенции.',
    en: '“{office}” is outside your jurisdiction.',
  },
  'problem.admin.ownAccount': {
    tg: 'Ҳуқуқҳои ҳисоби худро касе идора намекунад: аз маъмури дигар хоҳиш кунед.',
    ru: 'Никто не управляет правами своей учётной записи: обратитесь к другому администратору.',
    en: 'No one administers their own account’s privileges: ask another administrator.',
  },
  'problem.admin.roleNotGrantable': {
    tg: 'Шумо нақши «{role}»-ро дода ё идора карда наметавонед.',
    ru: 'Вы не можете назначать роль «{role}» или управлять её обладателями.',
    en: 'You may not give the role “{role}” or administer those who hold it.',
  },
  'problem.admin.loginTaken': {
    tg: 'Логини «{login}» аллакай банд аст.',
    ru: 'Логин «{login}» уже занят.',
    en: 'The login “{login}” is taken.',
  },
  'problem.admin.unknownOffice': {
    tg: 'Чунин идора нест.',
    ru: 'Такого учреждения нет.',
    en: 'There is no such office.',
  },
  'problem.admin.officeClosed': {
    tg: '«{office}» баста шудааст.',
    ru: '«{office}» закрыто.',
    en: '“{office}” is closed.',
  },
  'problem.admin.wrongParent': {
    tg: 'Ин гуна идора зери «{parent}» кушода намешавад.',
    ru: 'Такое учреждение не открывается под «{parent}».',
    en: 'An office of this kind does not open under “{parent}”.',
  },
  'problem.admin.officeOpenBelow': {
    tg: 'Аввал «{office}»-ро, ки зери ин идора кушода аст, бандед.',
    ru: 'Сначала закройте «{office}», открытое под этим учреждением.',
    en: 'First close “{office}”, which is open below this office.',
  },
  'error.admin.visitPast': {
    tg: 'Сафар барои имрӯз ё баъдтар ба нақша гирифта мешавад.',
    ru: 'Выезд планируется на сегодня или позже.',
    en: 'A visit is planned for today or later.',
  },
  'problem.admin.notMovable': {
    tg: 'Танҳо ҷамоат ё идораи сайёр ба шуъбаи дигар гузаронида мешавад.',
    ru: 'Перевести в другой отдел можно только джамоат или мобильный офис.',
    en: 'Only a jamoat or a mobile office moves to another district.',
  },
  'problem.admin.notMobile': {
    tg: 'Ҷадвали сафарҳо танҳо барои идораи сайёр аст.',
    ru: 'График выездов есть только у мобильного офиса.',
    en: 'Only a mobile office has a schedule of visits.',
  },
  'problem.admin.noSuchUser': {
    tg: 'Чунин корбар нест ё берун аз салоҳияти шумост.',
    ru: 'Такого пользователя нет или он вне вашей компетенции.',
    en: 'There is no such user, or they are outside your jurisdiction.',
  },
  'problem.passwordChangeRequired': {
    tg: 'Аввал пароли муваққатиро иваз кунед.',
    ru: 'Сначала смените временный пароль.',
    en: 'Change your temporary password first.',
  },
  'problem.officeClosedForRecords': {
    tg: 'Идораи шумо баста шудааст: сабтҳои нав кушода намешаванд, сабтҳои мавҷуда хонда мешаванд.',
    ru: 'Ваше учреждение закрыто: новые записи не создаются, существующие доступны для чтения.',
    en: 'Your office is closed: no new records are made; the existing ones stay readable.',
  },
} as const;
