import { ADMIN_MESSAGES } from './admin-messages.ts';
import { APPOINTMENT_MESSAGES } from './appointment-messages.ts';
import { CASH_MESSAGES } from './cash-messages.ts';
import type { Locale, LocalizedText } from './locale.ts';
import { PORTAL_APPLICATION_MESSAGES } from './portal-application-messages.ts';
import { PORTAL_MESSAGES } from './portal-messages.ts';
import { TWO_FACTOR_MESSAGES } from './two-factor-messages.ts';

type Entry = Record<Locale, string>;

/**
 * Every message a user can see from the server, by key, in Tajik, Russian and English.
 * `{name}` placeholders are filled from the params.
 */
export const MESSAGES = {
  ...ADMIN_MESSAGES,
  ...TWO_FACTOR_MESSAGES,
  // field errors
  'error.required': {
    tg: 'Ин майдон ҳатмист: онро пур кунед.',
    ru: 'Это поле обязательно: заполните его.',
    en: 'This field is required: fill it in.',
  },
  'error.type': {
    tg: 'Қимати нодуруст: {expected} лозим аст.',
    ru: 'Неверное значение: ожидается {expected}.',
    en: 'Wrong kind of value: {expected} expected.',
  },
  'error.name.letters': {
    tg: 'Ном танҳо аз ҳарфҳо иборат аст; байни қисмҳо нимтире, апостроф ё фосила гузоштан мумкин аст.',
    ru: 'Имя состоит только из букв; между частями допустимы дефис, апостроф или пробел.',
    en: 'A name is letters only; its parts may be joined by a hyphen, an apostrophe or a space.',
  },
  'error.name.mixedScripts': {
    tg: 'Дар як калимаи ном ҳарфҳои алифбоҳои гуногун омехтаанд (масалан, ҳарфи лотинӣ дар байни ҳарфҳои кириллӣ): калимаро бо як алифбо аз нав нависед.',
    ru: 'В одном слове имени смешаны буквы разных алфавитов (например, латинская буква среди кириллических): наберите слово заново в одной раскладке.',
    en: 'One word of the name mixes letters of different alphabets (such as a Latin letter among Cyrillic ones): type the word again in one alphabet.',
  },
  'error.tooLong': {
    tg: 'Матн дароз аст: на зиёда аз {max} аломат.',
    ru: 'Слишком длинный текст: не более {max} символов.',
    en: 'Too long: at most {max} characters.',
  },
  'error.tooShort': {
    tg: 'Матн кӯтоҳ аст: на камтар аз {min} аломат.',
    ru: 'Слишком короткий текст: не менее {min} символов.',
    en: 'Too short: at least {min} characters.',
  },
  'error.tooSmall': {
    tg: 'Қимат хурд аст: на камтар аз {min}.',
    ru: 'Слишком маленькое значение: не менее {min}.',
    en: 'Too small: at least {min}.',
  },
  'error.tooBig': {
    tg: 'Қимат калон аст: на зиёда аз {max}.',
    ru: 'Слишком большое значение: не более {max}.',
    en: 'Too large: at most {max}.',
  },
  'error.tooMany': {
    tg: 'Ададҳо зиёданд: на зиёда аз {max}.',
    ru: 'Слишком много элементов: не более {max}.',
    en: 'Too many items: at most {max}.',
  },
  'error.format': {
    tg: 'Шакли нодуруст.',
    ru: 'Неверный формат.',
    en: 'Wrong format.',
  },
  'error.time': {
    tg: 'Вақтро дар шакли СС:ДД нависед, масалан 14:05.',
    ru: 'Укажите время в формате ЧЧ:ММ, например 14:05.',
    en: 'Write the time as HH:MM, for example 14:05.',
  },
  'error.country': {
    tg: 'Рамзи дуҳарфии кишварро нависед, масалан TJ.',
    ru: 'Укажите двухбуквенный код страны, например TJ.',
    en: 'Give the two-letter country code, for example TJ.',
  },
  'error.unit': {
    tg: 'Чунин ноҳия ё шаҳр нест. Аз рӯйхат интихоб кунед.',
    ru: 'Такого района или города нет. Выберите из списка.',
    en: 'No such district or city. Choose one from the list.',
  },
  'error.uuid': {
    tg: 'Идентификатори нодуруст (UUID лозим аст).',
    ru: 'Неверный идентификатор (нужен UUID).',
    en: 'Invalid identifier (a UUID is expected).',
  },
  'error.numericId': {
    tg: 'Идентификатор адади бутуни мусбат аст ва танҳо бо рақамҳо навишта мешавад (масалан, 31).',
    ru: 'Идентификатор — целое положительное число, записанное только цифрами (например, 31).',
    en: 'An identifier is a whole positive number written in digits only (for example 31).',
  },
  'error.pageToken': {
    tg: 'Ин саҳифа ба рӯйхат мувофиқ нест (тартиби он дигар шудааст): аз саҳифаи аввал сар кунед.',
    ru: 'Эта страница не подходит к списку (его порядок изменился): начните с первой страницы.',
    en: 'This page does not belong to the list as it is now sorted: start again from the first page.',
  },
  'error.choice': {
    tg: 'Яке аз қиматҳои иҷозатдодашударо интихоб кунед: {options}.',
    ru: 'Выберите одно из допустимых значений: {options}.',
    en: 'Choose one of the allowed values: {options}.',
  },
  'error.unknownField': {
    tg: 'Майдони номаълум «{field}»: онро хориҷ кунед.',
    ru: 'Неизвестное поле «{field}»: удалите его.',
    en: 'Unknown field “{field}”: remove it.',
  },
  'error.invalidCharacters': {
    tg: 'Матн аломатҳои нодуруст (масалан, аломати идоракунӣ) дорад: онро аз нав нависед.',
    ru: 'Текст содержит недопустимые символы (например, управляющие): введите его заново.',
    en: 'The text contains characters that are not allowed (such as control or invisible characters): type it again.',
  },
  'error.tooDeep': {
    tg: 'Сохтори маълумот аз ҳад чуқур аст (на зиёда аз {max} сатҳ).',
    ru: 'Слишком глубокая вложенность данных (не более {max} уровней).',
    en: 'The data is nested too deeply (at most {max} levels).',
  },
  'error.date.invalid': {
    tg: 'Чунин сана вуҷуд надорад. Санаро дар шакли рр.мм.сссс санҷед.',
    ru: 'Такой даты не существует. Проверьте дату (дд.мм.гггг).',
    en: 'This date does not exist. Check the date (dd.mm.yyyy).',
  },
  'error.date.partialInvalid': {
    tg: 'Санаи нодуруст: сол, моҳ ва сол ё санаи пурра нависед.',
    ru: 'Неверная дата: укажите год, месяц и год или полную дату.',
    en: 'Invalid date: give a year, a month and year, or a full date.',
  },
  'error.date.future': {
    tg: 'Сана набояд дар оянда бошад.',
    ru: 'Дата не может быть в будущем.',
    en: 'The date cannot be in the future.',
  },
  'error.court.inForceBeforeDecision': {
    tg: 'Қарор наметавонад пеш аз санаи қабулаш эътибор пайдо кунад.',
    ru: 'Решение не может вступить в силу раньше даты его вынесения.',
    en: 'A decision cannot come into force before the date it was made.',
  },
  'error.date.beforeBirth': {
    tg: 'Сана набояд пеш аз таваллуд бошад.',
    ru: 'Дата не может быть раньше даты рождения.',
    en: 'The date cannot be before the date of birth.',
  },
  'error.date.beforeEvent': {
    tg: 'Санаи ҳуҷҷат набояд пеш аз ҳодиса бошад.',
    ru: 'Дата документа не может быть раньше события.',
    en: 'The document cannot be dated before the event.',
  },
  'error.age.implausible': {
    tg: 'Синну сол ({age}) бовар кардан душвор аст: санаҳоро санҷед (аз {min} то {max}).',
    ru: 'Неправдоподобный возраст ({age}): проверьте даты (от {min} до {max}).',
    en: 'Implausible age ({age}): check the dates (between {min} and {max}).',
  },
  'error.birthOrder': {
    tg: 'Тартиби таваллуд бояд аз 1 то {max} бошад.',
    ru: 'Порядок рождения должен быть от 1 до {max}.',
    en: 'The birth order must be between 1 and {max}.',
  },
  'error.father.notExpected': {
    tg: 'Вақте ки асос барои маълумоти падар нест, маълумоти падар дохил карда намешавад.',
    ru: 'Если основания для сведений об отце нет, сведения об отце не вносятся.',
    en: 'With no basis for the father’s data, the father’s data must be left empty.',
  },
  'error.father.required': {
    tg: 'Маълумоти падарро пур кунед ё асоси «нест»-ро интихоб кунед.',
    ru: 'Заполните сведения об отце или выберите основание «нет».',
    en: 'Fill in the father’s data or choose the basis “none”.',
  },
  'error.icd10': {
    tg: 'Рамзи ICD-10 нодуруст аст. Намуна: I21.9.',
    ru: 'Неверный код МКБ-10. Пример: I21.9.',
    en: 'Invalid ICD-10 code. Example: I21.9.',
  },
  'error.marriage.underAge': {
    tg: 'Синни никоҳ 18 сол аст; дар рӯзи бақайдгирӣ синну сол {age} аст. Аз 17-солагӣ никоҳ танҳо бо қарори суд мумкин аст.',
    ru: 'Брачный возраст — 18 лет; на день регистрации возраст {age}. С 17 лет брак возможен только по решению суда.',
    en: 'The marriage age is 18; on the registration day the person is {age}. From 17, marriage is possible only with a court decision.',
  },
  'error.marriage.beforeApplication': {
    tg: 'Никоҳ пеш аз рӯзи пешниҳоди ариза ба қайд гирифта намешавад.',
    ru: 'Брак не может быть зарегистрирован раньше дня подачи заявления.',
    en: 'The marriage cannot be registered before the day the application was made.',
  },
  'error.divorce.minorChildren': {
    tg: 'Ҳамсароне, ки фарзандони ноболиғи умумӣ доранд, ақди никоҳро танҳо тавассути суд бекор карда метавонанд.',
    ru: 'Супруги, у которых есть общие несовершеннолетние дети, расторгают брак только в судебном порядке.',
    en: 'Spouses with common minor children can divorce only through a court.',
  },
  'error.divorce.endBeforeMarriage': {
    tg: 'Санаи қатъ гардидани никоҳ набояд пеш аз санаи ақди никоҳ бошад.',
    ru: 'Дата прекращения брака не может быть раньше даты его заключения.',
    en: 'The marriage cannot end before the date it was entered into.',
  },
  'error.adoption.noAdopter': {
    tg: 'Ақаллан як фарзандхонандаро нишон диҳед: модар ё падари фарзандхонанда.',
    ru: 'Укажите хотя бы одного усыновителя: усыновительницу или усыновителя.',
    en: 'Give at least one adopter: the adoptive mother or the adoptive father.',
  },
  'error.paternity.childConsent': {
    tg: 'Падарӣ нисбат ба шахси ба 18-солагӣ расида танҳо бо розигии худи ӯ муқаррар карда мешавад.',
    ru: 'Отцовство в отношении лица, достигшего 18 лет, устанавливается только с его согласия.',
    en: 'Paternity of a person aged 18 or over can be established only with their consent.',
  },
  'error.nameChange.underAge': {
    tg: 'Насаб, ном ва номи падарро аз 16-солагӣ иваз кардан мумкин аст; дар рӯзи ариза синну сол {age} аст. То 16-солагӣ мақоми васоят ва парасторӣ қарор мебарорад.',
    ru: 'Переменить фамилию, имя и отчество можно с 16 лет; на день заявления возраст {age}. До 16 лет решение принимает орган опеки и попечительства.',
    en: 'A surname, name or patronymic can be changed from age 16; on the application date the person is {age}. Under 16, the guardianship authority decides.',
  },
  'error.nameChange.noChange': {
    tg: 'Насаб, ном ё номи падари нав бояд аз пештара фарқ кунад.',
    ru: 'Новые фамилия, имя или отчество должны отличаться от прежних.',
    en: 'The new surname, name or patronymic must differ from the old ones.',
  },
  // warnings
  'warning.lateBirth': {
    tg: 'Аз таваллуд зиёда аз 3 моҳ гузаштааст: бақайдгирии дер.',
    ru: 'С рождения прошло более 3 месяцев: поздняя регистрация.',
    en: 'More than 3 months since the birth: late registration.',
  },
  'warning.marriage.waitingPeriod': {
    tg: 'Ин сана ба моҳи баъд аз ариза рост меояд: пеш аз {earliest} ақди никоҳ танҳо бо қарори роҳбари идора оид ба кӯтоҳ кардани мӯҳлат ба қайд гирифта мешавад.',
    ru: 'Эта дата приходится на месяц после подачи заявления: до {earliest} брак регистрируется только по решению руководителя учреждения о сокращении срока.',
    en: 'This date falls within the month after the application: before {earliest} a marriage is registered only on the head of office’s decision to shorten the period.',
  },
  'warning.lateDeath': {
    tg: 'Аз вафот зиёда аз 1 сол гузаштааст: бақайдгирии дер.',
    ru: 'Со дня смерти прошло более 1 года: поздняя регистрация.',
    en: 'More than 1 year since the death: late registration.',
  },
  'warning.name.russianSurnameSuffix': {
    tg: 'Пасвандҳои русии -ов/-ова/-ев/-ева барои навзодон иҷозат нестанд (ба истиснои ақаллиятҳои миллӣ ва издивоҷҳои омехта).',
    ru: 'Русские суффиксы -ов/-ова/-ев/-ева для новорождённых не допускаются (кроме нацменьшинств и смешанных браков).',
    en: 'The Russian suffixes -ov/-ova/-ev/-eva are not allowed for newborns (except national minorities and mixed marriages).',
  },
  'warning.name.russianPatronymic': {
    tg: 'Номи падар бо -ович/-овна/-евич/-евна барои навзодон иҷозат нест.',
    ru: 'Отчество на -ович/-овна/-евич/-евна для новорождённых не допускается.',
    en: 'Patronymics in -ovich/-ovna/-evich/-evna are not allowed for newborns.',
  },
  'warning.name.title': {
    tg: 'Унвони «{title}» дар номи навзод иҷозат нест.',
    ru: 'Титул «{title}» в имени новорождённого не допускается.',
    en: 'The title “{title}” is not allowed in a newborn’s name.',
  },
  // problems (titles)
  'problem.validation': {
    tg: 'Маълумот нодуруст аст: хатогиҳои майдонҳоро ислоҳ кунед.',
    ru: 'Данные неверны: исправьте ошибки в полях.',
    en: 'The data is not valid: correct the fields shown.',
  },
  'problem.badRequest': {
    tg: 'Дархост хонда нашуд: он ба қоидаҳои HTTP мувофиқ нест.',
    ru: 'Запрос не прочитан: он не соответствует правилам HTTP.',
    en: 'The request could not be read: it does not follow the rules of HTTP.',
  },
  'problem.badUrl': {
    tg: 'Суроғаи дархост хонда нашуд: дар он аломатҳои нодуруст рамзгузорӣ шудаанд.',
    ru: 'Адрес запроса не прочитан: в нём неверно закодированы символы.',
    en: 'The address of the request could not be read: it has wrongly encoded characters.',
  },
  'problem.uriTooLong': {
    tg: 'Суроғаи дархост ё қисми он аз ҳад дароз аст.',
    ru: 'Адрес запроса или его часть слишком длинные.',
    en: 'The address of the request, or a part of it, is too long.',
  },
  'problem.methodNotAllowed': {
    tg: 'Ин суроға чунин усули дархостро қабул намекунад (усулҳои қабулшуда дар Allow).',
    ru: 'Этот адрес не принимает такой метод запроса (допустимые методы — в Allow).',
    en: 'This address does not take this request method (the ones it takes are in Allow).',
  },
  'problem.headersTooLarge': {
    tg: 'Сарлавҳаҳои дархост аз ҳад калонанд.',
    ru: 'Заголовки запроса слишком велики.',
    en: 'The headers of the request are too large.',
  },
  'problem.requestTimeout': {
    tg: 'Дархост сари вақт пурра нарасид.',
    ru: 'Запрос не пришёл полностью вовремя.',
    en: 'The request did not arrive in full in time.',
  },
  'problem.malformedJson': {
    tg: 'Дархост хонда нашуд: JSON нодуруст аст.',
    ru: 'Запрос не прочитан: неверный JSON.',
    en: 'The request could not be read: malformed JSON.',
  },
  'problem.unauthenticated': {
    tg: 'Ворид шавед: ҷаласа нест ё ба охир расидааст.',
    ru: 'Войдите в систему: сеанса нет или он истёк.',
    en: 'Sign in: there is no session or it has expired.',
  },
  'problem.badCredentials': {
    tg: 'Логин ё парол нодуруст аст.',
    ru: 'Неверный логин или пароль.',
    en: 'Wrong login or password.',
  },
  'problem.loginThrottled': {
    tg: 'Бисёр воридшавии нодуруст бо ин логин ё аз ин суроға. Баъд аз {minutes} дақиқа дубора кӯшиш кунед.',
    ru: 'Слишком много неудачных попыток входа с этим логином или с этого адреса. Повторите через {minutes} мин.',
    en: 'Too many failed sign-ins with this login or from this address. Try again in {minutes} minutes.',
  },
  'problem.crossSite': {
    tg: 'Дархост аз сомонаи дигар омадааст ва рад шуд. Амалро дар худи Сабт иҷро кунед.',
    ru: 'Запрос пришёл с другого сайта и отклонён. Выполните действие в самом Сабте.',
    en: 'The request came from another site and was refused. Do this in Sabt itself.',
  },
  'password.tooShort': {
    tg: 'Парол кӯтоҳ аст: на камтар аз {min} аломат.',
    ru: 'Пароль слишком короткий: не менее {min} символов.',
    en: 'The password is too short: at least {min} characters.',
  },
  'password.tooLong': {
    tg: 'Парол дароз аст: на зиёда аз {max} аломат.',
    ru: 'Пароль слишком длинный: не более {max} символов.',
    en: 'The password is too long: at most {max} characters.',
  },
  'password.blank': {
    tg: 'Парол танҳо аз фосилаҳо иборат буда наметавонад.',
    ru: 'Пароль не может состоять только из пробелов.',
    en: 'The password cannot be only spaces.',
  },
  'password.common': {
    tg: 'Ин парол аз маъмултарин паролҳост ва зуд ёфта мешавад. Пароли дигар интихоб кунед.',
    ru: 'Это один из самых распространённых паролей, его легко подобрать. Выберите другой.',
    en: 'This is one of the most common passwords and easily guessed. Choose another.',
  },
  'password.containsLogin': {
    tg: 'Парол набояд логинро дар бар гирад.',
    ru: 'Пароль не должен содержать логин.',
    en: 'The password must not contain the login.',
  },
  'password.mismatch': {
    tg: 'Паролҳо мувофиқ нестанд.',
    ru: 'Пароли не совпадают.',
    en: 'The passwords do not match.',
  },
  'problem.forbidden': {
    tg: 'Шумо ҳуқуқи ин амалро надоред.',
    ru: 'У вас нет права на это действие.',
    en: 'You are not allowed to do this.',
  },
  'problem.notFound': {
    tg: 'Ёфт нашуд.',
    ru: 'Не найдено.',
    en: 'Not found.',
  },
  'problem.preconditionRequired': {
    tg: 'Сарлавҳаи If-Match лозим аст: сабтро аз нав кушоед ва тағйир диҳед.',
    ru: 'Нужен заголовок If-Match: откройте запись заново и внесите изменения.',
    en: 'An If-Match header is required: reopen the record and edit it again.',
  },
  'problem.preconditionFailed': {
    tg: 'Сабтро корманди дигар аллакай тағйир додааст. Онро аз нав кушоед.',
    ru: 'Запись уже изменена другим сотрудником. Откройте её заново.',
    en: 'Someone else has changed this record. Reopen it to see their changes.',
  },
  'problem.idempotencyMismatch': {
    tg: 'Калиди Idempotency-Key аллакай барои дархости дигар истифода шудааст.',
    ru: 'Ключ Idempotency-Key уже использован для другого запроса.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  'problem.transitionNotAllowed': {
    tg: 'Амали «{action}» дар ҳолати «{status}» ғайриимкон аст.',
    ru: 'Действие «{action}» невозможно в статусе «{status}».',
    en: 'The action “{action}” is not possible in status “{status}”.',
  },
  'problem.kindNotAllowedInOffice': {
    tg: 'Ин идора ин намуди санадро сабт намекунад.',
    ru: 'Это учреждение не регистрирует данный вид акта.',
    en: 'This office does not register this kind of act.',
  },
  'problem.outsideOffice': {
    tg: 'Сабт ба идораи дигар тааллуқ дорад.',
    ru: 'Запись относится к другому учреждению.',
    en: 'The record belongs to another office.',
  },
  'problem.read.list': {
    tg: 'Нақши шумо рӯйхати сабтҳоро намебинад.',
    ru: 'Ваша роль не просматривает списки записей.',
    en: 'Your role does not list records.',
  },
  'problem.read.search': {
    tg: 'Нақши шумо одамон ва сабтҳоро ҷустуҷӯ намекунад.',
    ru: 'Ваша роль не ищет людей и записи.',
    en: 'Your role does not search for people or records.',
  },
  'problem.read.record': {
    tg: 'Нақши шумо сабтҳои шахсиро намехонад: он бо шумора ва ҳисоботҳо кор мекунад.',
    ru: 'Ваша роль не читает персональные записи: она работает с числами и отчётами.',
    en: 'Your role does not read personal records: it works with counts and reports.',
  },
  'problem.read.certificates': {
    tg: 'Нақши шумо шаҳодатномаҳо ва чопи онҳоро намехонад.',
    ru: 'Ваша роль не просматривает свидетельства и их печать.',
    en: 'Your role does not read certificates or their prints.',
  },
  'problem.read.audit': {
    tg: 'Нақши шумо дафтари аудитро намехонад.',
    ru: 'Ваша роль не просматривает журнал аудита.',
    en: 'Your role does not read the audit log.',
  },
  'problem.read.documentSearch': {
    tg: 'Нақши шумо рақамҳои ҳуҷҷатҳои шахсиятро пӯшида мебинад ва бо онҳо ҷустуҷӯ карда наметавонад: бо ном, сана ё рақами санад ҷустуҷӯ кунед.',
    ru: 'Ваша роль видит номера документов скрытыми и не может искать по ним: ищите по имени, дате или номеру акта.',
    en: 'Your role sees identity document numbers masked and cannot search by them: search by name, date or act number.',
  },
  'problem.read.receipts': {
    tg: 'Нақши шумо пардохт қабул намекунад ва квитансия чоп намекунад.',
    ru: 'Ваша роль не принимает платежи и не печатает квитанции.',
    en: 'Your role takes no payments and prints no receipts.',
  },
  'problem.fee.noReceipt': {
    tg: 'Ин сабти пардохт квитансия надорад: квитансия танҳо барои пардохт ва баргардонидани маблағ дода мешавад.',
    ru: 'У этой записи нет квитанции: квитанция выдаётся только на оплату и на возврат.',
    en: 'This entry has no receipt: receipts are given for payments and refunds only.',
  },
  'problem.reasonRequired': {
    tg: 'Сабабро нависед.',
    ru: 'Укажите причину.',
    en: 'Give a reason.',
  },
  'problem.unknownKind': {
    tg: 'Намуди санади номаълум.',
    ru: 'Неизвестный вид акта.',
    en: 'Unknown act kind.',
  },
  'problem.incomplete': {
    tg: 'Сабт пурра нест: майдонҳои нишондодашударо пур кунед.',
    ru: 'Запись не заполнена: заполните указанные поля.',
    en: 'The record is not complete: fill in the fields shown.',
  },
  'problem.tooManyRequests': {
    tg: 'Дархостҳо аз ҳад зиёданд. Каме интизор шавед.',
    ru: 'Слишком много запросов. Подождите немного.',
    en: 'Too many requests. Wait a little.',
  },
  'problem.overloaded': {
    tg: 'Система ҳоло аз ҳад зиёд банд аст. Баъд аз {retryAfter} сония дубора кӯшиш кунед.',
    ru: 'Система сейчас перегружена. Повторите через {retryAfter} с.',
    en: 'The system is overloaded right now. Try again in {retryAfter} seconds.',
  },
  'problem.notReady': {
    tg: 'Система ҳоло ба кор омода нест: {failed}.',
    ru: 'Система сейчас не готова к работе: {failed}.',
    en: 'The system is not ready to serve: {failed}.',
  },
  'ready.check.database': { tg: 'пойгоҳи додаҳо', ru: 'база данных', en: 'database' },
  'ready.check.jobs': { tg: 'навбати корҳо', ru: 'очередь заданий', en: 'job queue' },
  'ready.check.files': { tg: 'анбори файлҳо', ru: 'хранилище файлов', en: 'file store' },
  'problem.payloadTooLarge': {
    tg: 'Дархост хеле калон аст.',
    ru: 'Запрос слишком большой.',
    en: 'The request is too large.',
  },
  'problem.unsupportedMediaType': {
    tg: 'Маълумотро дар шакли JSON фиристед.',
    ru: 'Отправьте данные в формате JSON.',
    en: 'Send the data as JSON.',
  },
  'problem.internal': {
    tg: 'Хатои дохилии система. Дубора кӯшиш кунед; агар такрор шавад, ба маъмур хабар диҳед.',
    ru: 'Внутренняя ошибка системы. Повторите; если повторится, сообщите администратору.',
    en: 'Internal error. Try again; if it happens again, tell the administrator.',
  },
  'problem.duplicateId': {
    tg: 'Сабт бо ин рақам аллакай мавҷуд аст.',
    ru: 'Запись с таким идентификатором уже существует.',
    en: 'A record with this id already exists.',
  },
  'problem.conflict': {
    tg: 'Амал бо ҳолати ҷории сабт мувофиқат намекунад.',
    ru: 'Действие не соответствует текущему состоянию записи.',
    en: 'The action conflicts with the record’s current state.',
  },
  'error.marriage.alreadyMarried': {
    tg: 'Ин шахс дар ақди никоҳи амалкунанда аст (сабти № {number}, соли {year}, {office}).',
    ru: 'Это лицо состоит в действующем браке (запись № {number}, {year} год, {office}).',
    en: 'This person is in a marriage still in force (record No. {number}, {year}, {office}).',
  },
  'error.marriage.kin.directLine': {
    tg: 'Хешовандони хати рост ақди никоҳ баста наметавонанд.',
    ru: 'Родственники по прямой линии не могут вступить в брак.',
    en: 'Relatives in the direct line cannot marry.',
  },
  'error.marriage.kin.siblings': {
    tg: 'Бародару хоҳар (аз ҷумла нотанӣ) ақди никоҳ баста наметавонанд: падар ё модари умумӣ доранд.',
    ru: 'Брат и сестра (в том числе неполнородные) не могут вступить в брак: у них общий родитель.',
    en: 'Siblings (half-siblings included) cannot marry: they share a parent.',
  },
  'error.marriage.kin.uncleNiece': {
    tg: 'Амак/тағо/амма/хола бо ҷиян ақди никоҳ баста наметавонанд.',
    ru: 'Дядя или тётя не могут вступить в брак с племянником или племянницей.',
    en: 'An uncle or aunt cannot marry a nephew or niece.',
  },
  'error.marriage.kin.firstCousins': {
    tg: 'Амакбача, тағобача, аммабача ва холабача ақди никоҳ баста наметавонанд: бобо ё бибии умумӣ доранд.',
    ru: 'Двоюродные брат и сестра не могут вступить в брак: у них общие дедушка или бабушка.',
    en: 'First cousins cannot marry: they share a grandparent.',
  },
  'error.divorce.marriageNotFound': {
    tg: 'Сабти ақди никоҳ ёфт нашуд. Рақам, сана ва идораро санҷед ё сабтро аз ҷустуҷӯ интихоб кунед.',
    ru: 'Запись о заключении брака не найдена. Проверьте номер, дату и учреждение или выберите запись поиском.',
    en: 'The marriage record was not found. Check its number, date and office, or pick it by search.',
  },
  'error.divorce.marriageNotInForce': {
    tg: 'Ин ақди никоҳ аллакай бекор ё қатъ шудааст.',
    ru: 'Этот брак уже расторгнут или прекращён.',
    en: 'This marriage has already been dissolved or ended.',
  },
  'error.birthRecord.notFound': {
    tg: 'Сабти таваллуд ёфт нашуд. Онро аз ҷустуҷӯ интихоб кунед ё ному сана ва насабро санҷед.',
    ru: 'Запись о рождении не найдена. Выберите её поиском или проверьте имя, фамилию и дату.',
    en: 'The birth record was not found. Pick it by search, or check the names and date.',
  },
  'error.linkedRecord.notFound': {
    tg: 'Сабти нишондодашуда ёфт нашуд ё ба қайд гирифта нашудааст.',
    ru: 'Указанная запись не найдена или не зарегистрирована.',
    en: 'The record referred to was not found or is not registered.',
  },
  'error.amendment.noChange': {
    tg: 'Тағйирот нест: маълумоти нав бо маълумоти ҷорӣ якхела аст.',
    ru: 'Изменений нет: новые сведения совпадают с текущими.',
    en: 'Nothing changes: the new data is the same as the current data.',
  },
  'problem.possibleDuplicate': {
    tg: 'Сабт метавонад такрорӣ бошад: то санҷиши бэк-офис ба қайд гирифта намешавад.',
    ru: 'Запись может быть дубликатом: регистрация невозможна, пока бэк-офис её не проверит.',
    en: 'This record may be a duplicate: it cannot be registered until the back office has checked it.',
  },
  'problem.annul.spouseMarriedAgain': {
    tg: 'Бекор кардан мумкин нест: ақди никоҳе, ки ин сабт қатъ карда буд, бояд боз эътибор пайдо кунад, вале ҳамсар ақди никоҳи дигар дорад (сабти № {number}, соли {year}, {office}). Аввал ҳамон ақдро тибқи қарори суд бекор кунед.',
    ru: 'Аннулировать нельзя: брак, прекращённый этой записью, снова станет действующим, а супруг уже состоит в другом браке (запись № {number}, {year} год, {office}). Сначала аннулируйте тот брак по решению суда.',
    en: 'This cannot be annulled: the marriage it ended would be in force again, but a spouse is in another marriage (record No. {number}, {year}, {office}). Annul that marriage on a court decision first.',
  },
  'problem.selfRegistration': {
    tg: 'Дар ин идора касе, ки аризаро қабул, ирсол ё санҷидааст, онро ба қайд намегирад: сабтро бақайдгирандаи дигар ба қайд гирад.',
    ru: 'В этом учреждении тот, кто принял, направил или проверил заявление, не регистрирует его: запись должен зарегистрировать другой регистратор.',
    en: 'In this office whoever took, submitted or validated an application does not register it: another registrar must register the record.',
  },
  'problem.notAuthor': {
    tg: 'Лоиҳаро танҳо касе, ки онро оғоз кардааст, ё роҳбари идора бекор карда метавонад.',
    ru: 'Отменить черновик может только тот, кто его начал, или руководитель учреждения.',
    en: 'Only the one who started this draft, or the head of office, may cancel it.',
  },
  'problem.waitingPeriod': {
    tg: 'Ақди никоҳ як моҳ баъд аз ариза ба қайд гирифта мешавад: на пеш аз {allowedFrom} (ариза {applicationDate} дода шудааст). Барои пештар ба қайд гирифтан қарори роҳбари идора дар бораи кӯтоҳ кардани мӯҳлат лозим аст.',
    ru: 'Брак регистрируется через месяц после подачи заявления: не ранее {allowedFrom} (заявление подано {applicationDate}). Для более ранней регистрации нужно решение руководителя учреждения о сокращении срока.',
    en: 'A marriage is registered a month after the application: not before {allowedFrom} (applied on {applicationDate}). Registering earlier needs the head of office’s decision to shorten the period.',
  },
  'problem.waitingPeriodOver': {
    tg: 'Як моҳ аз рӯзи ариза аллакай гузаштааст: кӯтоҳ кардани мӯҳлат лозим нест.',
    ru: 'Месяц со дня подачи заявления уже истёк: сокращать срок не нужно.',
    en: 'The month since the application has already passed: there is nothing to shorten.',
  },
  'error.waiting.allowedFrom': {
    tg: 'Сана бояд аз рӯзи ариза ({from}) то пеш аз анҷоми моҳ ({to}) бошад.',
    ru: 'Дата должна быть не раньше дня подачи заявления ({from}) и раньше окончания месяца ({to}).',
    en: 'The date must fall on or after the application day ({from}) and before the month ends ({to}).',
  },
  'problem.registryCheck': {
    tg: 'Санҷиш бо феҳрист монеа ёфт: сабабҳои нишондодашударо бинед.',
    ru: 'Проверка по реестру выявила препятствие: см. указанные причины.',
    en: 'The check against the registry found an impediment: see the reasons given.',
  },
  // certificates and blanks
  'problem.certificate.notRegistered': {
    tg: 'Шаҳодатнома танҳо барои сабти ба қайд гирифташуда дода мешавад.',
    ru: 'Свидетельство выдаётся только по зарегистрированной записи.',
    en: 'Certificates are issued only for registered records.',
  },
  'problem.certificate.wrongDocument': {
    tg: 'Ин ҳуҷҷат барои ин сабт дода намешавад: {document}.',
    ru: 'Этот документ не выдаётся по данной записи: {document}.',
    en: 'This document cannot be issued for this record: {document}.',
  },
  'problem.certificate.plainPaperOnly': {
    tg: 'Ин ҳуҷҷат бе бланк, дар коғази оддӣ чоп мешавад: тамоми шакл чоп мешавад, на танҳо маълумот.',
    ru: 'Этот документ печатается без бланка, на чистой бумаге: печатается вся форма, а не только сведения.',
    en: 'This document is printed without a blank, on plain paper: the whole form is printed, not only the data.',
  },
  'problem.certificate.issueMismatch': {
    tg: 'Ин шаҳодатномаи «{expected}» мешавад, на «{requested}». Навъи додашударо санҷед.',
    ru: 'Это будет свидетельство «{expected}», а не «{requested}». Проверьте вид выдачи.',
    en: 'This would be a “{expected}” certificate, not “{requested}”. Check the kind of issue.',
  },
  'problem.certificate.spoiled': {
    tg: 'Шаҳодатнома вайроншуда ҳисобида шудааст: шаҳодатномаи навро чоп кунед.',
    ru: 'Свидетельство списано как испорченное: распечатайте новое.',
    en: 'This certificate was written off as spoiled: print a new one.',
  },
  'problem.certificate.alreadyReceived': {
    tg: 'Супоридани ин шаҳодатнома аллакай қайд шудааст.',
    ru: 'Выдача этого свидетельства уже отмечена.',
    en: 'The hand-over of this certificate has already been recorded.',
  },
  'problem.certificate.notReceived': {
    tg: 'Супоридани ин шаҳодатнома ҳанӯз қайд нашудааст: аввал гирандаро қайд кунед, баъд тилхатро чоп кунед.',
    ru: 'Выдача этого свидетельства ещё не отмечена: сначала укажите получателя, затем распечатайте расписку.',
    en: 'The hand-over of this certificate has not been recorded yet: record who collects it, then print the receipt.',
  },
  'problem.certificate.noSignatory': {
    tg: '{office}: муқаррар нашудааст, ки ҳуҷҷатҳоро кӣ имзо мекунад. Роҳбари идора онро дар саҳифаи «Бланкҳо», қисми «Имзокунанда» муқаррар мекунад.',
    ru: '{office}: не указано, кто подписывает документы. Руководитель учреждения указывает это на странице «Бланки», раздел «Подписант».',
    en: '{office}: nobody has been named to sign its documents. The head of office names them on the Blanks page, under “Signatory”.',
  },
  'problem.certificate.keysUnavailable': {
    tg: 'Калидҳои имзо кушода нашуданд: SABT_KEY_PASSPHRASE-ро санҷед.',
    ru: 'Не удалось открыть ключи подписи: проверьте SABT_KEY_PASSPHRASE.',
    en: 'The signing keys could not be opened: check SABT_KEY_PASSPHRASE.',
  },
  'problem.blank.noneInStock': {
    tg: 'Дар идораи шумо бланки «{document}» нест. Аввал бастаи бланкҳоро қабул кунед.',
    ru: 'В вашем учреждении нет бланков «{document}». Сначала примите партию бланков.',
    en: 'Your office has no “{document}” blanks in stock. Receive a batch of blanks first.',
  },
  'problem.blank.notInStock': {
    tg: 'Бланки {series} {number} дар анбори идораи шумо нест ё аллакай истифода шудааст.',
    ru: 'Бланка {series} {number} нет на складе вашего учреждения, или он уже использован.',
    en: 'Blank {series} {number} is not in your office’s stock, or it has been used.',
  },
  'problem.blank.ambiguous': {
    tg: 'Бланк бо рақами {number} дар якчанд силсила ҳаст: силсиларо нишон диҳед.',
    ru: 'Бланк с номером {number} есть в нескольких сериях: укажите серию.',
    en: 'Blank number {number} exists in more than one series: give the series.',
  },
  'problem.blank.rangeTaken': {
    tg: 'Баъзе бланкҳои {series} аз {from} то {to} аллакай қабул шудаанд.',
    ru: 'Часть бланков {series} с {from} по {to} уже принята.',
    en: 'Some blanks {series} from {from} to {to} have already been received.',
  },
  'problem.blank.wrongStatus': {
    tg: 'Бо бланк дар ҳолати «{status}» ин амал иҷро намешавад.',
    ru: 'С бланком в состоянии «{status}» это действие невозможно.',
    en: 'This cannot be done with a blank that is “{status}”.',
  },
  'problem.blank.secondPerson': {
    tg: 'Тасдиқро шахси дигар бояд кунад: на он касе, ки бланкро вайроншуда эълон кард.',
    ru: 'Подтвердить должен другой человек, а не тот, кто сообщил о порче бланка.',
    en: 'Another person must confirm: not the one who reported the blank.',
  },
  'problem.blank.officeKind': {
    tg: 'Ин идора бланк нигоҳ намедорад ва шаҳодатнома чоп намекунад.',
    ru: 'Это учреждение не хранит бланки и не печатает свидетельства.',
    en: 'This office does not keep blanks or print certificates.',
  },
  'problem.blank.transferNotHeld': {
    tg: 'Бланки {series} {number} дар анбори «{office}» нест: танҳо бланкҳои ҳамин идора супорида мешаванд.',
    ru: 'Бланка {series} {number} нет на складе «{office}»: передать можно только бланки этого учреждения.',
    en: 'Blank {series} {number} is not in the stock of “{office}”: only its own blanks can be handed over.',
  },
  'problem.blank.transferNotFree': {
    tg: 'Бланки {series} {number} дар ҳолати «{status}» аст: танҳо бланкҳои истифоданашуда супорида мешаванд.',
    ru: 'Бланк {series} {number} в состоянии «{status}»: передать можно только неиспользованные бланки.',
    en: 'Blank {series} {number} is “{status}”: only unused blanks can be handed over.',
  },
  'error.blank.transferTarget': {
    tg: 'Идораеро интихоб кунед, ки тобеи «{office}» аст ва бланк нигоҳ медорад (ноҳия, ҷамоат, идораи сайёр).',
    ru: 'Выберите учреждение, подчинённое «{office}» и хранящее бланки (район, джамоат, мобильный офис).',
    en: 'Choose an office under “{office}” that keeps blanks (a district, a jamoat, a mobile office).',
  },
  'error.blank.series': {
    tg: 'Силсила ба шакли муқарраршуда мувофиқ нест. Намуна: {example}.',
    ru: 'Серия не соответствует установленному формату. Образец: {example}.',
    en: 'The series does not fit the set format. For example: {example}.',
  },
  'error.blank.number': {
    tg: 'Рақами бланк танҳо аз {digits} рақам иборат аст.',
    ru: 'Номер бланка состоит только из {digits} цифр.',
    en: 'A blank number is {digits} digits.',
  },
  'error.blank.range': {
    tg: 'Охири қатор аз аввалаш хурд аст ё қатор аз {max} бланк зиёд аст.',
    ru: 'Конец диапазона меньше начала, или в диапазоне больше {max} бланков.',
    en: 'The range ends before it starts, or holds more than {max} blanks.',
  },
  // notifications
  'error.email': {
    tg: 'Суроғаи почтаи электронӣ нодуруст аст. Намуна: name@example.tj.',
    ru: 'Неверный адрес электронной почты. Пример: name@example.tj.',
    en: 'Not a valid e-mail address. For example: name@example.tj.',
  },
  'error.phone': {
    tg: 'Рақами телефонро бо рамзи кишвар нависед. Намуна: +992 90 123 45 67.',
    ru: 'Укажите номер телефона с кодом страны. Пример: +992 90 123 45 67.',
    en: 'Give the phone number with its country code. For example: +992 90 123 45 67.',
  },
  'problem.notification.emailOff': {
    tg: 'Фиристодани паём ба почтаи электронӣ ҳоло хомӯш аст. Роҳи дигарро интихоб кунед ё ба идора муроҷиат намоед.',
    ru: 'Отправка сообщений по электронной почте сейчас отключена. Выберите другой способ или обратитесь в учреждение.',
    en: 'Sending messages by e-mail is switched off. Choose another way or contact the office.',
  },
  'problem.notification.smsOff': {
    tg: 'Фиристодани SMS ҳоло хомӯш аст. Роҳи дигарро интихоб кунед ё ба идора муроҷиат намоед.',
    ru: 'Отправка SMS сейчас отключена. Выберите другой способ или обратитесь в учреждение.',
    en: 'Sending text messages (SMS) is switched off. Choose another way or contact the office.',
  },
  // files: uploads refused, stored files that fail their check
  'problem.file.empty': {
    tg: 'Файл холӣ аст: файли дорои мӯҳтаворо интихоб кунед.',
    ru: 'Файл пуст: выберите файл с содержимым.',
    en: 'The file is empty: choose one that has content.',
  },
  'problem.file.tooLarge': {
    tg: 'Файл хеле калон аст: {size} МБ. Дар ин ҷо то {max} МБ қабул карда мешавад.',
    ru: 'Файл слишком большой: {size} МБ. Здесь принимаются файлы до {max} МБ.',
    en: 'The file is too large: {size} MB. Files of up to {max} MB are accepted here.',
  },
  'problem.file.wrongType': {
    tg: 'Ин файл аз рӯи мӯҳтавояш {actual} аст; дар ин ҷо қабул карда мешавад: {allowed}.',
    ru: 'По содержимому это файл {actual}; здесь принимаются: {allowed}.',
    en: 'By its content this file is {actual}; accepted here: {allowed}.',
  },
  'problem.file.text': {
    tg: 'Ин файли матнии оддӣ аст; дар ин ҷо қабул карда мешавад: {allowed}. Навъи файл аз рӯи мӯҳтавояш муайян карда мешавад, на аз рӯи номаш.',
    ru: 'Это обычный текстовый файл; здесь принимаются: {allowed}. Тип файла определяется по содержимому, а не по имени.',
    en: 'This is a plain text file; accepted here: {allowed}. A file’s type is judged by its content, not by its name.',
  },
  'problem.file.unrecognised': {
    tg: 'Навъи ин файл аз рӯи мӯҳтавояш муайян нашуд. Дар ин ҷо қабул карда мешавад: {allowed}.',
    ru: 'Тип файла не удалось определить по содержимому. Здесь принимаются: {allowed}.',
    en: 'The file’s type could not be recognised from its content. Accepted here: {allowed}.',
  },
  'problem.file.typeMismatch': {
    tg: 'Файл ҳамчун {claimed} нишон дода шудааст, вале аз рӯи мӯҳтавояш {actual} аст.',
    ru: 'Файл указан как {claimed}, но по содержимому это {actual}.',
    en: 'The file is given as {claimed}, but by its content it is {actual}.',
  },
  'problem.file.damaged': {
    tg: 'Файли нигоҳдошта бо ҳаши худ мувофиқат намекунад: он вайрон ё тағйир дода шудааст, бинобар ин нишон дода намешавад. Ба маъмур хабар диҳед.',
    ru: 'Хранимый файл не совпадает со своей контрольной суммой: он повреждён или изменён, поэтому не выдаётся. Сообщите администратору.',
    en: 'The stored file does not match its checksum: it has been damaged or altered, so it is not served. Tell the administrator.',
  },
  'problem.file.missing': {
    tg: 'Файли нигоҳдошта ёфт нашуд. Ба маъмур хабар диҳед.',
    ru: 'Хранимый файл не найден. Сообщите администратору.',
    en: 'The stored file was not found. Tell the administrator.',
  },
  // fees
  'error.fees.service': {
    tg: 'Чунин хизматрасонӣ нест: аз рӯйхат интихоб кунед.',
    ru: 'Такой услуги нет: выберите из списка.',
    en: 'There is no such service: choose one from the list.',
  },
  'error.fees.eventDateRequired': {
    tg: 'Санаи ҳодисаро (таваллуд ё вафот) нависед: маблағ аз он вобаста аст.',
    ru: 'Укажите дату события (рождения или смерти): от неё зависит сумма.',
    en: 'Enter the date of the event (birth or death): the amount depends on it.',
  },
  'error.fees.eventAfterApplication': {
    tg: 'Санаи ҳодиса наметавонад баъд аз санаи ариза бошад.',
    ru: 'Дата события не может быть позже даты заявления.',
    en: 'The date of the event cannot be after the date of the application.',
  },
  'error.fees.noRules': {
    tg: 'Барои ин сана қоидаҳои пардохт нестанд: Сабт пардохтҳоро аз {from} медонад.',
    ru: 'Для этой даты нет правил оплаты: Сабт знает платежи с {from}.',
    en: 'There are no fee rules for this date: Sabt knows fees from {from}.',
  },
  'error.fees.category': {
    tg: 'Чунин категорияи аризадиҳанда дар ин сана нест: аз рӯйхат интихоб кунед.',
    ru: 'Такой категории заявителя на эту дату нет: выберите из списка.',
    en: 'There is no such applicant category on this date: choose one from the list.',
  },
  'error.fees.itemId': {
    tg: 'Калид аз ҳарфҳои хурди лотинӣ, рақамҳо, нимтире ва зерхат иборат аст (2–40 аломат).',
    ru: 'Ключ состоит из строчных латинских букв, цифр, дефиса и подчёркивания (2–40 символов).',
    en: 'A key is lower-case Latin letters, digits, hyphens and underscores (2–40 characters).',
  },
  'error.fees.multiple': {
    tg: 'Ҳиссаи нишондиҳанда ададест бо на зиёда аз чор рақам пас аз нуқта, масалан 0.2 ё 6.',
    ru: 'Кратность ПДР — число с не более чем четырьмя знаками после точки, например 0.2 или 6.',
    en: 'A PDR multiple is a number with at most four decimals, such as 0.2 or 6.',
  },
  'error.fees.lineKey': {
    tg: 'Сатри пардохт бояд хизматрасонӣ ва навъи пардохтро номбар кунад (масалан NAME_CHANGE_REG.duty).',
    ru: 'Строка платежа должна называть услугу и вид платежа (например, NAME_CHANGE_REG.duty).',
    en: 'A fee line must name a service and a kind of payment (such as NAME_CHANGE_REG.duty).',
  },
  'error.fees.pastValidFrom': {
    tg: 'Версияи нав гузаштаро тағйир намедиҳад: санаи эътибор аз имрӯз ({today}) ё баъдтар бошад.',
    ru: 'Новая версия не меняет прошлое: дата начала действия — сегодня ({today}) или позже.',
    en: 'A new version does not change the past: it takes effect today ({today}) or later.',
  },
  'error.fees.validToBeforeFrom': {
    tg: 'Санаи анҷом бояд баъд аз санаи оғоз бошад.',
    ru: 'Дата окончания должна быть позже даты начала.',
    en: 'The end date must be after the start date.',
  },
  ...CASH_MESSAGES,
  ...PORTAL_MESSAGES,
  ...PORTAL_APPLICATION_MESSAGES,
  ...APPOINTMENT_MESSAGES,
  // fees at the front office
  'error.fees.entry.amount': {
    tg: 'Маблағро дуруст нависед: аз 0.01 то 100000.00.',
    ru: 'Укажите сумму правильно: от 0.01 до 100000.00.',
    en: 'Enter a valid amount: from 0.01 to 100000.00.',
  },
  'error.fees.entry.noMethod': {
    tg: 'Тарзи пардохт танҳо барои пардохт ва баргардонидан навишта мешавад.',
    ru: 'Способ оплаты указывается только для оплаты и возврата.',
    en: 'A method is given only for a payment or a refund.',
  },
  'error.fees.entry.reference': {
    tg: 'Рақами амалиёти бонк ё терминалро нависед.',
    ru: 'Укажите номер операции банка или терминала.',
    en: "Enter the bank's or the terminal's reference of the operation.",
  },
  'error.fees.entry.reason': {
    tg: 'Сабабро нависед.',
    ru: 'Укажите причину.',
    en: 'Give the reason.',
  },
  'error.fees.entry.corrects': {
    tg: 'Сабти ислоҳшавандаро аз ҳамин пардохт интихоб кунед (на ислоҳро).',
    ru: 'Выберите исправляемую запись этого начисления (не исправление).',
    en: 'Choose the entry of this charge to undo (not a correction).',
  },
  'error.fees.entry.alreadyCorrected': {
    tg: 'Ин сабт аллакай ислоҳ шудааст.',
    ru: 'Эта запись уже исправлена.',
    en: 'This entry has already been undone.',
  },
  'error.fees.entry.currency': {
    tg: 'Бо ин асъор чизе пардохта намешавад.',
    ru: 'В этой валюте ничего не причитается.',
    en: 'Nothing is due in this currency.',
  },
  'error.fees.entry.nothingDue': {
    tg: 'Ҳеҷ маблағ пардохтанӣ намондааст.',
    ru: 'К оплате ничего не осталось.',
    en: 'Nothing is outstanding.',
  },
  'error.fees.entry.overOutstanding': {
    tg: 'Маблағ аз боқимонда ({max}) зиёд аст.',
    ru: 'Сумма больше остатка к оплате ({max}).',
    en: 'The amount is more than is outstanding ({max}).',
  },
  'error.fees.entry.overPaid': {
    tg: 'Бештар аз пардохтшуда ({max}) баргардонида намешавад.',
    ru: 'Нельзя вернуть больше, чем оплачено ({max}).',
    en: 'No more than was paid ({max}) can be refunded.',
  },
  'problem.fees.unsettled': {
    tg: 'Пардохт барои «{service}» анҷом наёфтааст: {outstanding} сомонӣ пардохтанӣ аст. Аввал пардохт ё озод карданро сабт кунед.',
    ru: 'Оплата услуги «{service}» не завершена: к оплате {outstanding} сомони. Сначала запишите оплату или освобождение от неё.',
    en: 'The fee for “{service}” is not settled: {outstanding} somoni outstanding. Record the payment or a waiver first.',
  },
  'problem.fees.noCharge': {
    tg: 'Барои ин сабт ҳоло пардохт ҳисоб карда нашудааст.',
    ru: 'Для этой записи ещё не рассчитан платёж.',
    en: 'No fee has been computed for this record yet.',
  },
  'problem.fees.noRecordOperation': {
    tg: 'Ин хизматрасонӣ ба ин сабт дахл надорад.',
    ru: 'Эта услуга к данной записи не относится.',
    en: 'This service does not concern this record.',
  },
} as const satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

function isLocalized(v: unknown): v is LocalizedText {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as LocalizedText).tg === 'string'
  );
}

const paramText = (v: unknown, locale: Locale): string =>
  isLocalized(v) ? v[locale] : Array.isArray(v) ? v.map((x) => paramText(x, locale)).join(', ') : String(v);

/** The parameters as a reader in this locale sees them: names given in every language in theirs. */
export function localizeParams(params: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const one = (v: unknown): unknown => (isLocalized(v) ? v[locale] : Array.isArray(v) ? v.map(one) : v);
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, one(v)]));
}

/**
 * Renders a message key in a locale, filling `{name}` placeholders. A parameter given as
 * `{tg, ru, en}` (a name, never a code) is filled in the message's language.
 */
export function t(key: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const entry = isMessageKey(key) ? MESSAGES[key] : undefined;
  const text: string = entry ? entry[locale] : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined ? `{${name}}` : paramText(v, locale);
  });
}
