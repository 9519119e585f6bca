/**
 * Match keys for names (DOMAIN §5.5, steps 2–5). Every spelling of a name, in Tajik Cyrillic,
 * Russian Cyrillic, passport or Uzbek/German/English Latin, is reduced to ASCII keys that search
 * can compare with plain equality:
 *
 * - `canonLatin` (step 2): the lowercase passport/ODNI Latin form, the `latin` search form;
 * - `matchKey` (step 3): spelling variants of the same name (Раҳимов = Рахимов = Rakhimov = Raximov);
 * - `stemKey` (step 4): the name without its surname suffix (Rahimov = Rahimzoda = Rahimi), for the
 *   "broad" search mode that follows legal name changes, not typos;
 * - `looseKey` (step 5): extra folds e→i, f→p (Jamshed = Jamshid, Yusufov = Yusupov);
 *   `secondPassKey` adds u→a and ҷ→ч, for second-pass ranking only (Muhammad = Mohammad; Рачаб =
 *   Раҷаб, typed on a keyboard without Ҷ).
 *
 * Multi-word names are keyed word by word and joined with one space. The parts of a hyphenated word
 * are keyed one by one and joined without a separator (Абдул-Карим = Абдулкарим).
 * Keys use lowercase ASCII letters plus the phoneme markers S (ш), C (ч, ц) and H (ҳ, х).
 */
import {
  cleanName,
  DIGRAPH_BOUNDARY,
  isCyrillicLetter,
  type NormalizeOptions,
  normalizeName,
} from './normalize.ts';
import { PASSPORT_LATIN } from './transliterate.ts';

// ---------------------------------------------------------------------------------------------------
// Step 2: canonLatin

/** Cyrillic letters outside Tajik and Russian, romanised so that no key is left with them. */
// biome-ignore format: a compact table reads better
const OTHER_CYRILLIC: Readonly<Record<string, string>> = {
  і: 'i', є: 'ye', ґ: 'g', ә: 'a', ө: 'o', ү: 'u', ұ: 'u', ң: 'ng', ј: 'j', ћ: 'ch', ђ: 'dj', џ: 'dzh',
  ѕ: 'dz', љ: 'lj', њ: 'nj', ӏ: '',
};
const CANON_CYRILLIC: Readonly<Record<string, string>> = { ...OTHER_CYRILLIC, ...PASSPORT_LATIN };

/** Turkic Latin letters, romanised as the passport system would (Şarifov = Sharifov). */
const TURKIC_LATIN: Readonly<Record<string, string>> = { ş: 'sh', ç: 'ch', ğ: 'gh', ı: 'i', ə: 'a' };

const ODNI_COLLAPSE = new Set([...'ғёжхчшюяцщ']);

/** Latin letter groups that rules 1–3 read as one phoneme. */
const DIGRAPHS = ['shch', 'dzh', 'sh', 'zh', 'kh', 'gh', 'ch', 'ts', 'dj'];

/** Would appending `piece` after `out` create a digraph that was not in the Cyrillic (с+ҳ → "sh")? */
function spansDigraph(out: string, piece: string): boolean {
  for (const d of DIGRAPHS) {
    for (let k = 1; k < d.length; k++) {
      if (out.endsWith(d.slice(0, k)) && piece.startsWith(d.slice(k))) return true;
    }
  }
  return false;
}

/**
 * Romanise one cleaned word part. With `boundaries`, a marker separates Cyrillic letters whose
 * romanisations would run together into a false digraph (Исҳоқ: "is|hoq", not "ishoq" = Ишоқ);
 * the marker is only for `matchKey` and never appears in `canonLatin`.
 */
function latinPart(part: string, boundaries: boolean): string {
  const chars = [...part];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    if (ch === DIGRAPH_BOUNDARY) {
      if (boundaries) out += DIGRAPH_BOUNDARY;
      i++;
    } else if (isCyrillicLetter(ch)) {
      let piece: string;
      let used = 1;
      if (ch === 'д' && chars[i + 1] === 'ж') {
        piece = 'j'; // Russian Джамшед = Ҷамшед
        used = 2;
      } else if (ch === 'е' && i === 0) piece = 'ye';
      else if (i > 0 && chars[i - 1] === ch && ODNI_COLLAPSE.has(ch)) piece = '';
      else piece = CANON_CYRILLIC[ch] ?? '';
      if (boundaries && piece !== '' && spansDigraph(out, piece)) out += DIGRAPH_BOUNDARY;
      out += piece;
      i += used;
    } else if ((ch === 'o' || ch === 'g') && chars[i + 1] === "'") {
      out += ch === 'o' ? 'u' : 'gh'; // Uzbek Latin o‘ = ӯ, g‘ = ғ
      i += 2;
    } else if (ch === "'") {
      i++; // like ъ, which the passport system drops (Маъруф = Maruf = Ma'ruf)
    } else if (ch === 'x') {
      out += 'kh'; // Uzbek Latin x = х
      i++;
    } else {
      out += TURKIC_LATIN[ch] ?? ch;
      i++;
    }
  }
  return out;
}

