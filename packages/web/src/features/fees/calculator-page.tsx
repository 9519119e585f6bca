import { Alert, Anchor, Button, Checkbox, NativeSelect, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  calculateFee,
  FEE_SERVICE_DEFINITIONS,
  FEE_SERVICE_GROUP_LABELS,
  FEE_SERVICE_GROUPS,
  FEE_SERVICES,
  type FeeService,
  feeRules,
  formatDate,
  GENERAL_CATEGORY,
  itemsAt,
  mayAdministerFees,
  t,
  todayIn,
} from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { DateInput } from '../../components/date-input.tsx';
import { Heading } from '../../components/heading.tsx';
import { meQuery } from '../../lib/auth.ts';
import { TIME_ZONE } from '../../lib/dates.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { feeRulesQuery } from './api.ts';
import { FeeResult } from './components/fee-result.tsx';
import { isoOf } from './lib.ts';
import { useFeeMessages } from './messages.ts';

type Field = 'service' | 'eventDate' | 'applicationDate' | 'tariffDate' | 'category';

/**
 * The fee calculator (`/fees`): a service, the dates and the applicant's category give the itemised
 * fee, computed in the browser by core's calculateFee on the rules the server keeps (the same function
 * answers GET /fees/calculate), with every line's legal basis and its "unverified" mark.
 */
export default function FeeCalculatorPage() {
  const { m, lang, serviceLabel, generalLabel } = useFeeMessages();
  const c = m.calculator;
  usePageTitle(c.title);
  const rulesQuery = useQuery(feeRulesQuery());
  const me = useQuery(meQuery());
  const [service, setService] = useState<FeeService>('BIRTH_REG');
  const [eventDate, setEventDate] = useState('');
  const [applicationDate, setApplicationDate] = useState(() => formatDate(todayIn(TIME_ZONE)));
  const [tariffDate, setTariffDate] = useState('');
  const [category, setCategory] = useState(GENERAL_CATEGORY);
  const [consular, setConsular] = useState(false);
  // a date the user has not been asked for yet is no error on arrival: only once they have typed
  const [touched, setTouched] = useState(false);
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setTouched(true);
      set(v);
    };

  const rules = useMemo(() => (rulesQuery.data ? feeRules(rulesQuery.data) : null), [rulesQuery.data]);
  const application = isoOf(applicationDate);
  const categories =
    rules && application ? itemsAt(rules, 'category', application).filter((x) => x.value.active) : [];

  const errors: Partial<Record<Field, string>> = {};
  const typed = { eventDate, applicationDate, tariffDate } as const;
  for (const f of ['eventDate', 'applicationDate', 'tariffDate'] as const) {
    if ((typed[f].trim() || f === 'applicationDate') && !isoOf(typed[f])) errors[f] = c.dateFormat;
  }
  const outcome =
    rules && application && Object.keys(errors).length === 0
      ? calculateFee(rules, {
          service,
          applicationDate: application,
          eventDate: isoOf(eventDate),
          tariffDate: isoOf(tariffDate),
          category,
          consular,
        })
      : null;
  if (outcome && !outcome.ok) {
    for (const issue of outcome.issues) {
      const field = String(issue.path[0]) as Field;
      if (!touched && issue.key === 'error.fees.eventDateRequired') continue;
      errors[field] ??= t(issue.key, lang, issue.params);
    }
  }

  const needsEvent = FEE_SERVICE_DEFINITIONS[service].needsEventDate;
  const serviceData = FEE_SERVICE_GROUPS.map((g) => ({
    group: FEE_SERVICE_GROUP_LABELS[g][lang],
    items: FEE_SERVICES.filter((s) => FEE_SERVICE_DEFINITIONS[s].group === g).map((s) => ({
      value: s,
      label: serviceLabel(s),
    })),
  }));

  return (
    <Stack gap="lg" maw={1100}>
      <Heading title={c.title} intro={c.intro} introMaw={760} />
      {me.data && mayAdministerFees(me.data.role) && (
        <Anchor component={Link} to="/fees/admin">
          {c.admin}
        </Anchor>
      )}
      {rulesQuery.isPending && <Text>{c.loading}</Text>}
      {rulesQuery.isError && (
        <Alert color="red" title={c.loadError}>
          <Button variant="light" onClick={() => void rulesQuery.refetch()}>
            {c.retry}
          </Button>
        </Alert>
      )}
      {rules && (
        <>
          <Paper withBorder p="md" component="form" onSubmit={(e) => e.preventDefault()} aria-label={c.title}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              <NativeSelect
                label={c.service}
                data={serviceData}
                value={service}
                onChange={(e) => edit(setService)(e.currentTarget.value as FeeService)}
                error={errors.service}
                style={{ gridColumn: '1 / -1' }}
              />
              <DateInput
                label={c.eventDate}
                description={needsEvent ? c.eventDateHint : undefined}
                value={eventDate}
                onChange={edit(setEventDate)}
                error={errors.eventDate}
                withAsterisk={needsEvent}
              />
              <DateInput
                label={c.applicationDate}
                value={applicationDate}
                onChange={edit(setApplicationDate)}
                error={errors.applicationDate}
                withAsterisk
              />
              <DateInput
                label={c.tariffDate}
                description={c.tariffDateHint}
                value={tariffDate}
                onChange={edit(setTariffDate)}
                error={errors.tariffDate}
              />
              <NativeSelect
                label={c.category}
                data={[
                  { value: GENERAL_CATEGORY, label: generalLabel },
                  ...categories.map((x) => ({ value: x.key, label: x.value.labels[lang] })),
                ]}
                value={category}
                onChange={(e) => edit(setCategory)(e.currentTarget.value)}
                error={errors.category}
              />
              <Checkbox
                label={c.consular}
                checked={consular}
                onChange={(e) => edit(setConsular)(e.currentTarget.checked)}
                mt={{ base: 0, sm: 'xl' }}
              />
            </SimpleGrid>
          </Paper>
          {outcome?.ok && <FeeResult fee={outcome.fee} />}
        </>
      )}
    </Stack>
  );
}
