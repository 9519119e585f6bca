export const LOCALES = ['tg', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** A text in every interface language: a label, or a parameter given in all of them (an office's name). */
export type LocalizedText = Record<Locale, string>;
export const DEFAULT_LOCALE: Locale = 'tg';

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header (Tajik when nothing fits). */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const w of wanted) {
    const base = w.tag.split('-')[0] as Locale;
    if ((LOCALES as readonly string[]).includes(base)) return base;
  }
  return DEFAULT_LOCALE;
}