/** Cleaned name → words → romanised parts. */
function latinWords(name: string, opts: NormalizeOptions, boundaries: boolean): string[][] {
  const cleaned = cleanName(name, opts, boundaries);
  if (cleaned === '') return [];
  return cleaned
    .split(' ')
    .map((word) => word.split('-').map((part) => latinPart(part, boundaries)))
    .map((parts) => parts.filter((p) => p.replaceAll(DIGRAPH_BOUNDARY, '') !== ''))
    .filter((parts) => parts.length > 0);
}

/**
 * Step 2: the lowercase Latin search form. Cyrillic (Tajik and Russian alike) goes through the
 * passport/ODNI map with Russian "дж" → j; Latin passes through, with Uzbek o‘ → u, g‘ → gh, x → kh.
 *
 * @example canonLatin('Раҳимов') === 'rahimov'; canonLatin('Джамшед') === 'jamshed'; canonLatin("G‘afurov") === 'ghafurov'
 */
export function canonLatin(name: string, opts: NormalizeOptions = {}): string {
  return latinWords(name, opts, false)
    .map((parts) => parts.join('-'))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Step 3: matchKey

/** Latin letters that Unicode decomposition does not reduce to ASCII. */
// biome-ignore format: a compact table reads better
const SPECIAL_LATIN: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i', ə: 'a', þ: 'th', ð: 'd', ŋ: 'ng',
};

/** Rule 7 (ū ŭ → u, í ī → i, ė → e, and any other accent), applied first: no earlier rule sees accents. */
function foldAccents(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFD').replace(/\p{M}/gu, '')) out += SPECIAL_LATIN[ch] ?? ch;
  return out.replace(/[^a-z|]/gu, '');
}

const PATRONYMIC = /(aviC|eviC|avna|evna)$/u;

/** Rules 1–9 on the romanisation of one word part. */
function keyPart(latin: string): string {
  let s = foldAccents(latin);
  // 1. Ж folds with Ҷ.
  s = s.replaceAll('dzh', 'j').replaceAll('dj', 'j').replaceAll('zh', 'j');
  // 2. One uppercase letter per phoneme; gh before rule 3.
  s = s
    .replaceAll('shch', 'S')
    .replaceAll('sh', 'S')
    .replaceAll('ch', 'C')
    .replaceAll('ts', 'C')
    .replaceAll('gh', 'g');
  // 3. Ҳ = Х; a word-final one after a vowel is dropped (Абдуллоҳ = Абдулло = Abdullah).
  s = s.replaceAll('kh', 'H').replaceAll('x', 'H').replaceAll('h', 'H');
  s = s.replace(/([aeiou])H$/u, '$1');
  s = s.replaceAll(DIGRAPH_BOUNDARY, '');
  // 4.
  s = s.replaceAll('q', 'k').replaceAll('w', 'v');
  // 5. ODNI "Yergash" = Russian "Эргаш"; then yu/iu, ya/ia, yo/io.
  s = s.replace(/^ye/u, 'e').replaceAll('y', 'i');
  // 6. Tajik о ~ Russian а.
  s = s.replaceAll('o', 'a');
  // 8. Suffixes: -zade/-zada; gender-neutral -ova/-eva/-ina; patronymic endings.
  s = s.replace(/zad[ae]$/u, 'zada');
  s = s.replace(/(av|ev|in)a$/u, '$1');
  if (PATRONYMIC.test(s) && s.length >= 6) s = s.slice(0, -4);
  // 9.
  return collapse(s);
}

function collapse(s: string): string {
  return s.replace(/(.)\1+/gu, '$1');
}

function wordKeys(name: string, opts: NormalizeOptions): string[] {
  return latinWords(name, opts, true)
    .map((parts) => collapse(parts.map(keyPart).join('')))
    .filter((k) => k !== '');
}

/**
 * Step 3: the key that unifies spelling variants of one name.
 *
 * @example matchKey('Раҳимов') === matchKey('Rakhimov') === 'raHimav'; matchKey('Ҷамшед') === 'jamSed'
 */
