import type { ActKindCode, ActKindDefinition } from '@sabt/core';
import { useEffect, useRef, useState } from 'react';
import type { FieldProblem } from '../../../lib/api.ts';
import type { RecordView } from '../../../lib/records.ts';
import type { Values } from '../lib/catalogue-types.ts';
import { DraftSaver, type SaverState } from '../lib/draft-saver.ts';
import { isEmptyData } from '../lib/form-model.ts';
import { removeLocalDraft, writeLocalDraft } from '../lib/local-drafts.ts';

/**
 * Autosave of a form: the draft saver (POST, then PATCH with If-Match) fed with what may be saved,
 * and a copy of the form in this browser after every change, marked with whether the server has it.
 * `stop()` ends both once the record has left the clerk's hands (submitted).
 */
export function useAutosave({
  id,
  kind,
  def,
  revision,
  serverData,
  values,
  data,
  payload,
  owner,
  onConflict,
  onRejected,
}: {
  id: string;
  kind: ActKindCode;
  def: ActKindDefinition;
  /** The server's revision and data, when the draft is saved already. */
  revision: number | null;
  serverData: Record<string, unknown> | null;
  values: Values;
  data: Record<string, unknown>;
  /** What may be sent now. */
  payload: Record<string, unknown>;
  /** Who typed it: only they are offered the local copy later. */
  owner: string | undefined;
  onConflict: (record: RecordView) => void;
  onRejected: (errors: FieldProblem[]) => void;
}) {
  const [state, setState] = useState<SaverState>({
    status: revision === null ? 'idle' : 'saved',
    revision,
    savedAt: null,
    problem: null,
  });
  const saverRef = useRef<DraftSaver | null>(null);
  const stopped = useRef(false);

  // The saver lives as long as the form of this record; later props do not replace it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the starting revision is read once
  useEffect(() => {
    const saver = new DraftSaver({
      id,
      kind,
      revision,
      serverData,
      onState: setState,
      onConflict,
      onRejected,
    });
    saverRef.current = saver;
    return () => saver.dispose();
  }, [id, kind]);

  useEffect(() => {
    if (!stopped.current) saverRef.current?.update(payload);
  }, [payload]);

  useEffect(() => {
    if (stopped.current) return;
    const saver = saverRef.current;
    if (state.revision === null && isEmptyData(data)) return; // nothing typed yet: nothing to keep
    const s = def.summary(data as never);
    writeLocalDraft({
      id,
      kind,
      values,
      revision: state.revision,
      base: saver?.base ?? serverData,
      dirty: !(saver?.isSynced(data) ?? false),
      savedAt: new Date().toISOString(),
      label: [s.surname, s.name, s.patronymic].filter(Boolean).join(' '),
      owner,
    });
  }, [values, data, state, id, kind, def, serverData, owner]);

  return {
    state,
    /** The saver (null before the first effect). */
    saver: () => saverRef.current,
    stop: () => {
      stopped.current = true;
      removeLocalDraft(id);
    },
  };
}
