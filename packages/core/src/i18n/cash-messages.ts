import type { Locale } from './locale.ts';

/** The messages of the day's cash reports and the bank statements (part of MESSAGES). */
export const CASH_MESSAGES = {
  'error.statement.empty': {
    tg: 'Файл холӣ аст: қатори сарлавҳа ва қаторҳои пардохтҳо лозим аст.',
    ru: 'Файл пуст: нужны строка заголовка и строки платежей.',
    en: 'The file is empty: a header row and the payment lines are needed.',
  },
  'error.statement.header': {
    tg: 'Сатри {line}: дар сарлавҳа сутунҳои {columns} нестанд (масалан: Сана; Маблағ; Рақами пардохт).',
    ru: 'Строка {line}: в заголовке нет столбцов {columns} (например: Дата; Сумма; Номер платежа).',
    en: 'Line {line}: the header lacks the columns {columns} (for example: Date; Amount; Reference).',
  },
  'error.statement.quote': {
    tg: 'Сатри {line}: нохунак пӯшида нашудааст.',
    ru: 'Строка {line}: кавычка не закрыта.',
    en: 'Line {line}: a quote is not closed.',
  },
  'error.statement.date': {
    tg: 'Сатри {line}: сана «{value}» нодуруст аст; дд.мм.сссс лозим аст.',
    ru: 'Строка {line}: дата «{value}» неверна; нужен формат дд.мм.гггг.',
    en: 'Line {line}: the date "{value}" is wrong; dd.mm.yyyy is expected.',
  },
  'error.statement.amount': {
    tg: 'Сатри {line}: маблағ «{value}» нодуруст аст; маблағи мусбат бо вергул, масалан 450,00.',
    ru: 'Строка {line}: сумма «{value}» неверна; нужна положительная сумма с запятой, например 450,00.',
    en: 'Line {line}: the amount "{value}" is wrong; a positive amount such as 450,00 is expected.',
  },
  'error.statement.reference': {
    tg: 'Сатри {line}: рақами пардохт нест ё аз 80 аломат дарозтар аст.',
    ru: 'Строка {line}: номер платежа пуст или длиннее 80 символов.',
    en: 'Line {line}: the reference is empty or longer than 80 characters.',
  },
  'error.statement.currency': {
    tg: 'Сатри {line}: асъори «{value}» қабул намешавад (TJS ё USD).',
    ru: 'Строка {line}: валюта «{value}» не принимается (TJS или USD).',
    en: 'Line {line}: the currency "{value}" is not accepted (TJS or USD).',
  },
  'error.statement.tooLong': {
    tg: 'Сатри {line}: дар файл зиёда аз {max} сатр аст; онро қисм-қисм ворид кунед.',
    ru: 'Строка {line}: в файле больше {max} строк; загрузите его частями.',
    en: 'Line {line}: the file has more than {max} lines; import it in parts.',
  },
  'error.statement.noLines': {
    tg: 'Дар файл пас аз сарлавҳа ягон пардохт нест.',
    ru: 'В файле после заголовка нет ни одного платежа.',
    en: 'The file has no payment after its header.',
  },
  'error.statement.encoding': {
    tg: 'Файл матни UTF-8 нест: онро аз бонк бо рамзгузории UTF-8 содир кунед.',
    ru: 'Файл не является текстом UTF-8: выгрузите его из банка в кодировке UTF-8.',
    en: 'The file is not UTF-8 text: export it from the bank as UTF-8.',
  },
  'error.base64': {
    tg: 'Мундариҷаи файл бояд дар base64 бошад.',
    ru: 'Содержимое файла должно быть в base64.',
    en: 'The file content must be base64.',
  },
  'error.cash.reasonRequired': {
    tg: 'Ҳисобот аллакай имзо шудааст: барои ислоҳ сабабро нависед.',
    ru: 'Отчёт уже подписан: для исправления укажите причину.',
    en: 'The report is already signed: give the reason for correcting it.',
  },
  'error.cash.handInTooMuch': {
    tg: 'Дар касса танҳо {drawer} сомонӣ ҳаст: зиёдтар супурдан мумкин нест.',
    ru: 'В кассе только {drawer} сомони: сдать больше нельзя.',
    en: 'The drawer holds only {drawer}: more cannot be handed in.',
  },
  'error.cash.futureDay': {
    tg: 'Рӯзи корӣ ҳанӯз нарасидааст: имрӯз {today} аст.',
    ru: 'Этот рабочий день ещё не наступил: сегодня {today}.',
    en: 'That business day has not come yet: today is {today}.',
  },
  'problem.cash.ownReport': {
    tg: 'Ҳисоботи худро имзо кардан мумкин нест: онро роҳбари дигар имзо мекунад.',
    ru: 'Свой отчёт подписать нельзя: его подписывает другой руководитель.',
    en: 'You cannot sign your own report: another head of office signs it.',
  },
  'problem.cash.alreadySigned': {
    tg: 'Ин ҳисобот аллакай имзо шудааст ва тағйир намеёбад.',
    ru: 'Этот отчёт уже подписан и не меняется.',
    en: 'This report is already signed and does not change.',
  },
  'problem.cash.replaced': {
    tg: 'Ин ҳисобот бо ҳисоботи навтар иваз шудааст: ҳисоботи навро кушоед.',
    ru: 'Этот отчёт заменён более новым: откройте новый.',
    en: 'This report has been replaced by a newer one: open the new one.',
  },
  'problem.cash.stale': {
    tg: 'Пас аз тартиб додани ҳисобот сабтҳои нав пайдо шуданд: онро аз нав тартиб диҳед.',
    ru: 'После составления отчёта появились новые записи: составьте его заново.',
    en: 'New entries have been recorded since the report was prepared: prepare it again.',
  },
  'problem.cash.daySigned': {
    tg: 'Ҳисоботи ин рӯз имзо шудааст: пулро ба рӯзи дигар супоред ё ҳисоботро ислоҳ кунед.',
    ru: 'Отчёт за этот день подписан: сдайте деньги другим днём или исправьте отчёт.',
    en: "This day's report is signed: hand the cash in on another day or correct the report.",
  },
  'problem.cash.notClerk': {
    tg: 'Ин корманд дар ин идора пардохт қабул намекунад.',
    ru: 'Этот сотрудник не принимает платежи в этом учреждении.',
    en: 'This person does not take payments at this office.',
  },
  'problem.cash.officeKind': {
    tg: 'Ин идора дар касса пардохт қабул намекунад.',
    ru: 'Это учреждение не принимает платежи в кассу.',
    en: 'This office does not take payments at a counter.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
