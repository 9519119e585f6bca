import { Group, List, Stack, Table, Text } from '@mantine/core';
import type { FeeCalculation, FeeLine } from '@sabt/core';
import { shown } from '../lib.ts';
import { useFeeMessages } from '../messages.ts';

/** The mark of an amount resting on a placeholder or an unconfirmed value: whole, never cut. */
export function UnverifiedMark({ ml }: { ml?: string }) {
  const { m } = useFeeMessages();
  return (
    <Text
      component="span"
      size="xs"
      fw={700}
      c="orange.9"
      bg="orange.0"
      px={6}
      py={1}
      ml={ml}
      data-testid="unverified"
      style={{ borderRadius: 4, display: 'inline-block', lineHeight: 1.4 }}
    >
      {m.calculator.unverified}
    </Text>
  );
}

/** An itemised fee: each line with its amount, exemption, legal basis and rule version; the total in figures. */
export function FeeResult({ fee }: { fee: FeeCalculation }) {
  const { m, lang, serviceLabel, lineLabel } = useFeeMessages();
  const c = m.calculator;
  const unit = (l: FeeLine) => (l.amount.currency === 'USD' ? c.usd : c.somoni);
  return (
    <Stack gap="sm" data-testid="fee-result">
      {fee.service !== fee.requestedService && <Text fw={600}>{c.chargedAs(serviceLabel(fee.service))}</Text>}
      <Group gap="lg">
        {fee.yearsSinceEvent !== null && <Text size="sm">{c.yearsSince(fee.yearsSinceEvent)}</Text>}
        <Text size="sm">
          {c.pdr(fee.pdr.amount.text, shown(fee.pdr.validFrom))} {!fee.pdr.verified && <UnverifiedMark />}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table verticalSpacing="xs" className="sabt-table">
          <Table.Caption className="sabt-visually-hidden">{c.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{c.line}</Table.Th>
              <Table.Th ta="right">{c.multiple}</Table.Th>
              <Table.Th ta="right">{c.base}</Table.Th>
              <Table.Th ta="right">{c.waived}</Table.Th>
              <Table.Th ta="right">{c.amount}</Table.Th>
              <Table.Th>{c.basis}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fee.lines.map((l) => (
              <Table.Tr key={l.kind} data-line={l.kind}>
                <Table.Th scope="row" fw={500}>
                  <Stack gap={2} align="flex-start">
                    <span>{lineLabel(l.kind)}</span>
                    {!l.verified && <UnverifiedMark />}
                  </Stack>
                </Table.Th>
                <Table.Td ta="right">{l.multiple ?? '—'}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {l.base.text} {unit(l)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {l.exemption ? `−${l.waived.text} (${l.exemption.percent} %)` : '—'}
                </Table.Td>
                <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {l.amount.text} {unit(l)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{l.basis[lang]}</Text>
                  <Text size="xs" c="dimmed">
                    {c.version}: {l.versionId}
                  </Text>
                  {l.notes.map((n) => (
                    <Text size="xs" c="orange.9" key={n.en}>
                      {n[lang]}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{c.total}</Table.Th>
              <Table.Td colSpan={3} />
              <Table.Td ta="right" fw={700} fz="lg" style={{ whiteSpace: 'nowrap' }} data-testid="fee-total">
                {fee.total.text} {c.somoni}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
            {fee.consularTotal && (
              <Table.Tr>
                <Table.Th scope="row">{c.consularTotal}</Table.Th>
                <Table.Td colSpan={3} />
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {fee.consularTotal.text} {c.usd}
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            )}
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={4}>
        <Text fw={600}>{c.exemptions}</Text>
        {fee.exemptions.length === 0 ? (
          <Text size="sm">{c.noExemptions}</Text>
        ) : (
          <List size="sm">
            {fee.exemptions.map((x) => (
              <List.Item key={x.versionId}>
                {x.labels[lang]} ({x.percent} %) — {x.basis[lang]}
                {!x.verified && <UnverifiedMark ml="xs" />}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      {fee.unverified && (
        <Text size="sm" c="orange.9">
          {c.unverifiedNote}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {c.rounding}
      </Text>
    </Stack>
  );
}
