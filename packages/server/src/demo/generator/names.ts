/**
 * Tajik names for the synthetic registry: given names and surname roots in Tajik Cyrillic with
 * their Russian forms, the surname and patronymic patterns of each era (DOMAIN §5.2), and the
 * spellings a name takes in other scripts (§5.3, §5.4): Russian Cyrillic, passport Latin, BGN,
 * Uzbek Latin, ICAO-RU, loose (Jamshid), one-letter typos and legacy font glyphs.
 */
import { toLatin, toRussianCyrillic } from '@sabt/core';
import type { Rng } from './rng.ts';

/** A name in Tajik Cyrillic with its usual Russian form where that is more than a letter mapping. */
export interface NameForm {
  tg: string;
  ru: string;
}

const entry = (s: string): NameForm => {
  const [tg, ru] = s.split('/');
  return { tg: tg!, ru: ru ?? toRussianCyrillic(tg!) };
};

// Most frequent first: the generator draws them with Zipf-like weights.
// biome-ignore format: a compact table reads better
export const MALE_NAMES: readonly NameForm[] = [
  'Муҳаммад', 'Ҷамшед', 'Фирӯз', 'Абдулло/Абдулла', 'Раҳим', 'Карим', 'Саид', 'Қурбон/Курбан',
  'Алӣ', 'Ҳасан', 'Ҳусейн', 'Рустам', 'Баҳром/Бахрам', 'Умед', 'Сӯҳроб/Сухроб', 'Фаррух', 'Далер',
  'Дилшод', 'Зафар', 'Исмоил', 'Иброҳим', 'Икром', 'Комрон/Камран', 'Мансур', 'Манучеҳр', 'Наврӯз/Навруз',
  'Неъмат/Немат', 'Носир', 'Одил', 'Парвиз', 'Раҷаб', 'Рашид', 'Сафар', 'Собир', 'Тоҳир/Тахир',
  'Умар', 'Усмон/Усман', 'Фарҳод', 'Файзулло/Файзулла', 'Ҳайдар', 'Хуршед', 'Шавкат', 'Шерали',
  'Шоҳрух', 'Эраҷ/Эрадж', 'Ёдгор/Ядгар', 'Абдураҳмон/Абдурахман', 'Азиз', 'Акбар', 'Аброр', 'Анвар',
  'Бахтиёр', 'Бобур', 'Ғайрат/Гайрат', 'Давлат', 'Ҷалол', 'Ҷонибек', 'Илҳом', 'Исфандиёр', 'Қодир/Кадыр',
  'Қаҳҳор/Каххар', 'Лутфулло/Лутфулла', 'Маҳмуд', 'Мирзо/Мирза', 'Нурулло/Нурулла', 'Олим/Алим', 'Рауф',
  'Салим', 'Сироҷиддин/Сироджиддин', 'Сулаймон/Сулайман', 'Улуғбек/Улугбек', 'Фахриддин', 'Ҳабиб',
  'Ҳаким', 'Ҳамид', 'Ҳикмат', 'Ҷӯра/Джура', 'Шамсиддин', 'Шаҳбоз', 'Юнус', 'Ҷаҳонгир/Джахангир',
  'Нозим', 'Хайрулло/Хайрулла', 'Ёқуб/Якуб', 'Юсуф', 'Ғафур/Гафур', 'Назар', 'Шариф', 'Темур/Тимур',
  'Тоҷиддин/Таджиддин', 'Саъдулло/Садулла', 'Маъруф/Маруф', 'Зоир', 'Бурҳон/Бурхан', 'Валӣ', 'Ашур',
  'Қосим/Касым', 'Мунир', 'Низом', 'Рӯзибой/Рузибой', 'Ғаффор/Гаффар', 'Исҳоқ/Исхак', 'Ҳомид', 'Зиё',
  'Ибодулло/Ибадулла', 'Муъмин/Мумин', 'Пирмуҳаммад', 'Саидҷон/Саиджон', 'Хушвахт', 'Шоҳин',
].map(entry);

