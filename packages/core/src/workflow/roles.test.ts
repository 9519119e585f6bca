import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, ROLES } from './roles.ts';

describe('role names', () => {
  it('name every role in the three languages', () => {
    for (const role of ROLES) {
      for (const lang of ['tg', 'ru', 'en'] as const)
        expect(ROLE_LABELS[role][lang].length).toBeGreaterThan(2);
    }
  });

  it('name the person, not the place or the product, in Tajik', () => {
    // "Бойгон" is the archive itself and "Омормуҳаррир" no Tajik reader's word for a statistician.
    expect(ROLE_LABELS.archivist.tg).toBe('Корманди бойгонӣ');
    expect(ROLE_LABELS.statistician.tg).toBe('Мутахассиси омор');
  });
});
