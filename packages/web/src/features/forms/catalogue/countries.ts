import type { LocalizedText } from '@sabt/core';

/**
 * The countries clerks meet most often, named in the three languages; any other country is
 * typed as its ISO 3166-1 alpha-2 code.
 */
export const COUNTRIES: { code: string; name: LocalizedText }[] = [
  { code: 'TJ', name: { tg: 'Тоҷикистон', ru: 'Таджикистан', en: 'Tajikistan' } },
  { code: 'RU', name: { tg: 'Русия', ru: 'Россия', en: 'Russia' } },
  { code: 'UZ', name: { tg: 'Ӯзбекистон', ru: 'Узбекистан', en: 'Uzbekistan' } },
  { code: 'KZ', name: { tg: 'Қазоқистон', ru: 'Казахстан', en: 'Kazakhstan' } },
  { code: 'KG', name: { tg: 'Қирғизистон', ru: 'Кыргызстан', en: 'Kyrgyzstan' } },
  { code: 'TM', name: { tg: 'Туркманистон', ru: 'Туркменистан', en: 'Turkmenistan' } },
  { code: 'AF', name: { tg: 'Афғонистон', ru: 'Афганистан', en: 'Afghanistan' } },
  { code: 'CN', name: { tg: 'Чин', ru: 'Китай', en: 'China' } },
  { code: 'IR', name: { tg: 'Эрон', ru: 'Иран', en: 'Iran' } },
  { code: 'PK', name: { tg: 'Покистон', ru: 'Пакистан', en: 'Pakistan' } },
  { code: 'IN', name: { tg: 'Ҳиндустон', ru: 'Индия', en: 'India' } },
  { code: 'TR', name: { tg: 'Туркия', ru: 'Турция', en: 'Türkiye' } },
  { code: 'AE', name: { tg: 'Аморати Муттаҳидаи Араб', ru: 'ОАЭ', en: 'United Arab Emirates' } },
  { code: 'AZ', name: { tg: 'Озарбойҷон', ru: 'Азербайджан', en: 'Azerbaijan' } },
  { code: 'BY', name: { tg: 'Беларус', ru: 'Беларусь', en: 'Belarus' } },
  { code: 'UA', name: { tg: 'Украина', ru: 'Украина', en: 'Ukraine' } },
  { code: 'DE', name: { tg: 'Олмон', ru: 'Германия', en: 'Germany' } },
  { code: 'GB', name: { tg: 'Британияи Кабир', ru: 'Великобритания', en: 'United Kingdom' } },
  { code: 'US', name: { tg: 'ИМА', ru: 'США', en: 'United States' } },
  { code: 'KR', name: { tg: 'Кореяи Ҷанубӣ', ru: 'Южная Корея', en: 'South Korea' } },
];

export const KNOWN_COUNTRY = new Set(COUNTRIES.map((c) => c.code));
