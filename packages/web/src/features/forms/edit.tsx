/** Placeholder for editing a draft (`/records/:id/edit`); the forms feature replaces this module. */
export default function EditDraftPage() {
  return <p>…</p>;
}
