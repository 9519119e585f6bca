import type { CitizenAttachment } from '@sabt/core';

/**
 * The scans attached to a citizen's application, each opening as it was sent; with a remove button
 * each while the application is still a draft.
 */
export function AttachmentList({
  attachments,
  url,
  empty,
  remove,
}: {
  attachments: CitizenAttachment[];
  /** The application's address in the API (`/api/v1/portal/applications/{id}`). */
  url: string;
  empty: string;
  remove?: { label: string; busy: boolean; onRemove: (fileId: string) => void };
}) {
  if (attachments.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {attachments.map((f) => (
        <li key={f.id}>
          <a href={`${url}/attachments/${f.id}`} target="_blank" rel="noopener">
            {f.fileName}
          </a>{' '}
          ({Math.ceil(f.size / 1024)} KB){' '}
          {remove && (
            <button type="button" onClick={() => remove.onRemove(f.id)} disabled={remove.busy}>
              {remove.label} <span className="visually-hidden">{f.fileName}</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
