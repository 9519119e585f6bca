import { describe, expect, it } from 'vitest';
import { diffData } from './diff.ts';

describe('differences between versions', () => {
  it('lists each changed field with its old and new value', () => {
    const before = { child: { surname: 'Каримов', name: 'Аҳмад' }, father: undefined };
    const after = { child: { surname: 'Раҳимзода', name: 'Аҳмад' }, father: { name: 'Ҷамшед' } };
    expect(diffData(before, after)).toEqual([
      { path: 'child.surname', before: 'Каримов', after: 'Раҳимзода' },
      { path: 'father.name', before: null, after: 'Ҷамшед' },
    ]);
  });

  it('finds nothing when versions are equal', () => {
    expect(diffData({ a: [1, 2], b: { c: 'x' } }, { b: { c: 'x' }, a: [1, 2] })).toEqual([]);
  });

  it('treats arrays as whole values', () => {
    expect(diffData({ lines: [1] }, { lines: [1, 2] })).toEqual([
      { path: 'lines', before: [1], after: [1, 2] },
    ]);
  });
});