// biome-ignore format: a compact table reads better
export const FEMALE_NAMES: readonly NameForm[] = [
  'Мадина', 'Нигина', 'Фарзона', 'Зарина', 'Малика', 'Мавлуда', 'Зуҳро/Зухра', 'Моҳира/Мохира',
  'Фирӯза/Фируза', 'Дилноза', 'Нилуфар', 'Гулнора', 'Шаҳло/Шахло', 'Меҳрона', 'Парвина', 'Мижгона',
  'Ситора', 'Таҳмина/Тахмина', 'Фотима/Фатима', 'Ойша/Айша', 'Зайнаб', 'Марям/Мариам', 'Хадича',
  'Шабнам', 'Мунира', 'Наргис', 'Нодира', 'Рухшона', 'Сурайё/Сурайя', 'Умеда', 'Фарангис', 'Хуршеда',
  'Ҷамила/Джамиля', 'Шоира', 'Гулчеҳра/Гульчехра', 'Дилором/Дилорам', 'Замира', 'Комила/Камила',
  'Латофат/Латафат', 'Лола', 'Манижа', 'Мастона', 'Мунаввара', 'Нозия', 'Озода/Азада', 'Паризод',
  'Раъно/Рано', 'Рухсора', 'Саодат', 'Сарвиноз', 'Соҳиба/Сохиба', 'Танзила', 'Фарида', 'Ҳилола/Хилола',
  'Ҳафиза/Хафиза', 'Шаҳноза/Шахноза', 'Шукрона', 'Ёсуман/Ясуман', 'Гавҳар/Гавхар', 'Дилафрӯз/Дилафруз',
  'Зебо', 'Мӯътабар/Мутабар', 'Нафиса', 'Райҳона/Райхона', 'Руқия/Рукия', 'Сабоҳат/Сабохат',
  'Бибигул', 'Моҳрӯ/Мохру', 'Гулбаҳор/Гульбахор', 'Муқаддас/Мукаддас', 'Офтоб', 'Саломат', 'Тоҷинисо',
  'Ҳанифа/Ханифа', 'Шарофат/Шарафат', 'Маҳина/Махина', 'Дилбар', 'Гулноза', 'Сабрина', 'Аниса',
].map(entry);

/** Surname roots: a name or an old family root; the suffix comes from the era (see `surnameOf`). */
// biome-ignore format: a compact table reads better
export const SURNAME_ROOTS: readonly NameForm[] = [
  'Раҳим', 'Карим', 'Саид', 'Қурбон/Курбан', 'Ғафур/Гафур', 'Ёқуб/Якуб', 'Юсуф/Юсуп', 'Назар', 'Шариф',
  'Ҳасан', 'Ҳусейн', 'Алӣ/Али', 'Собир', 'Сафар', 'Раҷаб', 'Мирзо/Мирза', 'Бобо', 'Ҷӯра/Джура', 'Умар',
  'Усмон/Усман', 'Исмоил', 'Иброҳим', 'Ҳамид', 'Ҳаким', 'Ҳабиб', 'Қодир/Кадыр', 'Олим/Алим',
  'Абдулло/Абдулла', 'Азиз', 'Ашур', 'Давлат', 'Нурулло/Нурулла', 'Файзулло/Файзулла', 'Зокир', 'Икром',
  'Латиф', 'Маҳмуд', 'Мансур', 'Муҳаммад', 'Низом', 'Нозим', 'Одина', 'Рауф', 'Раҳмон/Рахман',
  'Саъдулло/Садулла', 'Сайфулло/Сайфулла', 'Содиқ/Садык', 'Султон/Султан', 'Турсун', 'Убайдулло/Убайдулла',
  'Холиқ/Халик', 'Ҷалол', 'Шукур', 'Қосим/Касым', 'Қаҳҳор/Каххар', 'Ғаффор/Гаффар', 'Ғанӣ/Гани',
  'Бурҳон/Бурхан', 'Валӣ/Вали', 'Ниёз', 'Норматов', 'Тошмат/Ташмат', 'Ҳайдар', 'Ҳикмат', 'Шералӣ/Шерали',
  'Исҳоқ/Исхак', 'Насрулло/Насрулла', 'Аминов', 'Бобоҷон/Бободжан', 'Ҷумъа/Джума',
  'Иззат', 'Камол/Камал', 'Латфулло', 'Муродов', 'Неъмат/Немат', 'Пулод', 'Қаюм/Каюм', 'Рашид', 'Тоҳир/Тахир',
  'Хол', 'Шамс', 'Юлдош/Юлдаш', 'Эргаш', 'Ҳотам/Хатам', 'Зиё', 'Тағой/Тагай', 'Мусо/Муса', 'Исо/Иса',
].map((s) => {
  // Roots listed with -ов already are old surnames used as they are ("Норматов" → root Нормат).
  const e = entry(s);
  return e.tg.endsWith('ов') ? { tg: e.tg.slice(0, -2), ru: e.ru.slice(0, -2) } : e;
});

export type Sex = 'M' | 'F';