export function matchKey(name: string, opts: NormalizeOptions = {}): string {
  return wordKeys(name, opts).join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Step 4: stemKey

/**
 * Surname suffixes in match-key spelling (-ов, -ев, -ӣ, -зод, -зода, -он, -ён, -ёр, -ниё, -фар, -пур,
 * -духт), longest first.
 */
// biome-ignore format: a compact table reads better
export const STEM_SUFFIXES: readonly string[] = [
  'zada', 'duHt', 'zad', 'ian', 'iar', 'nia', 'far', 'pur', 'av', 'ev', 'an', 'i',
];

/** A stem keeps at least this many letters (each key character is one letter). */
const MIN_STEM = 3;

/**
 * Strip surname suffixes while one matches and at least three letters remain. Stripping repeats so
 * that a root ending like a suffix gives the same stem in every form: Рахмонов → raHman → raHm, and
 * Рахмон → raHm (the 2007 change Рахмонов → Рахмон).
 */
function stemWord(key: string): string {
  let s = key;
  for (;;) {
    const suffix = STEM_SUFFIXES.find((x) => s.endsWith(x) && s.length - x.length >= MIN_STEM);
    if (suffix === undefined) return s;
    s = s.slice(0, -suffix.length);
  }
}

/**
 * Step 4: the match key without its surname suffix, for broad search across legal name changes.
 *
 * @example stemKey('Раҳимов') === stemKey('Раҳимзода') === stemKey('Раҳимӣ') === 'raHim'
 */
export function stemKey(name: string, opts: NormalizeOptions = {}): string {
  return wordKeys(name, opts).map(stemWord).join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Step 5: looseKey

/**
 * Loose folds: e → i (Jamshed = Jamshid, Хуршед = Khurshid), f → p (Yusuf = Yusup), and a C after a
 * vowel read as H (German "Rachimov" = Рахимов; German writes х as "ch").
 */
function looseWord(key: string): string {
  return collapse(
    key
      .replace(/([aeiu])C/gu, '$1H')
      .replaceAll('e', 'i')
      .replaceAll('f', 'p'),
  );
}

/**
 * Step 5: the match key with extra folds, for a looser first pass.
 *
 * @example looseKey('Jamshid') === looseKey('Ҷамшед') === 'jamSid'
 */
export function looseKey(name: string, opts: NormalizeOptions = {}): string {
  return wordKeys(name, opts).map(looseWord).join(' ');
}

/**
 * The loose key with u → a (Muhammad = Mohammad) and ҷ read as ч, the keyboard substitute of the
 * letter (Рачаб = Раҷаб): for second-pass ranking only.
 */
function secondPassWord(key: string): string {
  return collapse(looseWord(key.replaceAll('j', 'C')).replaceAll('u', 'a'));
}

/** Step 5, second pass: see `secondPassWord`. */
export function secondPassKey(name: string, opts: NormalizeOptions = {}): string {
  return wordKeys(name, opts).map(secondPassWord).join(' ');
}

// ---------------------------------------------------------------------------------------------------
// The sex a surname's or patronymic's form shows

/** Feminine endings of surnames and patronymics in passport Latin (-ова, -ева, -ина, -ская, -овна, -қизи). */
const FEMININE_FORM = /(ova|eva|ina|yna|aya|ovna|evna|ichna|kizi|qizi|kyzy)$/u;
/** Masculine endings (-ов, -ев, -ин, -ский, -ович, -ич, -ўғли). */
const MASCULINE_FORM = /(ov|ev|in|yn|iy|ij|sky|ski|ovich|evich|ich|ogli|ugli)$/u;

/**
 * Which sex the form of a surname or patronymic shows, from its ending in any script: Раҳимова,
 * Rakhimova and Рахимова are feminine, Раҳимов masculine, Раҳимзода and Раҳимӣ neither. Match keys
 * fold the two forms into one (rule 8), so that one person is found in both; ranking tells them
 * apart with this.
 *
 * @example nameForm('Раҳимова') === 'F'; nameForm('Rakhimov') === 'M'; nameForm('Раҳимзода') === undefined
 */
export function nameForm(name: string, opts: NormalizeOptions = {}): 'M' | 'F' | undefined {
  const last = canonLatin(name, opts).split(/[ -]/u).at(-1) ?? '';
  if (FEMININE_FORM.test(last)) return 'F';
  if (MASCULINE_FORM.test(last)) return 'M';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------

export interface NameKeys {
  /** Step 1: the cleaned Unicode form. */
  normalized: string;
  /** Step 2: the lowercase Latin search form. */
  latin: string;
  matchKey: string;
  stemKey: string;
  looseKey: string;
  secondPassKey: string;
}

/** All keys of a name (one name part: surname, given name or patronymic), as stored for search. */
export function nameKeys(name: string, opts: NormalizeOptions = {}): NameKeys {
  const words = wordKeys(name, opts);
  return {
    normalized: normalizeName(name, opts),
    latin: canonLatin(name, opts),
    matchKey: words.join(' '),
    stemKey: words.map(stemWord).join(' '),
    looseKey: words.map(looseWord).join(' '),
    secondPassKey: words.map(secondPassWord).join(' '),
  };
}
