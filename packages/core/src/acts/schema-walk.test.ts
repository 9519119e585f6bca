import { describe, expect, it } from 'vitest';
import { birthKind } from './birth.ts';
import { deathKind } from './death.ts';
import { codedValuesAt } from './schema-walk.ts';

describe('codedValuesAt', () => {
  it("gives an enum's codes in the schema's order", () => {
    expect(codedValuesAt(deathKind.schema, 'deceased.sex')).toEqual(['M', 'F']);
    expect(codedValuesAt(deathKind.schema, 'cause.lines.#.line')).toEqual(['a', 'b', 'c', 'd', 'II']);
  });

  it("gathers the literals of a union's branches once each", () => {
    expect(codedValuesAt(birthKind.schema, 'fatherBasis.type')).toEqual([
      'MARRIAGE_RECORD',
      'PATERNITY_RECORD',
      'ADOPTION_RECORD',
      'MOTHER_STATEMENT',
      'NONE',
    ]);
  });

  it('is undefined for a field that is not coded, or a path the schema does not have', () => {
    expect(codedValuesAt(birthKind.schema, 'child.surname')).toBeUndefined();
    expect(codedValuesAt(birthKind.schema, 'child.colour')).toBeUndefined();
  });
});
