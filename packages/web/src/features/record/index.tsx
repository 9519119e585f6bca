/** Placeholder for the record screen (`/records/:id`); the record feature replaces this module. */
export default function RecordPage() {
  return <p>…</p>;
}
