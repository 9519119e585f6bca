/**
 * Step 1 of name matching (DOMAIN §5.5): clean a name as typed, scanned or imported.
 *
 * Names reach the registry in Tajik Cyrillic, Russian Cyrillic and Latin, from keyboards that lack
 * the Tajik letters, from old documents typed in one of three incompatible legacy fonts (§5.1), and
 * with Latin letters that look like Cyrillic ones slipped into Cyrillic words (and vice versa).
 * `normalizeName` turns all of that into one lowercase Unicode form; the legacy-font decoders work
 * per document (`detectLegacyEncoding` → `decodeLegacy`), never with one global map.
 */

/** The legacy font encodings of §5.1: A (statistics bulletins), B (adlia.tj), C (ASCII substitution). */
export type LegacyEncoding = 'A' | 'B' | 'C';

export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ['A', 'B', 'C'];

/** The single marker every apostrophe-like character (’ ʼ ʻ ' ‘ …) becomes. */
export const NAME_APOSTROPHE = "'";

export interface NormalizeOptions {
  /** Decode this legacy font encoding first (from `detectLegacyEncoding` on the whole document). */
  encoding?: LegacyEncoding | null | undefined;
}

// ---------------------------------------------------------------------------------------------------
// Glyph maps

/**
 * Legacy glyphs and homoglyphs that always stand for a Tajik letter in a name field (§5.5 step 1.2).
 * Both cases, so it can be used before lowercasing (transliteration keeps case).
 */
// biome-ignore format: a compact table reads better
const GLYPHS: Readonly<Record<string, string>> = {
  // Encoding A, the most widespread legacy font
  Њ: 'Ҳ', њ: 'ҳ', Љ: 'Ҷ', љ: 'ҷ', Ѓ: 'Ғ', ѓ: 'ғ', Ќ: 'Қ', ќ: 'қ', Ї: 'Ӣ', ї: 'ӣ',
  // Uzbek/Belarusian short U (U+040E/045E) typed for Ӯ
  Ў: 'Ӯ', ў: 'ӯ',
  // Letters of other Cyrillic alphabets that look like the Tajik ones
  Ӌ: 'Ҷ', ӌ: 'ҷ', // Khakas che
  Ҡ: 'Қ', ҡ: 'қ', // Bashkir qa
  Ӄ: 'Қ', ӄ: 'қ', // ka with hook
  Һ: 'Ҳ', һ: 'ҳ', // Kazakh/Bashkir shha
  Ӽ: 'Ҳ', ӽ: 'ҳ', Ӿ: 'Ҳ', ӿ: 'ҳ', // kha with hook / stroke
  Ӷ: 'Ғ', ӷ: 'ғ', Ӻ: 'Ғ', ӻ: 'ғ', // ghe with descender / stroke and hook
};

/** Replace legacy glyphs and homoglyphs by the canonical Tajik letters, keeping case. */
export function fixGlyphs(s: string): string {
  let out = '';
  for (const ch of s) out += GLYPHS[ch] ?? ch;
  return out;
}

/** Latin letters that look like Cyrillic ones (lowercase, §5.5 step 1.3) and back. */
// biome-ignore format: a compact table reads better
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в', ë: 'ё',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([l, c]) => [c, l]),
);

const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

export function isCyrillicLetter(ch: string): boolean {
  return CYRILLIC_LETTER.test(ch);
}

export function isLatinLetter(ch: string): boolean {
  return LATIN_LETTER.test(ch);
}

/**
 * Map lookalike letters of the minority script of a (lowercase) token into its majority script.
 * The majority is decided on letters that have no lookalike first ("рaхимов" is Cyrillic because
 * of р-х-и-м-о-в, not because of counts of ambiguous letters); ties go to Cyrillic.
 */
