/**
 * Transliteration of Tajik Cyrillic names (DOMAIN §5.1, §5.3): into Russian Cyrillic (the form of
 * Russian-language documents), and into Latin, by default the Tajik passport / ODNI ICS-630-01 (2015)
 * system, or BGN/PCGN 1994. Case is kept per word: Title case stays Title case, ALL CAPS stays all caps.
 * Legacy glyphs (Њ, Љ, Ў …) are read as the Tajik letters first; anything that is not Cyrillic passes through.
 */
import { fixGlyphs } from './normalize.ts';

export type LatinSystem = 'passport' | 'bgn';

export const LATIN_SYSTEMS: readonly LatinSystem[] = ['passport', 'bgn'];

/** Passport / ODNI 2015 (Sabt's default), lowercase. Word-initial е and Russian дж are handled apart. */
// biome-ignore format: a compact table reads better
export const PASSPORT_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'gh', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', ӣ: 'i',
  й: 'y', к: 'k', қ: 'q', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ӯ: 'u', ф: 'f', х: 'kh', ҳ: 'h', ч: 'ch', ҷ: 'j', ш: 'sh', ъ: '', э: 'e', ю: 'yu', я: 'ya',
  // Letters removed by the 1998 reform, still in old records and Russian forms
  ц: 'ts', щ: 'shch', ы: 'y', ь: '',
};

/** BGN/PCGN 1994, lowercase. ҳ after г з к с and ц before a vowel are handled apart. */
// biome-ignore format: a compact table reads better
export const BGN_LATIN: Readonly<Record<string, string>> = {
  ...PASSPORT_LATIN,
  ӣ: 'í', ӯ: 'ŭ', ъ: '’', э: 'ė', щ: 'sh', ы: 'i',
};

/** ODNI writes a doubled letter with a multi-letter romanisation once ("хх" → "kh"). */
const ODNI_COLLAPSE = new Set([...'ғёжхчшюяцщ']);
const BGN_SEPARATED_H = new Set([...'гзкс']);
const BGN_VOWELS = new Set([...'аеёиоуыэюя']);

/** Tajik letters that Russian lacks (§5.1, ✅ [TJ2RU]). */
// biome-ignore format: a compact table reads better
export const TAJIK_TO_RUSSIAN: Readonly<Record<string, string>> = {
  ҷ: 'дж', ғ: 'г', қ: 'к', ӯ: 'у', ҳ: 'х', ӣ: 'и',
};

const WORD = /[\p{L}\p{M}]+/gu;

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** True for a word of two or more cased letters, all capitals ("РАҲИМОВ"). */
function isAllCaps(chars: readonly string[]): boolean {
  const cased = chars.filter(isCased);
  return cased.length >= 2 && cased.every((ch) => ch === ch.toUpperCase());
}

/** Upper-case the first letter of a romanisation ("sh" → "Sh", "·h" → "·H"). */
function capitalise(piece: string): string {
  return piece.replace(/\p{L}/u, (l) => l.toUpperCase());
}

/**
 * Transliterate one word letter by letter: `pick` returns the lowercase output for position i and
 * how many source letters it used, or undefined to copy the letter unchanged.
 */
function mapWord(
  word: string,
  pick: (lower: readonly string[], i: number) => { out: string; used: number } | undefined,
): string {
  const chars = [...word];
  const lower = chars.map((ch) => ch.toLowerCase());
  const allCaps = isAllCaps(chars);
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    const hit = pick(lower, i);
    if (hit === undefined) {
      out += ch;
      i++;
      continue;
    }
    const upper = ch !== lower[i];
    out += allCaps ? hit.out.toUpperCase() : upper ? capitalise(hit.out) : hit.out;
    i += hit.used;
  }
  return out;
}

function pickPassport(lower: readonly string[], i: number): { out: string; used: number } | undefined {
  const lc = lower[i]!;
  if (lc === 'д' && lower[i + 1] === 'ж') return { out: 'j', used: 2 }; // Russian Джамшед → Jamshed
  if (i > 0 && lower[i - 1] === lc && ODNI_COLLAPSE.has(lc)) return { out: '', used: 1 };
  if (lc === 'е' && i === 0) return { out: 'ye', used: 1 };
  const out = PASSPORT_LATIN[lc];
  return out === undefined ? undefined : { out, used: 1 };
}

function pickBgn(lower: readonly string[], i: number): { out: string; used: number } | undefined {
  const lc = lower[i]!;
  if (lc === 'ҳ' && i > 0 && BGN_SEPARATED_H.has(lower[i - 1]!)) return { out: '·h', used: 1 };
  if (lc === 'ц' && BGN_VOWELS.has(lower[i + 1] ?? '')) return { out: 's', used: 1 };
  const out = BGN_LATIN[lc];
  return out === undefined ? undefined : { out, used: 1 };
}

/**
 * Tajik (or Russian) Cyrillic → Latin. `passport` (default) is the ODNI 2015 system that Tajik
 * passports follow: Раҳимов → Rahimov, Ҷамшед → Jamshed, Ёқубов → Yoqubov, Ергаш → Yergash,
 * Джамшед → Jamshed. `bgn` is BGN/PCGN 1994: Исҳоқ → Is·hoq, Раҳимӣ → Rahimí, Ӯрунов → Ŭrunov.
 */
export function toLatin(cyrillic: string, system: LatinSystem = 'passport'): string {
  const pick = system === 'bgn' ? pickBgn : pickPassport;
  return fixGlyphs(String(cyrillic ?? '').normalize('NFC')).replace(WORD, (word) => mapWord(word, pick));
}

function pickRussian(lower: readonly string[], i: number): { out: string; used: number } | undefined {
  const out = TAJIK_TO_RUSSIAN[lower[i]!];
  return out === undefined ? undefined : { out, used: 1 };
}

/**
 * Tajik Cyrillic → Russian Cyrillic (Ҷ→Дж, Ғ→Г, Қ→К, Ӯ→У, Ҳ→Х, Ӣ→И): Ҷамшед → Джамшед,
 * Хоҷаев → Ходжаев, Ғафуров → Гафуров, ҶӮРАЕВ → ДЖУРАЕВ. Other letters are unchanged.
 */
export function toRussianCyrillic(tajik: string): string {
  return fixGlyphs(String(tajik ?? '').normalize('NFC')).replace(WORD, (word) => mapWord(word, pickRussian));
}
