/** The labelled query set: reservoir sampling, name groups (ground truth), queries and duplicate probes. */

import { addYears, LAST_DAY, minDate } from '../../packages/server/src/demo/generator/dates.ts';
import {
  bgnLatin,
  FEMALE_NAMES,
  icaoRu,
  looseVariant,
  MALE_NAMES,
  type NameForm,
  passportLatin,
  type Sex,
  surnameOf,
  typo,
  uzbekLatin,
} from '../../packages/server/src/demo/generator/names.ts';
import { namesAt } from '../../packages/server/src/demo/generator/people.ts';
import type { GenRecord, Mention } from '../../packages/server/src/demo/generator/registry.ts';
import type { Rng } from '../../packages/server/src/demo/generator/rng.ts';
import type { DuplicateProbe, NameQuery, Variant } from '../query-set.ts';

export class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;
  private readonly size: number;
  private readonly rng: Rng;
  constructor(size: number, rng: Rng) {
    this.size = size;
    this.rng = rng;
  }
  offer(make: () => T): void {
    this.seen++;
    if (this.items.length < this.size) this.items.push(make());
    else {
      const j = this.rng.int(this.seen);
      if (j < this.size) this.items[j] = make();
    }
  }
}

export interface Group {
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
  sexOf: Sex;
  ids: string[];
  forms: { surname: NameForm; name: NameForm; patronymic: NameForm };
}

function formOf(tg: string, pool: readonly NameForm[]): NameForm | undefined {
  return pool.find((n) => n.tg === tg);
}

/** The key of a name group: one person under one of their names. */
export const groupKey = (m: Mention) => `${m.person.idx}|${m.surname}|${m.name}`;

/** The ground truth of whole families: each person under each name, and the records that name them. */
export function groupsOf(recs: GenRecord[]): Map<string, Group> {
  const byGroup = new Map<string, Group>();
  for (const rec of recs) {
    for (const m of rec.mentions) {
      const key = groupKey(m);
      let g = byGroup.get(key);
      if (!g) {
        const at = namesAt(m.person, m.person.birthDate);
        const surnameForm = [
          at.surname,
          ...[m.person.married, m.person.change]
            .filter((x) => !!x)
            .map((x) => surnameOf(x!.root, x!.suffix, m.person.sex)),
        ].find((n) => n.tg === m.surname)!;
        const patronymicForm =
          m.patronymic === m.person.patronymic.tg ? m.person.patronymic : m.person.change!.patronymic;
        g = {
          surname: m.surname,
          name: m.name,
          patronymic: m.patronymic,
          birthDate: m.person.birthDate,
          sexOf: m.person.sex,
          ids: [],
          forms: {
            surname: surnameForm,
            name: formOf(m.name, m.person.sex === 'M' ? MALE_NAMES : FEMALE_NAMES) ?? m.person.name,
            patronymic: patronymicForm,
          },
        };
        byGroup.set(key, g);
      }
      if (!g.ids.includes(rec.id)) g.ids.push(rec.id);
    }
  }
  return byGroup;
}

/** The spelling of a name part in a query variant. */
function spell(variant: Variant, n: NameForm): string {
  switch (variant) {
    case 'ru':
      return n.ru;
    case 'passport':
      return passportLatin(n.tg);
    case 'bgn':
      return bgnLatin(n.tg);
    case 'uzbek':
      return uzbekLatin(n.tg);
    case 'icao-ru':
      return icaoRu(n.ru);
    default:
      return passportLatin(n.tg);
  }
}

export function makeQuery(rng: Rng, id: number, variant: Variant, g: Group): NameQuery {
  const f = g.forms;
  let surname = spell(variant, f.surname);
  let name = spell(variant, f.name);
  let patronymic = spell(variant, f.patronymic);
  if (variant === 'loose') {
    const loose = looseVariant(passportLatin(f.name.tg));
    const looseS = looseVariant(passportLatin(f.surname.tg));
    if (loose) name = loose;
    else if (looseS) surname = looseS;
  } else if (variant === 'typo') {
    surname = f.surname.tg;
    name = f.name.tg;
    patronymic = f.patronymic.tg;
    if (rng.chance(0.6)) surname = typo(rng, surname);
    else name = typo(rng, name);
  }
  const withPatronymic = rng.chance(0.3);
  return {
    id,
    variant,
    query: { surname, name, ...(withPatronymic ? { patronymic } : {}), birthDate: g.birthDate },
    full: { surname, name, patronymic },
    source: { surname: g.surname, name: g.name, patronymic: g.patronymic, birthDate: g.birthDate },
    truth: g.ids,
  };
}

/** A new birth record that repeats an existing one in another spelling (or a new event). */
export function duplicateProbe(
  rng: Rng,
  rec: GenRecord,
  forms: Group['forms'] | undefined,
  fresh: boolean,
): DuplicateProbe {
  const data = structuredClone(rec.data) as {
    child: Record<string, string>;
    mother: Record<string, string>;
  };
  const variant = rng.pick(['ru', 'passport', 'tg', 'icao-ru'] as const);
  if (forms) {
    const sp = (n: NameForm) => (variant === 'tg' ? n.tg : spell(variant, n));
    data.child.surname = sp(forms.surname);
    data.child.name = sp(forms.name);
    data.child.patronymic = sp(forms.patronymic);
  }
  if (fresh) {
    // another child of the same mother, a few years later: not a duplicate
    const born = addYears(data.child.birthDate!, 3);
    (data.child as Record<string, unknown>).birthDate = minDate(born, LAST_DAY);
    (data as unknown as { birthBasis: { date: string } }).birthBasis.date = data.child.birthDate!;
    data.child.name = rng.zipf(data.child.sex === 'M' ? MALE_NAMES : FEMALE_NAMES).tg;
  }
  return { kind: 'BIRTH', data, expect: fresh ? null : rec.id, variant: fresh ? 'new-event' : variant };
}
