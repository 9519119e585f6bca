/**
 * Fees: the calculator and the rules' administration are routes of their own; the app composes
 * `RecordFeesSection` (a record's fees and payments) into the record screen.
 */
export { RecordFeesSection } from './components/record-fees.tsx';
