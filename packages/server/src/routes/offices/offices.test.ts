import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import adminUnits from '../../../../core/src/offices/admin-units.json' with { type: 'json' };
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

interface Office {
  id: string;
  parent: string | null;
  kind: string;
  numericCode: string;
  region: string | null;
  unit: string | null;
  name: { tg: string; ru: string; en: string };
  active: boolean;
}

let t: TestApp;
let front: Client;
let all: Office[];

beforeAll(async () => {
  t = await startTestApp();
  front = await t.as('front');
  const res = await front.get('/api/v1/offices');
  expect(res.status).toBe(200);
  all = res.body.items;
});
afterAll(() => t.close());

const byId = (id: string) => all.find((o) => o.id === id);
const ids = (items: Office[]) => items.map((o) => o.id).sort();

async function offices(query: string): Promise<Office[]> {
  const res = await front.get(`/api/v1/offices${query}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('the office tree', () => {
  it('has the central department at the root', () => {
    const roots = all.filter((o) => o.parent === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({
      id: 'HQ-00-00',
      kind: 'central',
      region: null,
      unit: null,
      active: true,
    });
    expect(roots[0]!.name.en).toContain('Civil Registration');
  });

  it('has the five regional departments under it, one per region of the JSON', () => {
    const regions = all.filter((o) => o.kind === 'region');
    expect(regions).toHaveLength(5);
    expect(adminUnits.regions).toHaveLength(5);
    expect(ids(regions)).toEqual(adminUnits.regions.map((r) => r.code).sort());
    for (const r of adminUnits.regions) {
      const office = byId(r.code)!;
      expect(office.parent).toBe('HQ-00-00');
      expect(office.region).toBe(r.code);
      expect(office.name.tg).toContain(r.tg);
      expect(office.name.ru).toContain(r.ru);
      expect(office.name.en).toContain(r.en);
    }
  });

  it('has a district office for every administrative unit, and no other', () => {
    const districts = all.filter((o) => o.kind === 'district');
    expect(districts).toHaveLength(adminUnits.units.length);
    expect(ids(districts)).toEqual(adminUnits.units.map((u) => `${u.code}-00`).sort());
    for (const u of adminUnits.units) {
      const office = byId(`${u.code}-00`);
      expect(office, u.code).toBeDefined();
      expect(office).toMatchObject({
        kind: 'district',
        parent: u.region,
        region: u.region,
        unit: u.code,
        active: true,
      });
      expect(office!.name.tg).toContain(u.tg);
      expect(office!.name.ru).toContain(u.ru);
      expect(office!.name.en).toContain(u.en);
    }
    // per region, too
    for (const r of adminUnits.regions) {
      expect(districts.filter((d) => d.region === r.code)).toHaveLength(
        adminUnits.units.filter((u) => u.region === r.code).length,
      );
    }
  });

  it('names every office in Tajik, Russian and English', () => {
    for (const o of all) {
      for (const lang of ['tg', 'ru', 'en'] as const)
        expect(o.name[lang].trim().length, `${o.id} ${lang}`).toBeGreaterThan(3);
    }
    const firdavsi = byId('DU-03-00')!;
    expect(firdavsi.name.tg).toContain('Фирдавсӣ');
    expect(firdavsi.name.ru).toContain('Фирдавси');
    expect(firdavsi.name.en).toContain('Firdavsi');
    expect(new Set([firdavsi.name.tg, firdavsi.name.ru, firdavsi.name.en]).size).toBe(3);
    expect(byId('SU-01-00')!.name.ru).toContain('Худжанд');
  });

  it('includes the demo jamoats, mobile office and consulate', () => {
    const jamoats = all.filter((o) => o.kind === 'jamoat');
    expect(ids(jamoats)).toEqual(['RA-13-01', 'RA-13-02', 'RA-13-03']);
    for (const j of jamoats) expect(j).toMatchObject({ parent: 'RA-13-00', region: 'RA', unit: 'RA-13' });
    expect(byId('RA-13-01')!.name).toEqual({
      tg: 'Ҷамоати деҳоти Чимтеппа',
      ru: 'Джамоат Чимтеппа',
      en: 'Chimteppa jamoat',
    });
    const mobile = all.filter((o) => o.kind === 'mobile');
    expect(mobile).toHaveLength(1);
    expect(mobile[0]).toMatchObject({ id: 'DU-03-90', parent: 'DU-03-00', region: 'DU', unit: 'DU-03' });
    const consulates = all.filter((o) => o.kind === 'consulate');
    expect(consulates).toHaveLength(1);
    expect(consulates[0]).toMatchObject({ id: 'CN-RU-01', parent: 'HQ-00-00' });
    expect(consulates[0]!.name.en).toContain('Moscow');
  });

  it('has nothing else: central + regions + districts + demo offices', () => {
    expect(all).toHaveLength(1 + adminUnits.regions.length + adminUnits.units.length + 3 + 1 + 1);
  });

  it('is a consistent tree: unique ids and numeric codes, every parent listed before its children', () => {
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
    expect(new Set(all.map((o) => o.numericCode)).size).toBe(all.length);
    for (const o of all) expect(o.numericCode, o.id).toMatch(/^\d{6}$/);
    const seen = new Set<string>();
    for (const o of all) {
      if (o.parent !== null) expect(seen.has(o.parent), `${o.parent} before ${o.id}`).toBe(true);
      seen.add(o.id);
    }
    const kinds = new Set(all.map((o) => o.kind));
    expect([...kinds].sort()).toEqual(['central', 'consulate', 'district', 'jamoat', 'mobile', 'region']);
  });

  it('gives a jamoat a numeric code under its district', () => {
    expect(byId('RA-13-00')!.numericCode).toBe('051300');
    expect(byId('RA-13-01')!.numericCode).toBe('051301');
    expect(byId('DU-03-00')!.numericCode).toBe('010300');
  });
});

describe('filters', () => {
  it.each(['central', 'region', 'district', 'jamoat', 'mobile', 'consulate'])(
    'kind=%s lists exactly the offices of that kind',
    async (kind) => {
      const items = await offices(`?kind=${kind}`);
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((o) => o.kind === kind)).toBe(true);
      expect(ids(items)).toEqual(ids(all.filter((o) => o.kind === kind)));
    },
  );

  it('parent lists the children of an office', async () => {
    expect(ids(await offices('?parent=RA-13-00'))).toEqual(['RA-13-01', 'RA-13-02', 'RA-13-03']);
    expect(ids(await offices('?parent=DU-03-00'))).toEqual(['DU-03-90']);
    expect(ids(await offices('?parent=HQ-00-00'))).toEqual(['CN-RU-01', 'DU', 'GB', 'KT', 'RA', 'SU']);
    const sughd = await offices('?parent=SU');
    expect(sughd).toHaveLength(adminUnits.units.filter((u) => u.region === 'SU').length);
    expect(await offices('?parent=NO-SUCH')).toEqual([]);
  });

  it('kind and parent combine', async () => {
    expect(ids(await offices('?kind=consulate&parent=HQ-00-00'))).toEqual(['CN-RU-01']);
    expect(ids(await offices('?kind=region&parent=HQ-00-00'))).toEqual(['DU', 'GB', 'KT', 'RA', 'SU']);
    expect(await offices('?kind=jamoat&parent=DU-03-00')).toEqual([]);
    const du = await offices('?kind=district&parent=DU');
    expect(ids(du)).toEqual(
      adminUnits.units
        .filter((u) => u.region === 'DU')
        .map((u) => `${u.code}-00`)
        .sort(),
    );
  });

  it('region lists the offices of one region', async () => {
    const du = await offices('?region=DU');
    expect(du.every((o) => o.region === 'DU')).toBe(true);
    expect(ids(du)).toEqual(['DU', 'DU-00-00', 'DU-01-00', 'DU-02-00', 'DU-03-00', 'DU-03-90', 'DU-04-00']);
  });

  it('refuses an unknown kind or parameter with a 400 problem', async () => {
    const bad = await front.get('/api/v1/offices?kind=embassy');
    expect(bad.status).toBe(400);
    expect(String(bad.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors[0]).toMatchObject({ path: 'querystring.kind', key: 'error.choice' });
    const unknown = await front.get('/api/v1/offices?country=TJ');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'querystring.country', key: 'error.unknownField' });
  });

  it('is for signed-in users only', async () => {
    const res = await t.anonymous().get('/api/v1/offices');
    expect(res.status).toBe(401);
    expect(res.body.key).toBe('problem.unauthenticated');
  });
});
