import { type Flag, fieldLabelAt, ROLE_LABELS, type Role, type Status } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useActKinds } from '../../../lib/act-kinds.ts';
import { officesQuery } from '../../../lib/offices.ts';
import { type FormatContext, formatValue, pathLabel } from '../labels/index.ts';
import { useRecordMessages } from '../messages.ts';

/** Names of act kinds, offices, roles, statuses and flags, and value formatting, in the user's language. */
export function useLabels() {
  const { t } = useTranslation();
  const { m, lang } = useRecordMessages();
  const { data: kinds } = useActKinds();
  const { data: offices } = useQuery(officesQuery());

  const officeName = useCallback(
    (id: string | null | undefined) => {
      if (!id) return undefined;
      return offices?.find((o) => o.id === id)?.name[lang];
    },
    [offices, lang],
  );

  const format: FormatContext = useMemo(
    () => ({ locale: lang, yes: m.data.yes, no: m.data.no, officeName }),
    [lang, m, officeName],
  );

  return {
    m,
    lang,
    kindLabel: (code: string) => kinds?.find((k) => k.code === code)?.labels[lang] ?? code,
    officeName: (id: string | null | undefined) => (id ? (officeName(id) ?? id) : '—'),
    roleLabel: (role: Role | null | undefined) => (role ? (ROLE_LABELS[role]?.[lang] ?? role) : ''),
    statusLabel: (status: Status | null | undefined) => (status ? t(`status.${status}`) : '—'),
    flagLabel: (flag: Flag | string) =>
      m.flags[flag] ?? t(`flag.${flag}` as 'flag.rejected', { defaultValue: flag }),
    pathLabel: (kind: string, path: string | readonly string[]) => pathLabel(kind, path, lang),
    /** The label of a data path of a request (`basis.number`), from core's label catalogue. */
    fieldLabel: (path: string) => fieldLabelAt('', path)?.[lang] ?? path,
    value: (segments: readonly string[], value: unknown) => formatValue(segments, value, format),
    format,
  };
}

export type Labels = ReturnType<typeof useLabels>;
