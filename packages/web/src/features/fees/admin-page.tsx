import { Alert, Group, NativeSelect, Pagination, Stack, Text } from '@mantine/core';
import {
  FEE_ITEM_KINDS,
  FEE_SERVICE_DEFINITIONS,
  FEE_SERVICES,
  type FeeItemKind,
  type FeeLineKind,
  type FeeService,
  type FeeVersion,
  feeRules,
  formatDate,
  formatMinor,
  itemsAt,
  mayAdministerFees,
  todayIn,
} from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Heading } from '../../components/heading.tsx';
import { meQuery } from '../../lib/auth.ts';
import { TIME_ZONE } from '../../lib/dates.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { feeVersionsQuery } from './api.ts';
import { UnverifiedMark } from './components/fee-result.tsx';
import { VersionForm } from './components/version-form.tsx';
import { useFeeMessages } from './messages.ts';

/** Versions of one kind on a page: the shipped fee lines alone are some eighty. */
const VERSIONS_PER_PAGE = 25;

/**
 * The fee rules' administration (`/fees/admin`, central administrators): every version, shipped and
 * stored, by kind; a new dated version with the preview of what it changes for which service.
 */
export default function FeeAdminPage() {
  const { m, lang, serviceLabel, lineLabel } = useFeeMessages();
  const a = m.admin;
  const { t } = useTranslation();
  usePageTitle(a.title);
  const me = useQuery(meQuery());
  const allowed = me.data ? mayAdministerFees(me.data.role) : false;
  const versions = useQuery({ ...feeVersionsQuery(), enabled: allowed });
  const [kind, setKind] = useState<FeeItemKind>('line');
  const [service, setService] = useState('');
  const [page, setPage] = useState(1);
  const today = todayIn(TIME_ZONE);
  const categories = useMemo(
    () =>
      versions.data
        ? itemsAt(feeRules(versions.data.filter((v) => v.source === 'stored')), 'category', today).map(
            (c) => ({
              key: c.key,
              label: c.value.labels[lang],
            }),
          )
        : [],
    [versions.data, today, lang],
  );

  const keyLabel = (v: FeeVersion) => {
    if (v.kind === 'line') {
      const [s, k] = v.key.split('.') as [FeeService, FeeLineKind];
      return `${FEE_SERVICE_DEFINITIONS[s] ? serviceLabel(s) : s} — ${lineLabel(k)}`;
    }
    if (v.kind === 'exemption' || v.kind === 'category') return v.value.labels[lang];
    if (v.kind === 'consular') return v.key === '*' ? a.anyService : serviceLabel(v.key as FeeService);
    return a.kinds.pdr;
  };
  const valueLabel = (v: FeeVersion) => {
    switch (v.kind) {
      case 'pdr':
        return `${formatMinor(v.value.diram)} ${m.calculator.somoni}`;
      case 'line':
        return `${v.value.pdr} × PDR`;
      case 'consular':
        return `${formatMinor(v.value.minor)} USD`;
      case 'category':
        return v.value.active ? a.active : '—';
      case 'exemption':
        return `${v.value.percent} %: ${v.value.lines.map(lineLabel).join(', ')}`;
    }
  };
  const columns: Column<FeeVersion>[] = [
    { header: a.key, cell: keyLabel, rowHeader: true },
    { header: a.value, cell: valueLabel, nowrap: true },
    { header: a.validFrom, cell: (v) => formatDate(v.validFrom), nowrap: true },
    { header: a.validTo, cell: (v) => (v.validTo ? formatDate(v.validTo) : '—'), nowrap: true },
    {
      header: m.calculator.basis,
      cell: (v) => (
        <Stack gap={2} align="flex-start">
          <Text size="sm">{v.basis[lang]}</Text>
          {!v.verified && <UnverifiedMark />}
        </Stack>
      ),
    },
    {
      header: a.source,
      cell: (v) => (
        <Stack gap={0}>
          <Text size="sm">{v.source === 'default' ? a.shipped : a.storedBy(v.recordedBy ?? '—')}</Text>
          <Text size="xs" c="dimmed">
            {v.id}
          </Text>
        </Stack>
      ),
    },
  ];
  const ofKind = (versions.data ?? [])
    .filter((v) => v.kind === kind && (kind !== 'line' || !service || v.key.startsWith(`${service}.`)))
    .sort((x, y) => (x.key === y.key ? (x.validFrom < y.validFrom ? 1 : -1) : x.key < y.key ? -1 : 1));
  const pages = Math.max(1, Math.ceil(ofKind.length / VERSIONS_PER_PAGE));
  const at = Math.min(page, pages);
  const shown = ofKind.slice((at - 1) * VERSIONS_PER_PAGE, at * VERSIONS_PER_PAGE);

  return (
    <Stack gap="lg">
      <Heading title={a.title} intro={a.intro} introMaw={760} />
      {me.data && !allowed && <Alert color="red">{a.forbidden}</Alert>}
      {allowed && (
        <>
          <VersionForm categories={categories} today={today} />
          <Stack gap="xs">
            <Group align="flex-end" wrap="wrap">
              <NativeSelect
                label={a.kindFilter}
                data={FEE_ITEM_KINDS.map((k) => ({ value: k, label: a.kinds[k] }))}
                value={kind}
                onChange={(e) => {
                  setKind(e.currentTarget.value as FeeItemKind);
                  setPage(1);
                }}
                w={320}
              />
              {kind === 'line' && (
                <NativeSelect
                  label={a.serviceFilter}
                  data={[
                    { value: '', label: a.allServices },
                    ...FEE_SERVICES.map((s) => ({ value: s, label: serviceLabel(s) })),
                  ]}
                  value={service}
                  onChange={(e) => {
                    setService(e.currentTarget.value);
                    setPage(1);
                  }}
                  w={360}
                />
              )}
            </Group>
            <DataTable
              caption={a.versions}
              columns={columns}
              rows={shown}
              rowKey={(v) => v.id}
              minWidth={900}
              rowProps={(v) => ({ 'data-version': v.id })}
            />
            {ofKind.length > 0 && (
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {a.shown(
                    (at - 1) * VERSIONS_PER_PAGE + 1,
                    (at - 1) * VERSIONS_PER_PAGE + shown.length,
                    ofKind.length,
                  )}
                </Text>
                {pages > 1 && (
                  <Pagination
                    total={pages}
                    value={at}
                    onChange={setPage}
                    aria-label={a.pages}
                    getItemProps={(n) => ({ 'aria-current': n === at ? 'page' : undefined })}
                    getControlProps={(control) =>
                      control === 'previous' || control === 'next'
                        ? { 'aria-label': t(`queues.${control}`) }
                        : {}
                    }
                  />
                )}
              </Group>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
