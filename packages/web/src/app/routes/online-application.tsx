import OnlineApplicationPage from '../../features/online-applications/application-page.tsx';
import { RecordPicker } from '../../features/search/record-picker.tsx';

/**
 * An online application's screen with the record search composed in (features do not import each
 * other): a copy request's clerk finds the registered record there and links it.
 */
export default function OnlineApplicationRoute() {
  return (
    <OnlineApplicationPage findRecord={(start, action) => <RecordPicker start={start} action={action} />} />
  );
}
