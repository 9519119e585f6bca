import { describe, expect, it } from 'vitest';
import { ROLES } from './roles.ts';
import { readsSealed, recordPart, SEALED_READERS, sealedAccess } from './sealing.ts';

describe('adoption secrecy', () => {
  it.each(ROLES)('%s reads the current data in full, sealed data only as a sealed reader', (role) => {
    const reader = role === 'registrar' || role === 'head_of_office';
    expect(sealedAccess(role, 'current')).toBe('full');
    expect(sealedAccess(role, 'sealed-version')).toBe(reader ? 'full' : 'masked');
    expect(sealedAccess(role, 'adoption-record')).toBe(reader ? 'full' : 'masked');
    expect(readsSealed(role)).toBe(reader);
    expect(SEALED_READERS.includes(role)).toBe(reader);
  });

  it('the public sees only post-adoption data', () => {
    expect(sealedAccess(null, 'current')).toBe('full');
    expect(sealedAccess(null, 'sealed-version')).toBe('masked');
    expect(sealedAccess(null, 'adoption-record')).toBe('masked');
  });

  it('an adoption record is sealed once registered, other records stand as they are', () => {
    expect(recordPart({ kind: 'ADOPTION', flags: ['sealed'] })).toBe('adoption-record');
    expect(recordPart({ kind: 'ADOPTION', flags: [] })).toBe('current');
    expect(recordPart({ kind: 'BIRTH', flags: ['sealed'] })).toBe('current');
  });
});
