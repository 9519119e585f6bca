import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords, russianPlural, tajikConnective } from './amount-in-words.ts';

/** [number, Tajik, Russian (masculine), English] */
const NUMBERS: [number, string, string, string][] = [
  [0, 'сифр', 'ноль', 'zero'],
  [1, 'як', 'один', 'one'],
  [2, 'ду', 'два', 'two'],
  [9, 'нӯҳ', 'девять', 'nine'],
  [10, 'даҳ', 'десять', 'ten'],
  [11, 'ёздаҳ', 'одиннадцать', 'eleven'],
  [12, 'дувоздаҳ', 'двенадцать', 'twelve'],
  [13, 'сенздаҳ', 'тринадцать', 'thirteen'],
  [14, 'чордаҳ', 'четырнадцать', 'fourteen'],
  [15, 'понздаҳ', 'пятнадцать', 'fifteen'],
  [16, 'шонздаҳ', 'шестнадцать', 'sixteen'],
  [17, 'ҳабдаҳ', 'семнадцать', 'seventeen'],
  [18, 'ҳаждаҳ', 'восемнадцать', 'eighteen'],
  [19, 'нуздаҳ', 'девятнадцать', 'nineteen'],
  [20, 'бист', 'двадцать', 'twenty'],
  [21, 'бисту як', 'двадцать один', 'twenty-one'],
  [30, 'сӣ', 'тридцать', 'thirty'],
  // after a vowel the connective is -ю, and the final -ӣ becomes -и
  [32, 'сию ду', 'тридцать два', 'thirty-two'],
  [40, 'чил', 'сорок', 'forty'],
  [45, 'чилу панҷ', 'сорок пять', 'forty-five'],
  [50, 'панҷоҳ', 'пятьдесят', 'fifty'],
  [67, 'шасту ҳафт', 'шестьдесят семь', 'sixty-seven'],
  [78, 'ҳафтоду ҳашт', 'семьдесят восемь', 'seventy-eight'],
  [83, 'ҳаштоду се', 'восемьдесят три', 'eighty-three'],
  [99, 'наваду нӯҳ', 'девяносто девять', 'ninety-nine'],
  [100, 'сад', 'сто', 'one hundred'],
  [101, 'саду як', 'сто один', 'one hundred one'],
  [110, 'саду даҳ', 'сто десять', 'one hundred ten'],
  [200, 'дусад', 'двести', 'two hundred'],
  [300, 'сесад', 'триста', 'three hundred'],
  [450, 'чорсаду панҷоҳ', 'четыреста пятьдесят', 'four hundred fifty'],
  [555, 'панҷсаду панҷоҳу панҷ', 'пятьсот пятьдесят пять', 'five hundred fifty-five'],
  [630, 'шашсаду сӣ', 'шестьсот тридцать', 'six hundred thirty'],
  [731, 'ҳафтсаду сию як', 'семьсот тридцать один', 'seven hundred thirty-one'],
  [812, 'ҳаштсаду дувоздаҳ', 'восемьсот двенадцать', 'eight hundred twelve'],
  [999, 'нӯҳсаду наваду нӯҳ', 'девятьсот девяносто девять', 'nine hundred ninety-nine'],
  [1000, 'як ҳазор', 'одна тысяча', 'one thousand'],
  [1001, 'як ҳазору як', 'одна тысяча один', 'one thousand one'],
  [1200, 'як ҳазору дусад', 'одна тысяча двести', 'one thousand two hundred'],
  [2000, 'ду ҳазор', 'две тысячи', 'two thousand'],
  [
    2345,
    'ду ҳазору сесаду чилу панҷ',
    'две тысячи триста сорок пять',
    'two thousand three hundred forty-five',
  ],
  [4000, 'чор ҳазор', 'четыре тысячи', 'four thousand'],
  [5000, 'панҷ ҳазор', 'пять тысяч', 'five thousand'],
  [11_000, 'ёздаҳ ҳазор', 'одиннадцать тысяч', 'eleven thousand'],
  [12_000, 'дувоздаҳ ҳазор', 'двенадцать тысяч', 'twelve thousand'],
  [21_000, 'бисту як ҳазор', 'двадцать одна тысяча', 'twenty-one thousand'],
  [22_500, 'бисту ду ҳазору панҷсад', 'двадцать две тысячи пятьсот', 'twenty-two thousand five hundred'],
  [32_000, 'сию ду ҳазор', 'тридцать две тысячи', 'thirty-two thousand'],
  [101_101, 'саду як ҳазору саду як', 'сто одна тысяча сто один', 'one hundred one thousand one hundred one'],
  [111_000, 'саду ёздаҳ ҳазор', 'сто одиннадцать тысяч', 'one hundred eleven thousand'],
  [
    999_999,
    'нӯҳсаду наваду нӯҳ ҳазору нӯҳсаду наваду нӯҳ',
    'девятьсот девяносто девять тысяч девятьсот девяносто девять',
    'nine hundred ninety-nine thousand nine hundred ninety-nine',
  ],
  [1_000_000, 'як миллион', 'один миллион', 'one million'],
  [1_000_001, 'як миллиону як', 'один миллион один', 'one million one'],
  [2_000_000, 'ду миллион', 'два миллиона', 'two million'],
  [
    2_021_000,
    'ду миллиону бисту як ҳазор',
    'два миллиона двадцать одна тысяча',
    'two million twenty-one thousand',
  ],
  [5_000_000, 'панҷ миллион', 'пять миллионов', 'five million'],
  [
    14_300_512,
    'чордаҳ миллиону сесад ҳазору панҷсаду дувоздаҳ',
    'четырнадцать миллионов триста тысяч пятьсот двенадцать',
    'fourteen million three hundred thousand five hundred twelve',
  ],
  [21_000_000, 'бисту як миллион', 'двадцать один миллион', 'twenty-one million'],
  [
    123_456_789,
    'саду бисту се миллиону чорсаду панҷоҳу шаш ҳазору ҳафтсаду ҳаштоду нӯҳ',
    'сто двадцать три миллиона четыреста пятьдесят шесть тысяч семьсот восемьдесят девять',
    'one hundred twenty-three million four hundred fifty-six thousand seven hundred eighty-nine',
  ],
  [1_000_000_000, 'як миллиард', 'один миллиард', 'one billion'],
];

