import { useLocale } from '../lib/i18n.tsx';
import type { Loaded } from '../lib/use-load.ts';

/** While something loads, a status line; when it failed, the reason and a retry. */
export function LoadState({ state }: { state: Pick<Loaded<unknown>, 'error' | 'reload'> }) {
  const { m } = useLocale();
  if (!state.error) return <p role="status">{m.common.loading}</p>;
  return (
    <div role="alert" className="alert">
      <p>
        {m.common.loadError} {state.error.message}
      </p>
      <button type="button" onClick={state.reload}>
        {m.common.retry}
      </button>
    </div>
  );
}
