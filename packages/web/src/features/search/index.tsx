/** Placeholder for the search screen (`/search`); the search feature replaces this module. */
export default function SearchPage() {
  return <p>…</p>;
}
