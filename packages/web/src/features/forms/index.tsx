import { Alert } from '@mantine/core';
import { type ActKindCode, decide, getActKind, isLocale } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { meQuery } from '../../lib/auth.ts';
import { catalogueOf } from './catalogue/index.ts';
import { ApplicationForm } from './components/application-form.tsx';
import { DraftOffer } from './components/draft-offer.tsx';
import type { Values } from './lib/catalogue-types.ts';
import {
  draftOfferedTo,
  type LocalDraft,
  listLocalDrafts,
  pruneLocalDrafts,
  removeLocalDraft,
} from './lib/local-drafts.ts';
import { newRecordId } from './lib/new-id.ts';
import { MESSAGES } from './messages.ts';

interface Session {
  id: string;
  values: Values;
  revision: number | null;
  base: Record<string, unknown> | null;
}

const fresh = (): Session => ({ id: newRecordId(), values: {}, revision: null, base: null });

/** `/records/new/:kind`: a new application, or the unfinished one this browser kept. */
export default function NewApplicationPage() {
  const { kind = '' } = useParams();
  const { i18n } = useTranslation();
  const m = MESSAGES[isLocale(i18n.language) ? i18n.language : 'tg'];
  const navigate = useNavigate();
  const { data: me } = useQuery(meQuery());
  const [session, setSession] = useState(fresh);
  const [offers, setOffers] = useState<LocalDraft[]>(() => {
    pruneLocalDrafts();
    return listLocalDrafts(kind).filter((d) => d.dirty || d.revision === null);
  });

  if (!catalogueOf(kind) || !getActKind(kind)) {
    return (
      <Alert color="yellow" role="alert">
        {m.unknownKind}
      </Alert>
    );
  }

  // The action matrix decides who may start which act in which office (the server checks it again).
  if (
    me &&
    !decide('create', { role: me.role, officeKind: me.office.kind }, { kind: kind as ActKindCode }).allowed
  ) {
    return (
      <Alert color="yellow" role="alert">
        {m.notAllowed}
      </Alert>
    );
  }

  const shown = offers.filter((d) => d.id !== session.id && draftOfferedTo(d, me?.id));
  return (
    <ApplicationForm
      key={session.id}
      kind={kind as ActKindCode}
      id={session.id}
      initialValues={session.values}
      revision={session.revision}
      serverData={session.base}
      mode="new"
      notice={
        <DraftOffer
          drafts={shown}
          m={m}
          onContinue={(d) => {
            if (d.revision !== null) navigate(`/records/${d.id}/edit`);
            else {
              setSession({ id: d.id, values: d.values, revision: null, base: null });
              setOffers((list) => list.filter((x) => x.id !== d.id));
            }
          }}
          onDiscard={(d) => {
            removeLocalDraft(d.id);
            setOffers((list) => list.filter((x) => x.id !== d.id));
          }}
        />
      }
    />
  );
}