describe('numbers in words', () => {
  it.each(NUMBERS)('%i', (n, tg, ru, en) => {
    expect(numberInWords(n, 'tg')).toBe(tg);
    expect(numberInWords(n, 'ru')).toBe(ru);
    expect(numberInWords(n, 'en')).toBe(en);
  });

  it('Russian feminine: one and two of a feminine noun', () => {
    expect(numberInWords(1, 'ru', 'f')).toBe('одна');
    expect(numberInWords(22, 'ru', 'f')).toBe('двадцать две');
    expect(numberInWords(3, 'ru', 'f')).toBe('три');
  });

  it('Russian plural forms: 1 / 2–4 / 0, 5–20 and 11–14 of any hundred', () => {
    const f = ['дирам', 'дирама', 'дирамов'] as const;
    const table: [number, string][] = [
      [0, 'дирамов'],
      [1, 'дирам'],
      [2, 'дирама'],
      [4, 'дирама'],
      [5, 'дирамов'],
      [11, 'дирамов'],
      [12, 'дирамов'],
      [14, 'дирамов'],
      [20, 'дирамов'],
      [21, 'дирам'],
      [22, 'дирама'],
      [25, 'дирамов'],
      [99, 'дирамов'],
      [101, 'дирам'],
      [111, 'дирамов'],
      [112, 'дирамов'],
      [1021, 'дирам'],
    ];
    for (const [n, form] of table) expect([n, russianPlural(n, f)]).toEqual([n, form]);
  });

  it('the Tajik connective: -у after a consonant, -ю after a vowel', () => {
    expect(tajikConnective('бист')).toBe('бисту');
    expect(tajikConnective('сӣ')).toBe('сию');
    expect(tajikConnective('сомонӣ')).toBe('сомонию');
    expect(tajikConnective('ҳазор')).toBe('ҳазору');
    expect(tajikConnective('панҷоҳ')).toBe('панҷоҳу');
  });

  it('refuses what is not a whole number in range', () => {
    expect(() => numberInWords(-1, 'ru')).toThrow();
    expect(() => numberInWords(1.5, 'tg')).toThrow();
    expect(() => numberInWords(1_000_000_000_000, 'en')).toThrow();
    expect(() => amountInWords(-100, 'ru')).toThrow();
  });
});

/** [diram, Tajik, Russian, English] as a receipt prints them */
const AMOUNTS: [number, string, string, string][] = [
  [
    45_000,
    'Чорсаду панҷоҳ сомонию 00 дирам',
    'Четыреста пятьдесят сомони 00 дирамов',
    'Four hundred fifty somoni 00 diram',
  ],
  [50, 'Сифр сомонию 50 дирам', 'Ноль сомони 50 дирамов', 'Zero somoni 50 diram'],
  [101, 'Як сомонию 01 дирам', 'Один сомони 01 дирам', 'One somoni 01 diram'],
  [2_202, 'Бисту ду сомонию 02 дирам', 'Двадцать два сомони 02 дирама', 'Twenty-two somoni 02 diram'],
  [3_211, 'Сию ду сомонию 11 дирам', 'Тридцать два сомони 11 дирамов', 'Thirty-two somoni 11 diram'],
  [7_521, 'Ҳафтоду панҷ сомонию 21 дирам', 'Семьдесят пять сомони 21 дирам', 'Seventy-five somoni 21 diram'],
  [100_000, 'Як ҳазор сомонию 00 дирам', 'Одна тысяча сомони 00 дирамов', 'One thousand somoni 00 diram'],
  [
    123_456_789,
    'Як миллиону дусаду сию чор ҳазору панҷсаду шасту ҳафт сомонию 89 дирам',
    'Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь сомони 89 дирамов',
    'One million two hundred thirty-four thousand five hundred sixty-seven somoni 89 diram',
  ],
];

describe('amounts in words, as a receipt prints them', () => {
  it.each(AMOUNTS)('%i diram', (minor, tg, ru, en) => {
    expect(amountInWords(minor, 'tg')).toBe(tg);
    expect(amountInWords(minor, 'ru')).toBe(ru);
    expect(amountInWords(minor, 'en')).toBe(en);
  });

  it('a consular tariff in US dollars and cents', () => {
    expect(amountInWords(2_500, 'ru', 'USD')).toBe('Двадцать пять долларов США 00 центов');
    expect(amountInWords(2_101, 'ru', 'USD')).toBe('Двадцать один доллар США 01 цент');
    expect(amountInWords(302, 'ru', 'USD')).toBe('Три доллара США 02 цента');
    expect(amountInWords(2_500, 'tg', 'USD')).toBe('Бисту панҷ доллари ИМА ва 00 сент');
    expect(amountInWords(101, 'en', 'USD')).toBe('One US dollar 01 cent');
  });
});
