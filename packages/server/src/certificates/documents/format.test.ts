import { describe, expect, it } from 'vitest';
import { actRef, citizenship, date, fullName, officeName, place, unitName } from './format.ts';

describe('how certificates write values', () => {
  it('writes full names surname first, skipping what is missing', () => {
    expect(fullName({ surname: 'Раҳимзода', name: 'Фарзона', patronymic: 'Ҷамшед' })).toBe(
      'Раҳимзода Фарзона Ҷамшед',
    );
    expect(fullName({ surname: 'Ҳамидзода', name: ' Сино ' })).toBe('Ҳамидзода Сино');
    expect(fullName(undefined)).toBe('');
  });

  it('writes dates as dd.mm.yyyy and keeps partial dates partial', () => {
    expect(date('2025-03-14')).toBe('14.03.2025');
    expect(date('1950-06')).toBe('06.1950');
    expect(date('1950')).toBe('1950');
    expect(date(undefined)).toBe('');
  });

  it('names districts and cities in Tajik with their kind', () => {
    expect(unitName('SU-01')).toBe('ш. Хуҷанд');
    expect(unitName('KT-09')).toBe('н. Данғара');
    expect(unitName('DU-03')).toBe('н. Фирдавсӣ, ш. Душанбе');
  });

  it('writes a place as district or city, then the settlement when it adds something', () => {
    expect(place({ country: 'TJ', unit: 'DU-03', settlement: 'Душанбе' })).toBe('н. Фирдавсӣ, ш. Душанбе');
    expect(place({ country: 'TJ', unit: 'SU-01', settlement: 'Хуҷанд' })).toBe('ш. Хуҷанд');
    expect(place({ country: 'TJ', unit: 'KT-09', settlement: 'деҳаи Лоҷувар' })).toBe(
      'н. Данғара, деҳаи Лоҷувар',
    );
    expect(place({ country: 'RU', settlement: 'ш. Маскав' })).toBe('ш. Маскав, Федератсияи Россия');
  });

  it('writes citizenship as the state name', () => {
    expect(citizenship('TJ')).toBe('Ҷумҳурии Тоҷикистон');
    expect(citizenship('UZ')).toBe('Ҷумҳурии Ӯзбекистон');
    expect(citizenship('FR')).toBe('FR');
  });

  it('cites an earlier record with its office name', () => {
    expect(officeName('SU-01-00')).toBe('Шуъбаи САҲШ — Хуҷанд');
    expect(officeName('ШАҲС ноҳияи Фирдавсӣ')).toBe('ШАҲС ноҳияи Фирдавсӣ');
    expect(actRef({ number: '305', date: '2012-08-18', office: 'SU-01-00' })).toBe(
      '№ 305 аз 18.08.2012, Шуъбаи САҲШ — Хуҷанд',
    );
  });
});
