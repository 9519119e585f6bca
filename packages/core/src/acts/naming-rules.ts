import type { FieldIssue, Path } from './validation.ts';

/**
 * Naming rules for newborns (June 2020 amendment; register of national names): Russian surname
 * suffixes and patronymics are not given to newborns, nor caste or religious titles. They are
 * warnings, not errors: national minorities and children of mixed marriages are exempt, and the
 * registrar decides.
 */
const RUSSIAN_SURNAME = /(ов|ова|ев|ева|ёв|ёва)$/u;
const RUSSIAN_PATRONYMIC = /(ович|овна|евич|евна)$/u;
const TITLES = ['мулло', 'халифа', 'ҳоҷӣ', 'хоҷӣ', 'ҳоҷи', 'шайх', 'амир', 'сӯфӣ', 'суфи', 'эшон', 'тӯра'];

export interface NewbornName {
  surname?: string | undefined;
  name?: string | undefined;
  patronymic?: string | undefined;
}

export function newbornNameWarnings(person: NewbornName, at: Path): FieldIssue[] {
  const out: FieldIssue[] = [];
  const lower = (s: unknown) => (typeof s === 'string' ? s : '').trim().toLocaleLowerCase('tg');
  if (RUSSIAN_SURNAME.test(lower(person.surname))) {
    out.push({ path: [...at, 'surname'], key: 'warning.name.russianSurnameSuffix' });
  }
  if (RUSSIAN_PATRONYMIC.test(lower(person.patronymic))) {
    out.push({ path: [...at, 'patronymic'], key: 'warning.name.russianPatronymic' });
  }
  for (const part of ['surname', 'name', 'patronymic'] as const) {
    const words = lower(person[part]).split(/[\s-]+/u);
    const title = TITLES.find((t) => words.includes(t));
    if (title) out.push({ path: [...at, part], key: 'warning.name.title', params: { title } });
  }
  return out;
}
