import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { isProblem, ProblemError } from '../../../lib/api.ts';
import { fetchRecord, type RecordView } from '../../../lib/records.ts';
import { submitRecord } from '../api/records.ts';
import type { DraftSaver } from '../lib/draft-saver.ts';
import { type Issue, toIssues } from '../lib/issues.ts';
import type { FormMessages } from '../messages.ts';

/**
 * "Check" and "Submit": the complete check first (its errors summed up and focused), then the last
 * changes saved, then the submission with If-Match; afterwards the record's screen. A record changed
 * meanwhile (412) is loaded into the form for the clerk to compare; the server's refusals go to
 * their fields.
 */
export function useSubmission({
  id,
  m,
  saver,
  checkComplete,
  focusSummary,
  onSubmitted,
  onConflict,
  onRefused,
}: {
  id: string;
  m: FormMessages;
  saver: () => DraftSaver | null;
  /** Runs the complete check and shows its errors: whether the record may be submitted. */
  checkComplete: () => boolean;
  focusSummary: () => void;
  /** The record is submitted: stop saving it. */
  onSubmitted: () => void;
  /** The server's draft (someone saved first), after the saver was rebased on it. */
  onConflict: (record: RecordView) => void;
  onRefused: (issues: Issue[]) => void;
}) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const check = () => {
    const ok = checkComplete();
    if (ok) setOutcome({ ok: true, text: m.actions.checkOk });
    else {
      setOutcome(null);
      focusSummary();
    }
    return ok;
  };

  const submit = async () => {
    if (!check()) return;
    const s = saver();
    if (!s) return;
    setSubmitting(true);
    setOutcome(null);
    try {
      const saved = await s.flush();
      const revision = s.current.revision;
      if (!saved || revision === null) {
        setOutcome({ ok: false, text: m.actions.notSaved });
        return;
      }
      await submitRecord(id, revision);
      onSubmitted();
      // the lists and the record's own screen (key ['record', id]) both show its status
      await Promise.all([
        client.invalidateQueries({ queryKey: ['records'] }),
        client.invalidateQueries({ queryKey: ['record', id] }),
      ]);
      navigate(`/records/${id}`);
    } catch (error) {
      if (isProblem(error, 412)) {
        const record = await fetchRecord(id).then(
          (r) => r.record,
          () => undefined,
        );
        if (record) {
          s.rebase(record);
          onConflict(record);
        }
        return;
      }
      if (error instanceof ProblemError) {
        onRefused(toIssues(error.problem.errors ?? []));
        setOutcome({ ok: false, text: error.status === 0 ? m.errors.network : error.problem.title });
        focusSummary();
      } else setOutcome({ ok: false, text: m.actions.submitFailed });
    } finally {
      setSubmitting(false);
    }
  };

  /** A change to the form: what was said about the last check or submission no longer holds. */
  const clearOutcome = useCallback(() => setOutcome(null), []);

  return { check, submit, submitting, outcome, clearOutcome };
}
