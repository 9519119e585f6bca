/** Placeholder for the application forms (`/records/new/:kind`); the forms feature replaces this module. */
export default function NewApplicationPage() {
  return <p>…</p>;
}