/** Surname suffix kinds (DOMAIN §5.2). */
export type SuffixKind = 'ov' | 'zoda' | 'i' | 'on' | 'pur' | 'niyo' | 'far' | 'bare';

const VOWELS_TG = 'аеёиоуэюяӣӯ';
const endsWithVowel = (s: string) => VOWELS_TG.includes(s.at(-1)!.toLowerCase());

/** A surname from a root, a suffix kind and the bearer's sex. */
export function surnameOf(root: NameForm, suffix: SuffixKind, sex: Sex): NameForm {
  const { tg, ru } = root;
  switch (suffix) {
    case 'ov': {
      // Алӣ → Алиев, Мирзо → Мирзоев, Раҳим → Раҳимов
      const f = sex === 'F' ? 'а' : '';
      if (tg.endsWith('ӣ')) return { tg: `${tg.slice(0, -1)}иев${f}`, ru: `${ru.replace(/и$/u, '')}иев${f}` };
      if (endsWithVowel(tg)) return { tg: `${tg}ев${f}`, ru: `${ru}ев${f}` };
      return { tg: `${tg}ов${f}`, ru: `${ru}ов${f}` };
    }
    case 'zoda':
      return { tg: `${tg}зода`, ru: `${ru}заде` };
    case 'i':
      if (tg.endsWith('ӣ')) return { tg: `${tg}зода`, ru: `${ru}заде` };
      return { tg: `${tg}ӣ`, ru: `${ru}и` };
    case 'on':
      return endsWithVowel(tg) ? { tg: `${tg}ён`, ru: `${ru}ён` } : { tg: `${tg}он`, ru: `${ru}он` };
    case 'pur':
      return sex === 'M' ? { tg: `${tg}пур`, ru: `${ru}пур` } : { tg: `${tg}духт`, ru: `${ru}духт` };
    case 'niyo':
      return { tg: `${tg}ниё`, ru: `${ru}ниё` };
    case 'far':
      return { tg: `${tg}фар`, ru: `${ru}фар` };
    default:
      return { tg, ru };
  }
}

/** The suffix a surname takes, by the bearer's year of birth (legacy -ов before the 1990s, national forms after). */
export function suffixFor(rng: Rng, year: number, sex: Sex): SuffixKind {
  const r = rng.next();
  if (year < 1992) return r < 0.93 ? 'ov' : r < 0.97 ? 'i' : 'zoda';
  if (year < 2007) return r < 0.6 ? 'ov' : r < 0.78 ? 'zoda' : r < 0.88 ? 'i' : r < 0.92 ? 'on' : 'bare';
  if (year < 2020)
    return r < 0.25
      ? 'ov'
      : r < 0.65
        ? 'zoda'
        : r < 0.77
          ? 'i'
          : r < 0.82
            ? 'on'
            : r < 0.85
              ? 'niyo'
              : 'bare';
  return r < 0.45
    ? 'zoda'
    : r < 0.6
      ? 'i'
      : r < 0.7
        ? sex === 'M' || rng.next() < 0.5
          ? 'pur'
          : 'zoda'
        : r < 0.75
          ? 'on'
          : r < 0.78
            ? 'far'
            : 'bare';
}

/** Legacy patronymic: father's name + -ович/-овна (-евич/-евна after a vowel). */
export function legacyPatronymic(father: NameForm, sex: Sex): NameForm {
  const suf = (vowel: boolean) => (vowel ? (sex === 'M' ? 'евич' : 'евна') : sex === 'M' ? 'ович' : 'овна');
  const make = (s: string) => {
    if (s.endsWith('ӣ') || s.endsWith('и')) return `${s.slice(0, -1)}и${suf(true)}`;
    return `${s}${suf(endsWithVowel(s))}`;
  };
  return { tg: make(father.tg), ru: make(father.ru) };
}

/** The patronymic given at birth in `year`: -ович/-овна before 2000, mixed until 2020, the bare father's name since. */
export function patronymicFor(rng: Rng, father: NameForm, sex: Sex, year: number): NameForm {
  if (year < 2000) return legacyPatronymic(father, sex);
  if (year < 2020) return rng.next() < 0.65 ? legacyPatronymic(father, sex) : father;
  return father;
}

// ---------------------------------------------------------------------------------------------------
// Spellings in other scripts

