import { Alert, Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { MOVABLE_OFFICE_KINDS, mayAdminister } from '@sabt/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Heading } from '../../components/heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { meQuery } from '../../lib/auth.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { adminOfficesQuery, publishedOfficesQuery } from './api.ts';
import { AdminNav } from './components/admin-nav.tsx';
import { Fact } from './components/fact.tsx';
import { OfficeDetailsForm } from './components/office-details.tsx';
import { MoveOfficeForm, OfficeActions, RenameOfficeForm } from './components/office-forms.tsx';
import { OfficeStatus } from './components/office-status.tsx';
import { Visits } from './components/visits.tsx';
import { useAdminMessages } from './messages.ts';

/**
 * One office (`/admin/offices/:id`): its codes, kind, place in the tree, official name and status;
 * for the central department its names, closing or reopening and a jamoat's or mobile office's
 * move; for a mobile office its visits (the central department and the head above it); for an open
 * office where citizens apply, what the citizen portal shows of it (address, telephone, hours).
 */
export default function OfficePage() {
  const { id = '' } = useParams();
  const { m, lang, kindLabel } = useAdminMessages();
  const o = m.office;
  const { data: me } = useSuspenseQuery(meQuery());
  const offices = useQuery(adminOfficesQuery());
  const office = offices.data?.find((x) => x.id === id);
  const parent = office?.parent ? offices.data?.find((x) => x.id === office.parent) : undefined;
  usePageTitle(office ? office.name[lang] : m.offices.title);
  const may = (action: Parameters<typeof mayAdminister>[0]) => mayAdminister(action, me.role);
  // what the portal shows of it: an open office where citizens apply, published by whoever may
  const published = useQuery({ ...publishedOfficesQuery(), enabled: may('publish-office-details') });
  const publishedOffice = published.data?.find((x) => x.id === id);

  return (
    <Stack gap="lg">
      <AdminNav />
      <Anchor component={Link} to="/admin/offices" size="sm">
        {o.back}
      </Anchor>
      {offices.isPending && <Text c="dimmed">{m.common.loading}</Text>}
      <ProblemAlert error={offices.error} text={{ title: m.common.loadError, check: m.common.check }} />
      {offices.data && !office && <Alert color="red" title={o.notFound} />}
      {office && offices.data && (
        <>
          <Heading title={office.name[lang]} intro={office.officialName} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" component="dl" m={0}>
            <Fact label={o.code}>{office.id}</Fact>
            <Fact label={o.numericCode}>{office.numericCode}</Fact>
            <Fact label={o.kind}>{kindLabel(office.kind)}</Fact>
            <Fact label={o.parent}>{parent ? parent.name[lang] : (office.parent ?? '—')}</Fact>
            <Fact label={o.status}>
              <OfficeStatus office={office} />
            </Fact>
            <Fact label={o.users}>
              <Anchor component={Link} to={`/admin/users?office=${office.id}`}>
                {office.users} · {o.usersLink}
              </Anchor>
            </Fact>
          </SimpleGrid>
          {may('close-office') && office.kind !== 'central' && (
            <OfficeActions office={office} title={m.user.actions} />
          )}
          {may('rename-office') && (
            <RenameOfficeForm key={JSON.stringify([office.name, office.officialName])} office={office} />
          )}
          {may('move-office') && MOVABLE_OFFICE_KINDS.includes(office.kind) && (
            <MoveOfficeForm key={office.parent} office={office} offices={offices.data} />
          )}
          {publishedOffice && (
            <OfficeDetailsForm
              key={JSON.stringify([publishedOffice.address, publishedOffice.phone, publishedOffice.hours])}
              office={office}
              published={publishedOffice}
            />
          )}
          {may('schedule-visits') && office.kind === 'mobile' && (
            <Visits office={office} offices={offices.data} />
          )}
        </>
      )}
    </Stack>
  );
}
