import { type CertificateAction, mayCertificate } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { type Me, meQuery } from '../../../lib/auth.ts';

/**
 * What the signed-in user may do with certificates and blanks (core's CERTIFICATE_MATRIX), and
 * whether an office is their own: one acts only in one's own office. The server decides again.
 */
export interface Rights {
  me: Me | undefined;
  may: (action: CertificateAction) => boolean;
  /** May do it in this office (their own). */
  mayIn: (action: CertificateAction, officeId: string) => boolean;
}

export function rightsOf(me: Me | undefined): Rights {
  const may = (action: CertificateAction) =>
    !!me && mayCertificate(action, { role: me.role, officeKind: me.office.kind });
  return { me, may, mayIn: (action, officeId) => may(action) && me?.office.id === officeId };
}

export function useRights(): Rights {
  const { data: me } = useQuery(meQuery());
  return rightsOf(me);
}
