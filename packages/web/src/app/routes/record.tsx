import { CertificatesSection } from '../../features/certificates/index.ts';
import RecordPage from '../../features/record/index.tsx';

/** The record screen with the record's certificates composed in (features do not import each other). */
export default function RecordRoute() {
  return (
    <RecordPage
      certificates={(record, reload) => <CertificatesSection record={record} onChanged={reload} />}
    />
  );
}