function fixMixedScript(token: string): string {
  let cyr = 0;
  let lat = 0;
  let cyrDistinct = 0;
  let latDistinct = 0;
  for (const ch of token) {
    if (isCyrillicLetter(ch)) {
      cyr++;
      if (!(ch in CYRILLIC_TO_LATIN)) cyrDistinct++;
    } else if (isLatinLetter(ch)) {
      lat++;
      if (!(ch in LATIN_TO_CYRILLIC)) latDistinct++;
    }
  }
  if (cyr === 0 || lat === 0) return token;
  const cyrillicWins = cyrDistinct !== latDistinct ? cyrDistinct > latDistinct : cyr >= lat;
  const map = cyrillicWins ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  let out = '';
  for (const ch of token) out += map[ch] ?? ch;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// normalizeName

const APOSTROPHES = new Set(["'", '’', 'ʼ', 'ʻ', '‘', '‛', '`', '´', 'ʹ', '′', 'ʽ', 'ˈ']);
const HYPHENS = new Set(['-', '‐', '‑', '‒', '–', '−', '﹣', '－']);
/** Characters deleted without leaving a gap: the BGN separator "·", soft hyphen, zero-width joiners. */
const JOINERS = /[·\p{Cf}]/u;
const KEEP = /[\p{L}\p{M}]/u;
const SPACE = /\s/u;

/** @internal Marker for a BGN "·" (s·h = сҳ, not ш) that match keys respect; never in public output. */
export const DIGRAPH_BOUNDARY = '|';

/**
 * @internal `normalizeName` with an option to keep the BGN "·" as a digraph boundary (for `matchKey`);
 * use `normalizeName`.
 */
export function cleanName(s: string, opts: NormalizeOptions = {}, keepBoundary = false): string {
  let text = String(s ?? '').normalize('NFC');
  if (opts.encoding) text = decodeLegacy(text, opts.encoding);
  // Locale-independent lowercasing: Cyrillic needs no locale, and a Turkish locale would turn I into ı.
  text = fixGlyphs(
    text
      .toLowerCase()
      .normalize('NFC')
      .replace(/i\u0307/gu, 'i'),
  );

  let mapped = '';
  for (const ch of text) {
    if (APOSTROPHES.has(ch)) mapped += NAME_APOSTROPHE;
    else if (HYPHENS.has(ch)) mapped += '-';
    else if (ch === '·' && keepBoundary) mapped += DIGRAPH_BOUNDARY;
    else if (JOINERS.test(ch)) continue;
    else if (SPACE.test(ch)) mapped += ' ';
    else if (KEEP.test(ch)) mapped += ch;
    else mapped += ' '; // punctuation, symbols, digits: they separate, as in "А.Раҳимов"
  }

  const words: string[] = [];
  for (const word of mapped.split(' ')) {
    const parts: string[] = [];
    for (const rawPart of word.split('-')) {
      let part = rawPart.replace(/'+/gu, NAME_APOSTROPHE).replace(/\|+/gu, DIGRAPH_BOUNDARY);
      part = part.replace(/^['|]+/u, '').replace(/\|+$/u, '');
      // A trailing apostrophe is kept only as the Uzbek o‘ / g‘ marker.
      if (!/[og]'$/u.test(part)) part = part.replace(/'+$/u, '');
      part = fixMixedScript(part);
      if (/[\p{L}]/u.test(part)) parts.push(part);
    }
    if (parts.length > 0) words.push(parts.join('-'));
  }
  return words.join(' ');
}

/**
 * Step 1 (clean): NFC, lowercase, legacy glyphs and homoglyphs mapped to canonical Tajik letters,
 * mixed-script tokens repaired, punctuation stripped except the hyphen, apostrophes kept as one
 * marker ('), whitespace collapsed. Pass `{ encoding }` when the source document is in a legacy font.
 *
 * @example normalizeName('  Њасанов,  Рaҳим ') === 'ҳасанов раҳим'
 */
export function normalizeName(s: string, opts: NormalizeOptions = {}): string {
  return cleanName(s, opts, false);
}

// ---------------------------------------------------------------------------------------------------
// Legacy font encodings (§5.1)

/** Encoding A (statistics bulletins, codes). */
// biome-ignore format: a compact table reads better
const ENCODING_A: Readonly<Record<string, string>> = {
  Њ: 'Ҳ', њ: 'ҳ', Љ: 'Ҷ', љ: 'ҷ', Ѓ: 'Ғ', ѓ: 'ғ', Ќ: 'Қ', ќ: 'қ', Ї: 'Ӣ', ї: 'ӣ', Ў: 'Ӯ', ў: 'ӯ',
};

/**
 * Encoding B (adlia.tj). The spec gives Ѕ/ѕ, І/і, Ї/ї, љ, њ; the capitals Љ, Њ follow their lowercase,
 * and Ў/ў (not listed) is read as Ӯ/ӯ because it has no other meaning in Tajik text.
 */
// biome-ignore format: a compact table reads better
const ENCODING_B: Readonly<Record<string, string>> = {
  Ѕ: 'Қ', ѕ: 'қ', І: 'Ҳ', і: 'ҳ', Ї: 'Ҷ', ї: 'ҷ', Љ: 'Ғ', љ: 'ғ', Њ: 'Ӣ', њ: 'ӣ', Ў: 'Ӯ', ў: 'ӯ',
};

/**
 * Encoding C (ASCII substitution in scraped texts), only inside words that contain Cyrillic letters.
 * The case of the output follows the word, not the ASCII character: the spec's own example
 * "xум{урии" = "ҷумҳурии" uses "{" for a lowercase ҳ.
 */
// biome-ignore format: a compact table reads better
const ENCODING_C: Readonly<Record<string, string>> = {
  '{': 'ҳ', '[': 'ҳ', x: 'ҷ', r: 'қ', u: 'ғ', e: 'ӯ', b: 'ӣ',
};
/** The case an encoding-C character has on its own, used at the start of a word. */
const C_OWN_UPPER = new Set(['{', 'X', 'R', 'U', 'E', 'B']);

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function decodeC(text: string): string {
  // Words are runs of letters and the two bracket substitutes.
  return text.replace(/[\p{L}\p{M}{[]+/gu, (word) => {
    if (!CYRILLIC_LETTER.test(word)) return word;
    const chars = [...word];
    const others = chars.filter((ch) => ENCODING_C[ch.toLowerCase()] === undefined && /\p{L}/u.test(ch));
    const allCaps = others.length >= 2 && others.every(isUpper);
    let out = '';
    for (const [i, ch] of chars.entries()) {
      const sub = ENCODING_C[ch.toLowerCase()];
      if (sub === undefined) {
        out += ch;
        continue;
      }
      // Inside a word the case is the word's; at its start, the character's own.
      const upper = allCaps || (i === 0 && C_OWN_UPPER.has(ch));
      out += upper ? sub.toUpperCase() : sub;
    }
    return out;
  });
}

/** Decode a text written in one legacy font encoding into Unicode Tajik Cyrillic. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  if (encoding === 'C') return decodeC(text);
  const map = encoding === 'A' ? ENCODING_A : ENCODING_B;
  let out = '';
  for (const ch of text) out += map[ch] ?? ch;
  return out;
}

/**
 * Frequent Tajik words and name roots, written in Unicode. A decoding that produces them is right;
 * names are also tried without a surname or patronymic suffix.
 */
const TAJIK_WORDS = new Set(
  (
    'ва дар аз ба бо ки то ҳам ҳар ҳамин ҳамчунин ҳаст ҳастанд мебошад буд барои баъд пеш пас байни бояд ' +
    'ҷумҳурӣ ҷумҳурии тоҷикистон тоҷикистони тоҷикӣ қарори қарор ҳукумати ҳукумат қонуни қонун қонунҳо ' +
    'кодекси моддаи моддаҳои қисми банди мувофиқи тибқи вазорати вазорат шаҳри шаҳр ноҳияи ноҳия вилояти ' +
    'вилоят ҷамоати ҷамоат деҳа деҳаи маҷлиси олӣ миллӣ давлатӣ давлати фармони раиси раис шаҳрванд ' +
    'шаҳрвандон шаҳрвандӣ шаҳрвандии ҳуқуқ ҳуқуқи ҳуқуқҳо ҳолати ҳолатҳои асноди санади сабти қайд ' +
    'бақайдгирии таваллуд вафот никоҳ ақди падар модар фарзанд номи ном насаб ҳуҷҷат ҳуҷҷати ҳуҷҷатҳо ' +
    'шаҳодатнома шаҳодатномаи муқаррар тағйир иваз рӯз рӯзи сол соли моҳи ӯ мазкур намудани намояд ' +
    'қабул ҷиноятӣ маъмурӣ ҷавобгарӣ маҳкама суд ҳимоя оила ақд талоқ масъул мақомоти мақомот ' +
    'ҳасан ҳусейн ҳусайн ҷамшед раҳим раҳмон қурбон ғафур ёқуб юсуф муҳаммад абдуллоҳ абдулло ҷӯра ғулом ' +
    'қодир ҳақназар ҳамид ҳаким ҳошим шоҳ шоҳин ҷалол ҷалолиддин назар саид содиқ карим олим алӣ ' +
    'ҳабиб ҳайдар ҳалим ҳоҷӣ ҷумъа қаҳҳор ғаффор нӯъмон маҳмуд зуҳро моҳира фирӯза гулӣ ҳилол ' +
    'ҳикмат ҳасанов ҳусейнов'
  ).split(' '),
);

const NAME_SUFFIXES = [
  'овна',
  'евна',
  'ович',
  'евич',
  'зода',
  'зод',
  'ова',
  'ева',
  'ов',
  'ев',
  'ӣ',
  'и',
  'ҷон',
];

function isKnownWord(word: string): boolean {
  if (TAJIK_WORDS.has(word)) return true;
  for (const suffix of NAME_SUFFIXES) {
    if (
      word.length > suffix.length + 2 &&
      word.endsWith(suffix) &&
      TAJIK_WORDS.has(word.slice(0, -suffix.length))
    )
      return true;
  }
  return false;
}

/** Characters that should not survive a correct decoding of Tajik text. */
const SUSPICIOUS = /[ЃѓЌќЊњЉљЇїЎўЅѕІі{[]/u;
const VOWELS = 'аеёиоуэюяӣӯ';
/** Latin letters that are encoding-C substitutes but not Cyrillic lookalikes. */
const NON_LOOKALIKE_LATIN = /[a-z]/iu;

/** How Tajik-like a (decoded) text looks: dictionary words up, impossible letters and leftovers down. */
function plausibility(text: string): number {
  let score = 0;
  for (const word of text.toLowerCase().match(/[\p{L}\p{M}{[]+/gu) ?? []) {
    const chars = [...word];
    const cyrillicWord = chars.some(isCyrillicLetter);
    if (cyrillicWord && isKnownWord(word)) score += 4;
    for (const [i, ch] of chars.entries()) {
      if (SUSPICIOUS.test(ch)) score -= 2;
      else if (
        cyrillicWord &&
        isLatinLetter(ch) &&
        NON_LOOKALIKE_LATIN.test(ch) &&
        !(ch in LATIN_TO_CYRILLIC)
      )
        score -= 2;
      else if (cyrillicWord && isLatinLetter(ch)) score -= 0.5; // a lookalike: a typo at worst
      if (ch === 'ӣ') {
        // ӣ ends words (-ӣ); it does not start them nor stand before a vowel.
        if (i === 0) score -= 2;
        const next = chars[i + 1];
        if (next !== undefined && VOWELS.includes(next)) score -= 2;
        if (i === chars.length - 1) score += 0.5;
      }
    }
  }
  return score;
}

/** Prior for "no legacy encoding": a decoding must beat plain Unicode by a margin. */
const NONE_PRIOR = 1.5;

export type EncodingScores = Record<LegacyEncoding | 'none', number>;

/** The plausibility of the text read as plain Unicode and as each legacy encoding. */
export function scoreLegacyEncodings(text: string): EncodingScores {
  return {
    none: plausibility(text) + NONE_PRIOR,
    A: plausibility(decodeLegacy(text, 'A')),
    B: plausibility(decodeLegacy(text, 'B')),
    C: plausibility(decodeLegacy(text, 'C')),
  };
}

/**
 * Detect the legacy font encoding of a whole document (or name field): each encoding is scored by
 * the Tajik words its decoding produces and the legacy glyphs it leaves behind. Returns null when the
 * text reads best as it is. Ties go to A, then B, then C.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const scores = scoreLegacyEncodings(text);
  let best: LegacyEncoding | null = null;
  let bestScore = scores.none;
  for (const enc of LEGACY_ENCODINGS) {
    if (decodeLegacy(text, enc) === text) continue;
    if (scores[enc] > bestScore) {
      best = enc;
      bestScore = scores[enc];
    }
  }
  return best;
}
