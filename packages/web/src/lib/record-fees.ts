import type { recordFeesSchema } from '@sabt/core';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './api.ts';

/** A record's fees as GET /records/:id/fees answers them (core's schema): read by the record screen and the fees panel. */
export type RecordFees = z.infer<typeof recordFeesSchema>;
export type RecordFeeCharge = RecordFees['charges'][number];
export type RecordFeeEntry = RecordFeeCharge['entries'][number];

export const recordFeesKey = (id: string) => ['record', id, 'fees'] as const;

export const recordFeesQuery = (id: string) =>
  queryOptions({
    queryKey: recordFeesKey(id),
    queryFn: ({ signal }) => api<RecordFees>(`/records/${id}/fees`, { signal }),
  });
