import { mayRead } from '@sabt/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { CertificatesSection } from '../../features/certificates/index.ts';
import { RecordFeesSection } from '../../features/fees/index.ts';
import RecordPage from '../../features/record/index.tsx';
import { meQuery } from '../../lib/auth.ts';

/**
 * The record screen with the record's certificates composed in (features do not import each other),
 * for a role that reads certificates, and its fees and payments for a role that reads the record.
 */
export default function RecordRoute() {
  const { data: me } = useSuspenseQuery(meQuery());
  return (
    <RecordPage
      certificates={
        mayRead(me.role, 'certificates')
          ? (record, reload) => <CertificatesSection record={record} onChanged={reload} />
          : undefined
      }
      fees={
        mayRead(me.role, 'record')
          ? (record, reload) => <RecordFeesSection recordId={record.id} onChanged={reload} />
          : undefined
      }
    />
  );
}
