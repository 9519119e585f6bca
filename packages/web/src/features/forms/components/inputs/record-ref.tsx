import { Text } from '@mantine/core';
import { type ActKindCode, formatDate, getActKind, type Locale } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { officesQuery } from '../../../../lib/offices.ts';
import { type RecordView, recordQuery } from '../../../../lib/records.ts';
import { recordDate } from '../../catalogue/lookups.ts';
import { fmt, MESSAGES } from '../../messages.ts';
import { useForm } from '../form-context.tsx';

const fullName = (...parts: unknown[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');

/** Who a record is about, in one line (both spouses for a marriage). */
export function personsOf(kind: ActKindCode, data: Record<string, unknown> | null): string {
  if (!data) return '';
  if (kind === 'MARRIAGE' || kind === 'DIVORCE') {
    const h = (data.husband ?? {}) as Record<string, unknown>;
    const w = (data.wife ?? {}) as Record<string, unknown>;
    return [
      fullName(h.surnameAfter ?? h.surnameBefore, h.name, h.patronymic),
      fullName(w.surnameBefore, w.name, w.patronymic),
    ]
      .filter(Boolean)
      .join(' — ');
  }
  const s = getActKind(kind)?.summary(data as never);
  return s ? fullName(s.surname, s.name, s.patronymic) : '';
}

export function useOfficeName() {
  const { data } = useQuery(officesQuery());
  return (id: string, lang: Locale) => data?.find((o) => o.id === id)?.name[lang] ?? id;
}

/** "Birth № 5, 2025 · DU-03-00 · Раҳимзода Фарзона" for a linked record. */
export function describeRecord(
  r: RecordView,
  lang: Locale,
  officeName: (id: string, lang: Locale) => string,
) {
  const m = MESSAGES[lang];
  const kind = getActKind(r.kind)?.labels[lang] ?? r.kind;
  const ref =
    r.number !== null ? fmt(m.lookup.ref, { number: r.number, year: r.year ?? '' }) : m.lookup.noNumber;
  const date = recordDate({ ...r, data: r.data });
  return [kind, ref, date ? formatDate(date) : '', officeName(r.office, lang), personsOf(r.kind, r.data)]
    .filter(Boolean)
    .join(' · ');
}

/** A linked record, loaded by id. */
export function RecordRef({ id }: { id: string }) {
  const f = useForm();
  const office = useOfficeName();
  const q = useQuery(recordQuery(id));
  if (q.isPending) return <Text size="sm">{f.m.lookup.loading}</Text>;
  if (q.isError)
    return (
      <Text size="sm" c="red.8">
        {fmt(f.m.lookup.failed, { reason: q.error.message })}
      </Text>
    );
  return (
    <Text size="sm" fw={500}>
      {describeRecord(q.data.record, f.lang, office)}
    </Text>
  );
}
