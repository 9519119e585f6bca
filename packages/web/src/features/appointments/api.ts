import type { AdminOffice, AppointmentDay, Slot, SlotSeries } from '@sabt/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/**
 * Appointments as the workspace uses them: an office's day (GET /appointments/day), publishing a
 * series of slots and closing one. Every write carries the Idempotency-Key its form chose.
 */

export const dayQuery = (office: string, date: string) =>
  queryOptions({
    queryKey: ['appointments', 'day', office, date],
    queryFn: ({ signal }) => api<AppointmentDay>('/appointments/day', { signal, query: { office, date } }),
  });

/** The offices a publisher reaches (the administration's list of its jurisdiction). */
export const reachableOfficesQuery = () =>
  queryOptions({
    queryKey: ['appointments', 'offices'],
    queryFn: ({ signal }) => api<{ items: AdminOffice[] }>('/admin/offices', { signal }).then((r) => r.items),
  });

export interface SeriesResult {
  id: string;
  office: string;
  created: number;
  skipped: number;
}

function useAppointmentsWrite<B, T>(send: (w: { body: B; key: string }) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: ['appointments', 'day'] }),
  });
}

export const usePublishSeries = (office: string) =>
  useAppointmentsWrite(({ body, key }: { body: SlotSeries; key: string }) =>
    api<SeriesResult>(`/offices/${office}/slot-series`, { method: 'POST', body, idempotencyKey: key }),
  );

export const useCloseSlot = () =>
  useAppointmentsWrite(({ body, key }: { body: { slot: string }; key: string }) =>
    api<{ slot: Slot; cancelled: number }>(`/slots/${body.slot}/close`, {
      method: 'POST',
      idempotencyKey: key,
    }),
  );
