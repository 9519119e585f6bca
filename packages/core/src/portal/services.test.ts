import { describe, expect, it } from 'vitest';
import { FEE_SERVICE_DEFINITIONS } from '../fees/catalogue.ts';
import { LOCALES } from '../i18n/locale.ts';
import { officeKindsOffering, PORTAL_SERVICE_INFO, PORTAL_SERVICES, servicesAt } from './services.ts';

describe('the services the portal describes', () => {
  it('names each in the three languages, with who applies, what to bring, the deadline and the time it takes', () => {
    for (const slug of PORTAL_SERVICES) {
      const info = PORTAL_SERVICE_INFO[slug];
      expect(info.slug).toBe(slug);
      expect(info.who.length).toBeGreaterThan(0);
      expect(info.documents.length).toBeGreaterThan(0);
      for (const text of [
        info.title,
        info.summary,
        info.deadline,
        info.duration,
        ...info.who,
        ...info.documents,
      ])
        for (const l of LOCALES) expect(text[l].trim().length, `${slug} ${l}`).toBeGreaterThan(1);
    }
  });

  it('prices each by fee services of the catalogue that concern the same act', () => {
    for (const slug of PORTAL_SERVICES) {
      const info = PORTAL_SERVICE_INFO[slug];
      expect(info.fees.length).toBeGreaterThan(0);
      for (const code of info.fees) {
        const fee = FEE_SERVICE_DEFINITIONS[code];
        expect(fee, code).toBeDefined();
        if (info.actKind) expect(fee.actKind).toBe(info.actKind);
      }
    }
  });

  it('offers at a jamoat the four acts it registers, and nothing of records or certificates', () => {
    expect(servicesAt('jamoat')).toEqual(['birth', 'death', 'marriage', 'paternity']);
    expect(servicesAt('district')).toEqual([...PORTAL_SERVICES]);
    expect(servicesAt('consulate')).toEqual([...PORTAL_SERVICES]);
    expect(officeKindsOffering('divorce')).toEqual(['district', 'mobile', 'consulate']);
    expect(officeKindsOffering('birth')).toContain('jamoat');
    expect(servicesAt('central')).toEqual([]);
  });
});
