/**
 * The demo registry (`sabt start --demo`, `npm start`): a few thousand registered records of
 * families over a century made by the benchmark's generator (demo-bulk.ts), and around them a
 * handful of cases taken through the real API by the demo users — drafts, records waiting in each
 * queue, an amendment approved and one pending, an adoption (which seals), a paternity and a
 * divorce linked to their earlier records, a possible duplicate waiting for review, blanks received,
 * some spoiled and written off, some handed over by a district to its jamoat, certificates issued. Loaded once per database: a marker entry in
 * the audit log, written with the bulk, says it is there. Never loaded by the test harness.
 */
import {
  addDays,
  adoptionKind,
  type BirthData,
  divorceKind,
  marriageKind,
  paternityKind,
  todayIn,
} from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/connect.ts';
import { type BulkResult, writeBulk } from './demo-bulk.ts';
import { handOverDesks, ok, signIn } from './demo-clerks.ts';
import { DEMO_JAMOAT_ID, DEMO_OFFICE_ID } from './demo-data.ts';
import type { GenRecord } from './generator/registry.ts';
import { Rng } from './generator/rng.ts';
import { birthOf, NEWBORNS, type Person } from './showcase-people.ts';

export const DEMO_REGISTRY_EVENT = 'demo.registry-loaded';
const DEMO_UNIT = 'DU-03';
/** The demo's offices are in Dushanbe. */
const DEMO_TIME_ZONE = 'Asia/Dushanbe';

export interface DemoRegistryOptions {
  /** About this many generated records (whole families; default 3000). */
  records?: number;
  seed?: number;
  /** The civil date the showcase takes as today (default: today in Dushanbe). */
  today?: string;
}

export interface DemoRegistryResult {
  loaded: boolean;
  records: number;
  byKind: Record<string, number>;
  seconds: number;
}

/** Whether this database already has the demo registry. */
export async function hasDemoRegistry(dbx: Db): Promise<boolean> {
  const row = await dbx.db
    .selectFrom('audit_log')
    .select('seq')
    .where('event', '=', DEMO_REGISTRY_EVENT)
    .executeTakeFirst();
  return Boolean(row);
}

