import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../i18n/messages.ts';
import {
  applicationService,
  COPY_RELATIONSHIP_LABELS,
  COPY_RELATIONSHIPS,
  checkCopyRequest,
} from './copy-requests.ts';

const today = '2026-12-07';
const own = {
  actKind: 'BIRTH',
  relationship: 'self',
  person: { surname: 'Раҳимов', name: 'Фарҳод', patronymic: 'Алиевич', birthDate: '1990-04-12' },
};
const paths = (r: ReturnType<typeof checkCopyRequest>) => r.errors.map((x) => `${x.path.join('.')}:${x.key}`);

describe('a request for a repeat certificate or an extract', () => {
  it('as a draft may be incomplete, never wrong; complete, it names the record and the person', () => {
    expect(checkCopyRequest('CERT_REPEAT', { person: { surname: 'Раҳимов' } }, 'draft', { today }).ok).toBe(
      true,
    );
    expect(
      paths(checkCopyRequest('CERT_REPEAT', { person: { birthDate: '2999-01-01' } }, 'draft', { today })),
    ).toEqual(['person.birthDate:error.date.future']);
    expect(paths(checkCopyRequest('CERT_REPEAT', {}, 'complete', { today, scans: 1 }))).toEqual(
      expect.arrayContaining([
        'actKind:error.required',
        'relationship:error.required',
        'person:error.required',
      ]),
    );
    expect(checkCopyRequest('CERT_REPEAT', own, 'complete', { today, scans: 1 })).toEqual({
      ok: true,
      errors: [],
    });
  });

  it('goes to the person, a minor’s parent or guardian, a deceased person’s relative (handbook)', () => {
    const child = { ...own, relationship: 'minor', person: { ...own.person, birthDate: '2015-01-01' } };
    expect(checkCopyRequest('CERT_REPEAT', child, 'complete', { today, scans: 2 }).ok).toBe(true);
    expect(
      paths(
        checkCopyRequest('CERT_REPEAT', { ...child, person: own.person }, 'complete', { today, scans: 2 }),
      ),
    ).toEqual(['relationship:error.portal.copyNotMinor']);
    const death = { ...own, actKind: 'DEATH', relationship: 'self', deathDate: '2024-02-01' };
    expect(paths(checkCopyRequest('CERT_REPEAT', death, 'complete', { today, scans: 2 }))).toEqual([
      'relationship:error.portal.copyDeathRelative',
    ]);
    const relative = { ...death, relationship: 'deceased-relative' };
    expect(checkCopyRequest('CERT_REPEAT', relative, 'complete', { today, scans: 2 }).ok).toBe(true);
    expect(
      paths(
        checkCopyRequest('CERT_REPEAT', { ...relative, deathDate: undefined }, 'complete', {
          today,
          scans: 2,
        }),
      ),
    ).toEqual(['deathDate:error.required']);
    expect(
      paths(checkCopyRequest('CERT_REPEAT', { ...relative, deathDate: '1980-01-01' }, 'draft', { today })),
    ).toEqual(['deathDate:error.date.beforeBirth']);
  });

  it('needs the identity document, and a proof of kinship for another’s record; an extract says what for', () => {
    expect(paths(checkCopyRequest('CERT_REPEAT', own, 'complete', { today, scans: 0 }))).toEqual([
      'attachments:error.portal.copyScans',
    ]);
    const child = { ...own, relationship: 'minor', person: { ...own.person, birthDate: '2015-01-01' } };
    expect(checkCopyRequest('CERT_REPEAT', child, 'complete', { today, scans: 1 }).errors[0]).toEqual({
      path: ['attachments'],
      key: 'error.portal.copyScans',
      params: { min: 2 },
    });
    expect(paths(checkCopyRequest('EXTRACT', own, 'complete', { today, scans: 1 }))).toEqual([
      'purpose:error.required',
    ]);
    expect(
      checkCopyRequest('EXTRACT', { ...own, purpose: 'Барои суд' }, 'complete', { today, scans: 1 }).ok,
    ).toBe(true);
    expect(paths(checkCopyRequest('CERT_REPEAT', { ...own, purpose: 'x' }, 'draft', { today }))).toEqual([
      'purpose:error.portal.copyPurposeExtract',
    ]);
  });

  it('has its labels and messages in the three languages', () => {
    for (const r of COPY_RELATIONSHIPS)
      expect(Object.keys(COPY_RELATIONSHIP_LABELS[r])).toEqual(['tg', 'ru', 'en']);
    for (const key of [
      'copyDeathRelative',
      'copyDeathOnly',
      'copyNotMinor',
      'copyPurposeExtract',
      'copyScans',
    ])
      expect(isMessageKey(`error.portal.${key}`)).toBe(true);
  });
});

describe('the service of an application', () => {
  it('is its act’s registration, or the copy’s page', () => {
    expect(applicationService('BIRTH').slug).toBe('birth');
    expect(applicationService('NAME_CHANGE').slug).toBe('name-change');
    expect(applicationService('CERT_REPEAT').title.en).toBe('Repeat certificate');
    expect(applicationService('EXTRACT').slug).toBe('extract');
  });
});
