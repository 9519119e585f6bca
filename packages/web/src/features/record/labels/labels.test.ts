import { ACT_KIND_DEFINITIONS, actKindJsonSchema } from '@sabt/core';
import { describe, expect, it } from 'vitest';
import { RECORD_MESSAGES } from '../messages.ts';
import { countryName, formatValue, humanise, pathLabel } from './index.ts';
import type { JsonSchema } from './schema-fields.ts';
import { schemaFields } from './schema-fields.ts';

const KINDS = ACT_KIND_DEFINITIONS.map((d) => ({ code: d.code, schema: actKindJsonSchema(d) as JsonSchema }));

describe('record data as the record screen shows it', () => {
  it('labels paths segment by segment, with the meaning a key has in its act', () => {
    expect(pathLabel('BIRTH', 'data.mother.residence.country', 'tg')).toBe('Модар › Ҷои истиқомат › Кишвар');
    expect(pathLabel('BIRTH', 'mother.residence.country', 'en')).toBe(
      'Mother › Place of residence › Country',
    );
    expect(pathLabel('MARRIAGE', 'wife.surnameAfter', 'ru')).toBe('Жена › Фамилия после заключения брака');
    expect(pathLabel('DIVORCE', 'wife.surnameAfter', 'en')).toBe('Former wife › Surname after the divorce');
    expect(pathLabel('DEATH', 'cause.lines.1.icd10', 'tg')).toBe(
      'Сабаби марг › Сатрҳои сабаби марг › № 2 › Рамзи ТББ-10',
    );
    // a key the catalogue does not know yet still reads as words
    expect(pathLabel('BIRTH', 'child.favouriteColour', 'en')).toBe('Child › Favourite colour');
    expect(humanise('birthWeightGrams')).toBe('Birth weight grams');
  });

  it('shows values as people read them', () => {
    const ctx = (locale: 'tg' | 'ru' | 'en') => ({ locale, yes: 'yes', no: 'no' });
    expect(formatValue(['child', 'birthDate'], '2025-03-14', ctx('tg'))).toBe('14.03.2025');
    expect(formatValue(['deceased', 'birthDate'], '1950-06', ctx('tg'))).toBe('06.1950');
    expect(formatValue(['child', 'sex'], 'F', ctx('ru'))).toBe('Женский');
    expect(formatValue(['fatherBasis', 'type'], 'NONE', ctx('en'))).toBe('No father recorded (dash)');
    expect(formatValue(['statistics', 'attendant'], 'NONE', ctx('en'))).toBe('No one');
    expect(formatValue(['child', 'birthPlace', 'unit'], 'DU-03', ctx('tg'))).toBe('Фирдавсӣ');
    expect(formatValue(['child', 'liveBorn'], true, ctx('en'))).toBe('yes');
    expect(countryName('TJ', 'tg')).toBe('Тоҷикистон');
    expect(countryName('TJ', 'en')).toBe('Tajikistan');
  });

  it('has no Latin letters in the record screen’s Tajik and Russian messages', () => {
    const latin: string[] = [];
    const check = (where: string, text: string) => {
      if (/[A-Za-z]/.test(text.replace(/\b(TJ|II)\b/g, ''))) latin.push(`${where}: ${text}`);
    };
    const walk = (where: string, v: unknown) => {
      if (typeof v === 'string') check(where, v);
      else if (typeof v === 'function') check(where, String((v as (...a: unknown[]) => string)(1, 2)));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(`${where}.${k}`, x);
    };
    walk('tg', RECORD_MESSAGES.tg);
    walk('ru', RECORD_MESSAGES.ru);
    expect(latin).toEqual([]);
  });

  it('offers the amendment editor every field of a kind with its type, arrays left out', () => {
    const birth = schemaFields(KINDS.find((k) => k.code === 'BIRTH')?.schema);
    const find = (p: string) => birth.find((f) => f.path.join('.') === p);
    expect(find('child.birthDate')).toMatchObject({ type: 'date', required: true });
    expect(find('child.sex')).toMatchObject({ type: 'enum', options: ['M', 'F'] });
    expect(find('child.patronymic')).toMatchObject({ type: 'text', required: false });
    expect(find('child.birthPlace.unit')).toMatchObject({ type: 'unit' });
    expect(find('mother.citizenship')).toMatchObject({ type: 'country' });
    expect(find('child.liveBorn')).toMatchObject({ type: 'boolean' });
    expect(find('statistics.lengthCm')).toMatchObject({ type: 'number' });
    const death = schemaFields(KINDS.find((k) => k.code === 'DEATH')?.schema);
    expect(death.find((f) => f.path.join('.') === 'death.date')).toMatchObject({ type: 'partial-date' });
    expect(death.some((f) => f.path.includes('lines'))).toBe(false);
  });
});