/** Loads the demo registry into a database that has the demo users (loadDemoData) and none yet. */
export async function loadDemoRegistry(
  app: FastifyInstance,
  dbx: Db,
  opts: DemoRegistryOptions = {},
): Promise<DemoRegistryResult> {
  const t0 = performance.now();
  if (await hasDemoRegistry(dbx)) return { loaded: false, records: 0, byKind: {}, seconds: 0 };
  const users = await dbx.db
    .selectFrom('users')
    .select(['id', 'login'])
    .where('login', 'in', ['front', 'back', 'registrar'])
    .execute();
  const id = (login: string) => {
    const u = users.find((x) => x.login === login);
    if (!u) throw new Error(`the demo user ${login} is missing: load the demo data first`);
    return u.id;
  };
  const rng = new Rng(opts.seed ?? 20261206);
  const actors = {
    officeId: DEMO_OFFICE_ID,
    front: id('front'),
    back: id('back'),
    registrar: id('registrar'),
  };
  const bulk = await dbx.db.transaction().execute(async (trx) => {
    const res = await writeBulk(trx, rng, opts.records ?? 3000, actors, DEMO_UNIT);
    await appendAudit(trx, [
      {
        event: DEMO_REGISTRY_EVENT,
        actorId: null,
        actorLogin: null,
        officeId: DEMO_OFFICE_ID,
        detail: { records: res.records, byKind: res.byKind, seed: opts.seed ?? 20261206 },
      },
    ]);
    return res;
  });
  const shown = await showcase(app, opts.today ?? todayIn(DEMO_TIME_ZONE), bulk, rng);
  await handOverDesks(app, dbx.db);
  const byKind = { ...bulk.byKind };
  for (const [k, n] of Object.entries(shown)) byKind[k] = (byKind[k] ?? 0) + n;
  return {
    loaded: true,
    records: Object.values(byKind).reduce((a, b) => a + b, 0),
    byKind,
    seconds: (performance.now() - t0) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------------
// The showcase

async function showcase(
  app: FastifyInstance,
  today: string,
  bulk: BulkResult,
  rng: Rng,
): Promise<Record<string, number>> {
  const front = await signIn(app, 'front');
  const back = await signIn(app, 'back');
  const registrar = await signIn(app, 'registrar');
  const head = await signIn(app, 'head');
  const count: Record<string, number> = {};
  const create = async (kind: string, data: unknown) => {
    count[kind] = (count[kind] ?? 0) + 1;
    return (await ok(`create ${kind}`, front.post('/records', { kind, data }))).id as string;
  };
  const submit = (id: string) => ok('submit', front.post(`/records/${id}/submit`));
  const validate = (id: string) => ok('validate', back.post(`/records/${id}/validate`));
  let payments = 0;
  /**
   * A payable service paid at the front office first: a registration, or a service on request (a
   * repeat certificate, an amendment); the charge computed, the money taken (cash or terminal).
   */
  const pay = async (id: string, purpose: 'registration' | 'certificate' | 'amendment' = 'registration') => {
    let fees = await ok('fees', front.get(`/records/${id}/fees`));
    // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
    const open = (c: any) => c.purpose === purpose && !c.spent;
    if (purpose === 'registration' && fees.registrationSettled) return;
    // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
    const asked = fees.onRequest.find((x: any) => x.purpose === purpose);
    if (purpose !== 'registration' && (!asked || asked.settled)) return;
    if (!fees.charges.some(open)) {
      fees = await ok(
        'charge',
        front.post(`/records/${id}/fees/charges`, { purpose, ...(asked ? { service: asked.service } : {}) }),
      );
    }
    const charge = fees.charges.find(open);
    const byTerminal = payments++ % 2 === 1;
    await ok(
      'payment',
      front.post(`/records/${id}/fees/entries`, {
        chargeId: charge.id,
        kind: 'payment',
        amountMinor: charge.balance.somoni.outstanding,
        method: byTerminal ? 'terminal' : 'cash',
        ...(byTerminal ? { externalReference: `TRM-${String(400000 + payments * 7919).slice(0, 6)}` } : {}),
      }),
    );
  };
  const register = async (id: string) => {
    await pay(id);
    return ok('register', registrar.post(`/records/${id}/register`));
  };
  const through = async (kind: string, data: unknown) => {
    const id = await create(kind, data);
    await submit(id);
    await validate(id);
    return register(id);
  };

  // Blank stock: batches received by the head, one blank spoiled and one lost (written off by the
  // head on the clerks' reports), one spoiled report waiting for the head.
  for (const [document, to] of [
    ['BIRTH_CERTIFICATE', '000100'],
    ['MARRIAGE_CERTIFICATE', '000050'],
    ['DIVORCE_CERTIFICATE', '000030'],
    ['DEATH_CERTIFICATE', '000050'],
    ['ADOPTION_CERTIFICATE', '000010'],
    ['PATERNITY_CERTIFICATE', '000010'],
    ['NAME_CHANGE_CERTIFICATE', '000020'],
  ] as const) {
    await ok(
      `receive ${document}`,
      head.post('/blanks/batches', { document, series: 'I-ДУ', from: '000001', to }),
    );
  }
  const births = (await ok('blanks', front.get('/blanks?document=BIRTH_CERTIFICATE&status=IN_STOCK')))
    .items as { id: string; number: string }[];
  const blank = (n: string) => births.find((b) => b.number === n)!.id;
  await ok(
    'spoil',
    front.post(`/blanks/${blank('000001')}/spoil`, { reason: 'Коғаз дар чопгар дарида шуд' }),
  );
  await ok('confirm', head.post(`/blanks/${blank('000001')}/spoil/confirm`));
  await ok(
    'lost',
    registrar.post(`/blanks/${blank('000002')}/spoil`, {
      reason: 'Бланк ҳангоми интиқол аз анбор гум шуд',
      lost: true,
    }),
  );
  await ok('confirm', head.post(`/blanks/${blank('000002')}/spoil/confirm`));
  await ok(
    'spoil',
    registrar.post(`/blanks/${blank('000003')}/spoil`, { reason: 'Ҳангоми чоп рангпошак доғ гузошт' }),
  );

  // Newborns: registered (two with certificates, one handed over), validated, submitted, drafts, one
  // sent back to the front office.
  const born = NEWBORNS.map(([c, m, f], i) => {
    const birthDate = addDays(today, -(40 - i * 4));
    return birthOf(
      { ...c, birthDate },
      m,
      f,
      `103-${birthDate.slice(0, 4)}-${String(700 + i).padStart(5, '0')}`,
    );
  });
  const registered = [];
  for (const data of born.slice(0, 3)) registered.push(await through('BIRTH', data));
  for (const r of registered.slice(0, 2)) {
    const cert = await ok('issue', registrar.post(`/records/${r.id}/certificates`, { mode: 'full' }));
    if (r === registered[0])
      await ok(
        'receipt',
        registrar.post(`/certificates/${cert.id}/receipt`, {
          name: `${r.data.mother.surname} ${r.data.mother.name} ${r.data.mother.patronymic}`,
          idDocument: r.data.mother.idDocument,
        }),
      );
  }
  for (const data of born.slice(3, 5)) {
    const id = await create('BIRTH', data);
    await submit(id);
    await validate(id);
  }
  for (const data of born.slice(5, 7)) await submit(await create('BIRTH', data));
  const sentBack = await create('BIRTH', born[7]);
  await submit(sentBack);
  await ok(
    'reject',
    back.post(`/records/${sentBack}/reject`, {
      reason: 'Рақами маълумотномаи таваллуд бо нусхаи пешниҳодшуда мувофиқ нест',
    }),
  );
  await create('BIRTH', born[8]);
  const partial = structuredClone(born[0]!) as Partial<BirthData>;
  delete partial.father;
  delete partial.fatherBasis;
  await create('BIRTH', {
    child: { ...partial.child, name: 'Умед', sex: 'M', birthDate: addDays(today, -3) },
    mother: { ...partial.mother, surname: 'Раҳимова', name: 'Нозия' },
  });

  // An amendment approved by the registrar, and one waiting for the registrar.
  const basis = { type: 'APPLICATION', number: '17', date: addDays(today, -6), issuer: 'Каримова Ш. Р.' };
  await ok(
    'amendment',
    front.post(`/records/${registered[0].id}/amendments`, {
      patch: { child: { name: 'Сомонҷон' } },
      reason: 'Номи кӯдак дар ариза бо хатои имлоӣ навишта шуда буд',
      basis,
    }),
  );
  await pay(registered[0].id, 'amendment');
  await ok('approve', registrar.post(`/records/${registered[0].id}/amendments/approve`));
  await ok(
    'amendment',
    front.post(`/records/${registered[1].id}/amendments`, {
      patch: { mother: { patronymic: 'Умидовна' } },
      reason: 'Номи падари модар дар шиноснома дигар аст',
      basis: { ...basis, number: '21', issuer: 'Ҳасанова Н. У.' },
    }),
  );

  // An adoption: the child's birth record, then the court's adoption, which seals the earlier data.
  const ad = structuredClone(adoptionKind.example);
  await through(
    'BIRTH',
    birthOf(
      { ...ad.childBefore, patronymic: '', sex: 'M' } as Person & { sex: 'M' },
      { surname: 'Ҳамидова', name: 'Зарина', patronymic: 'Олимовна', birthDate: '2003-01-17' },
      undefined,
      '104-2022-01187',
    ),
  );
  await through('ADOPTION', { ...ad, childAfter: { ...ad.childAfter, birthDate: '2022-08-20' } });

  // Paternity: a birth with no father named, then the father's and mother's joint application.
  const pa = structuredClone(paternityKind.example);
  await through(
    'BIRTH',
    birthOf(
      { ...pa.childBefore, patronymic: '' } as Person & { sex: 'F' },
      pa.mother as Person,
      undefined,
      '103-2024-02210',
    ),
  );
  await through('PATERNITY', pa);

  // A marriage of 2012, dissolved now.
  const dv = structuredClone(divorceKind.example);
  const mx = structuredClone(marriageKind.example);
  const spouse = (p: typeof dv.husband, before: string, after: string) => ({
    ...mx.husband,
    surnameBefore: before,
    surnameAfter: after,
    name: p.name,
    patronymic: p.patronymic,
    birthDate: p.birthDate,
    birthPlace: p.birthPlace,
    residence: p.residence,
    idDocument: p.idDocument,
    previousMaritalStatus: 'NEVER_MARRIED',
  });
  const marriage = await through('MARRIAGE', {
    ...mx,
    husband: spouse(dv.husband, 'Юсуфов', 'Юсуфов'),
    wife: spouse(dv.wife, 'Раҷабова', 'Юсуфова'),
    applicationDate: '2012-07-10',
    registrationDate: '2012-08-18',
    applicant: { type: 'SPOUSE', surname: 'Юсуфов', name: dv.husband.name },
  });
  const divorceApplied = addDays(today, -45);
  await through('DIVORCE', {
    ...dv,
    marriageRecordId: marriage.id,
    marriage: { number: String(marriage.number), date: '2012-08-18', office: DEMO_OFFICE_ID },
    applicationDate: divorceApplied,
    marriageEndDate: addDays(divorceApplied, 35),
  });

  // The jamoat has no head to receive blanks: the Rudaki district's head receives them and hands
  // some over to the jamoat, whose registrar prints on them.
  const rudaki = await signIn(app, 'rudaki');
  for (const [document, to, handed] of [
    ['BIRTH_CERTIFICATE', '000050', '000020'],
    ['DEATH_CERTIFICATE', '000020', '000010'],
    ['MARRIAGE_CERTIFICATE', '000020', '000010'],
  ] as const) {
    await ok(
      `rudaki receive ${document}`,
      rudaki.post('/blanks/batches', { document, series: 'I-РД', from: '000001', to }),
    );
    await ok(
      `rudaki hand over ${document}`,
      rudaki.post('/blanks/transfers', {
        toOffice: DEMO_JAMOAT_ID,
        document,
        series: 'I-РД',
        from: '000001',
        to: handed,
        note: 'Бо мошини ҷамоат бурда шуд',
      }),
    );
  }

  // The jamoat's registrar works alone: one birth registered (flagged self-registered), one draft.
  const jamoat = await signIn(app, 'jamoat');
  const village = { country: 'TJ', unit: 'RA-13', settlement: 'Чимтеппа' };
  const villagers: [Person & { sex: 'M' | 'F' }, Person, Person][] = [
    [
      {
        surname: 'Мирзозода',
        name: 'Меҳрона',
        patronymic: 'Сафар',
        sex: 'F',
        birthDate: addDays(today, -15),
      },
      { surname: 'Мирзоева', name: 'Гулчеҳра', patronymic: 'Ашуровна', birthDate: '1998-03-14' },
      { surname: 'Мирзозода', name: 'Сафар', patronymic: 'Назарович', birthDate: '1995-09-01' },
    ],
    [
      { surname: 'Каримзода', name: 'Ориф', patronymic: 'Азиз', sex: 'M', birthDate: addDays(today, -6) },
      { surname: 'Каримова', name: 'Ситора', patronymic: 'Юсуфовна', birthDate: '2000-06-21' },
      { surname: 'Каримзода', name: 'Азиз', patronymic: 'Рауфович', birthDate: '1997-11-11' },
    ],
  ];
  for (const [i, [c, m, f]] of villagers.entries()) {
    const data = birthOf(c, m, f, `RA-${c.birthDate.slice(0, 4)}-${String(31 + i).padStart(5, '0')}`);
    data.child.birthPlace = { ...village, address: 'Маркази саломатии деҳа' };
    for (const parent of [data.mother, data.father])
      if (parent) parent.residence = { ...village, address: `кӯчаи Истиқлол ${12 + i}` };
    count.BIRTH = (count.BIRTH ?? 0) + 1;
    const id = (await ok('jamoat create', jamoat.post('/records', { kind: 'BIRTH', data }))).id as string;
    if (i > 0) continue;
    for (const step of ['submit', 'validate', 'register'])
      await ok(`jamoat ${step}`, jamoat.post(`/records/${id}/${step}`));
  }

  // A possible duplicate: a late application repeating a birth the registry already has.
  const original = pick(bulk.sampleBirths, rng);
  if (original) {
    const data = structuredClone(original.data) as unknown as BirthData;
    data.birthBasis = { ...data.birthBasis, number: `${data.birthBasis.number}-Д` };
    const twin = await create('BIRTH', data);
    await submit(twin);
  }
  return count;
}

function pick(xs: GenRecord[], rng: Rng): GenRecord | undefined {
  return xs.length ? rng.pick(xs) : undefined;
}