/** ICAO Doc 9303 transliteration of Russian Cyrillic (as in Russian-form passports): Якубов → Iakubov. */
// biome-ignore format: a compact table reads better
const ICAO_RU: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** Uzbek Latin as Tajik names are often typed in Uzbekistan and on phones: x for х/ҳ, o‘, g‘, q, j. */
// biome-ignore format: a compact table reads better
const UZBEK_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'gʻ', д: 'd', е: 'e', ё: 'yo', ж: 'j', з: 'z', и: 'i', ӣ: 'iy',
  й: 'y', к: 'k', қ: 'q', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ӯ: 'oʻ', ф: 'f', х: 'x', ҳ: 'x', ч: 'ch', ҷ: 'j', ш: 'sh', ъ: 'ʼ', э: 'e', ю: 'yu', я: 'ya', ц: 's',
};

function mapLetters(s: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    // Russian "дж" is one sound: Джамшед → Dzhamshed (ICAO), Jamshed (Uzbek)
    if (lower === 'д' && chars[i + 1]?.toLowerCase() === 'ж' && table === UZBEK_LATIN) {
      out += ch === lower ? 'j' : 'J';
      i++;
      continue;
    }
    const m = table[lower];
    if (m === undefined) out += ch;
    else out += ch === lower ? m : m.charAt(0).toUpperCase() + m.slice(1);
  }
  return out;
}

export const icaoRu = (russian: string) => mapLetters(russian, ICAO_RU);
export const uzbekLatin = (tajik: string) => mapLetters(tajik, UZBEK_LATIN);
export const passportLatin = (tajik: string) => toLatin(tajik, 'passport');
export const bgnLatin = (tajik: string) => toLatin(tajik, 'bgn');

/** Legacy font A (DOMAIN §5.1): Ҳ → Њ, Ҷ → Љ, Ғ → Ѓ, Қ → Ќ, Ӣ → Ї, Ӯ → Ў, as in digitised old data. */
// biome-ignore format: a compact table reads better
const LEGACY_A: Readonly<Record<string, string>> = {
  Ҳ: 'Њ', ҳ: 'њ', Ҷ: 'Љ', ҷ: 'љ', Ғ: 'Ѓ', ғ: 'ѓ', Қ: 'Ќ', қ: 'ќ', Ӣ: 'Ї', ӣ: 'ї', Ӯ: 'Ў', ӯ: 'ў',
};
export const legacyGlyphs = (tajik: string) => [...tajik].map((c) => LEGACY_A[c] ?? c).join('');

/** Keyboards without Tajik letters: Ҳ→Х, Ҷ→Ч, Қ→К, Ғ→Г, Ӣ→И, Ӯ→У (DOMAIN §5.1 typing substitutes). */
// biome-ignore format: a compact table reads better
const SUBSTITUTES: Readonly<Record<string, string>> = {
  Ҳ: 'Х', ҳ: 'х', Ҷ: 'Ч', ҷ: 'ч', Ғ: 'Г', ғ: 'г', Қ: 'К', қ: 'к', Ӣ: 'И', ӣ: 'и', Ӯ: 'У', ӯ: 'у',
};
export const keyboardSubstitutes = (tajik: string) => [...tajik].map((c) => SUBSTITUTES[c] ?? c).join('');

/** Jamshed → Jamshid, Yusuf → Yusup: the loose variants of §5.5 step 5 (e↔i, f→p). */
export function looseVariant(latin: string): string | undefined {
  if (/e/u.test(latin.slice(1))) return latin[0] + latin.slice(1).replace(/e/u, 'i');
  if (/f/u.test(latin)) return latin.replace(/f/u, 'p');
  return undefined;
}

const TYPO_LETTERS = 'абвгдеиклмнопрстуфхшзяю';

/** One-letter typo inside a word (never the first letter): a substitution, deletion or transposition. */
export function typo(rng: Rng, s: string): string {
  const chars = [...s];
  if (chars.length < 4) return s;
  const i = 1 + rng.int(chars.length - 2);
  const lower = chars[i]!.toLowerCase() === chars[i];
  const r = rng.next();
  if (r < 0.45) {
    let c = rng.pick([...TYPO_LETTERS]);
    if (c === chars[i]) c = c === 'а' ? 'о' : 'а';
    if (/[a-z]/iu.test(chars[i]!)) c = rng.pick([...'aeioutnrsmk']);
    chars[i] = lower ? c : c.toUpperCase();
  } else if (r < 0.75) chars.splice(i, 1);
  else if (i >= 2) [chars[i - 1], chars[i]] = [chars[i]!, chars[i - 1]!];
  else chars.splice(i, 1);
  const out = chars.join('');
  return out === s ? `${s.slice(0, -1)}${s.endsWith('а') ? 'о' : 'а'}` : out;
}
