import { Alert, Badge, Button, NativeSelect, Stack, Tabs, Text } from '@mantine/core';
import { BLANK_STOCK_OFFICE_KINDS, CERTIFICATE_OFFICE_KINDS } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Heading } from '../../components/heading.tsx';
import { LoadingText } from '../../components/page-loader.tsx';
import { type Office, officesQuery } from '../../lib/offices.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { type Blank, blanksQuery, stockQuery } from './api/blanks.ts';
import { BlankList } from './components/blanks/blank-list.tsx';
import { BatchList, ReceiveBatchForm } from './components/blanks/receive-batch.tsx';
import { SignatoryPanel } from './components/blanks/signatory-panel.tsx';
import { StockReport } from './components/blanks/stock-report.tsx';
import { TransferForm, TransferList } from './components/blanks/transfer-blanks.tsx';
import { WriteOffs } from './components/blanks/write-offs.tsx';
import { SpoilDialog } from './components/spoil-dialog.tsx';
import { seriesNumber } from './lib/format.ts';
import { useRights } from './lib/rights.ts';
import { useCertificateMessages } from './messages.ts';

const TABS = ['stock', 'receive', 'transfer', 'blanks', 'writeOffs', 'signatory'] as const;
type Tab = (typeof TABS)[number];

/** The offices below (and including) one, in tree order, that keep blanks. */
export function blankOffices(all: readonly Office[], root: string): Office[] {
  const below = new Set([root]);
  // the list comes in tree order (by path): a parent always before its children
  for (const o of all) if (o.parent && below.has(o.parent)) below.add(o.id);
  return all.filter((o) => below.has(o.id) && BLANK_STOCK_OFFICE_KINDS.includes(o.kind));
}

/**
 * The strict-accountability blanks of an office (`/blanks`): the stock report, receiving a batch,
 * handing blanks over to the jamoats and mobile offices below,
 * every blank with spoil reports, the write-offs that wait for the head of office, and who signs
 * the office's certificates and extracts (set by the head of office).
 */
export default function BlanksPage() {
  const { m, lang } = useCertificateMessages();
  const s = m.blanks;
  usePageTitle(s.title);
  const rights = useRights();
  const me = rights.me;
  const [params, setParams] = useSearchParams();
  const offices = useQuery(officesQuery());
  const choices = me && offices.data ? blankOffices(offices.data, me.office.id) : [];
  // one's own office, unless it keeps no blanks (the central department): then the first below it
  const home = choices.some((o) => o.id === me?.office.id) ? me?.office.id : choices[0]?.id;
  const asked = params.get('office');
  const office = asked && choices.some((o) => o.id === asked) ? asked : (home ?? me?.office.id ?? '');
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'stock';
  const stock = useQuery({ ...stockQuery(office), enabled: !!office && !offices.isPending });
  const pending = useQuery({
    ...blanksQuery({ office, status: 'SPOIL_REQUESTED', limit: 500, offset: 0 }),
    enabled: !!office && !offices.isPending,
  });
  const [spoiling, setSpoiling] = useState<Blank | null>(null);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  if (!me) return null;
  if (offices.isPending) {
    return <LoadingText>{s.loading}</LoadingText>;
  }
  if (!rights.may('read-blank-stock')) {
    return (
      <Alert color="orange" title={s.title}>
        {s.notAllowed}
      </Alert>
    );
  }
  const own = office === me.office.id;
  const mayReceive = rights.may('receive-blanks') && (own || me.role === 'central_admin');
  // the offices under the chosen one that keep blanks: a district's jamoats and mobile offices
  const below = offices.data ? blankOffices(offices.data, office).filter((o) => o.id !== office) : [];
  const mayTransfer =
    rights.may('transfer-blanks') && (own || me.role === 'central_admin') && below.length > 0;
  // who signs is set only where certificates are printed (not in a region, which only keeps stock)
  const kind = choices.find((o) => o.id === office)?.kind;
  const prints = !!kind && CERTIFICATE_OFFICE_KINDS.includes(kind);
  const waiting = pending.data?.total ?? 0;
  const shown: Tab =
    (tab === 'receive' && !mayReceive) ||
    (tab === 'transfer' && !mayTransfer) ||
    (tab === 'signatory' && !prints)
      ? 'stock'
      : tab;

  return (
    <Stack gap="md">
      <Heading title={s.title} intro={s.intro} />

      {choices.length > 1 && (
        <NativeSelect
          label={s.office}
          value={office}
          onChange={(e) => setParam('office', e.currentTarget.value === home ? null : e.currentTarget.value)}
          data={choices.map((o) => ({ value: o.id, label: o.name[lang] }))}
          maw={480}
        />
      )}

      {stock.isError && (
        <Alert color="red" role="alert" title={s.loadError}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{stock.error.message}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => void stock.refetch()}>
              {s.retry}
            </Button>
          </Stack>
        </Alert>
      )}

      <Tabs
        value={shown}
        onChange={(v) => setParam('tab', v === 'stock' ? null : v)}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List aria-label={s.tabs.label}>
          <Tabs.Tab value="stock">{s.tabs.stock}</Tabs.Tab>
          {mayReceive && <Tabs.Tab value="receive">{s.tabs.receive}</Tabs.Tab>}
          {mayTransfer && <Tabs.Tab value="transfer">{s.tabs.transfer}</Tabs.Tab>}
          <Tabs.Tab value="blanks">{s.tabs.blanks}</Tabs.Tab>
          <Tabs.Tab
            value="writeOffs"
            rightSection={
              waiting > 0 ? (
                <Badge tt="none" size="sm" color="orange" circle>
                  {waiting}
                </Badge>
              ) : null
            }
          >
            {s.tabs.writeOffs}
          </Tabs.Tab>
          {prints && <Tabs.Tab value="signatory">{m.signatory.tab}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="stock" pt="md">
          {stock.data && <StockReport report={stock.data} />}
        </Tabs.Panel>
        {mayReceive && (
          <Tabs.Panel value="receive" pt="md">
            <Stack gap="lg">
              <ReceiveBatchForm office={office} ownOffice={own} />
              <BatchList office={office} />
            </Stack>
          </Tabs.Panel>
        )}
        {mayTransfer && (
          <Tabs.Panel value="transfer" pt="md">
            <Stack gap="lg">
              <TransferForm key={office} office={office} ownOffice={own} below={below} />
              <TransferList office={office} />
            </Stack>
          </Tabs.Panel>
        )}
        <Tabs.Panel value="blanks" pt="md">
          <BlankList
            key={office}
            office={office}
            onSpoil={rights.mayIn('report-spoiled-blank', office) ? setSpoiling : undefined}
          />
        </Tabs.Panel>
        <Tabs.Panel value="writeOffs" pt="md">
          <WriteOffs
            office={office}
            // the head of office decides for their office and those below it (a jamoat has no head)
            mayDecide={rights.may('confirm-spoiled-blank')}
            login={me.login}
          />
        </Tabs.Panel>
        <Tabs.Panel value="signatory" pt="md">
          <SignatoryPanel
            office={office}
            ownOffice={own}
            mayChange={rights.may('set-signatory') && (own || me.role === 'central_admin')}
          />
        </Tabs.Panel>
      </Tabs>

      {spoiling && (
        <SpoilDialog blankId={spoiling.id} label={seriesNumber(spoiling)} onClose={() => setSpoiling(null)} />
      )}
    </Stack>
  );
}
