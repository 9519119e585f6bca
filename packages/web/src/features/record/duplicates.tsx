/** Placeholder for the side-by-side duplicate view (`/records/:id/duplicates`); the record feature replaces this module. */
export default function DuplicatesPage() {
  return <p>…</p>;
}
