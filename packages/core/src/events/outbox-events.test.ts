import { describe, expect, it } from 'vitest';
import {
  EVENT_DEFINITIONS,
  isOutboxEventType,
  OUTBOX_EVENT_TYPES,
  outboxEvent,
  parseEventPayload,
} from './outbox-events.ts';

const recordId = '6f1c2a6e-3b1d-4c55-9a8e-1f2d3c4b5a69';

describe('outbox events', () => {
  it('are the record, certificate and future application, payment and archive events, each with a schema version', () => {
    expect(OUTBOX_EVENT_TYPES.sort()).toEqual([
      'application.submitted',
      'archive-record.verified',
      'certificate.issued',
      'payment.recorded',
      'record.amended',
      'record.annulled',
      'record.cancelled',
      'record.registered',
      'record.restored',
    ]);
    for (const type of OUTBOX_EVENT_TYPES) {
      expect(EVENT_DEFINITIONS[type].type).toBe(type);
      expect(EVENT_DEFINITIONS[type].schemaVersion).toBeGreaterThanOrEqual(1);
    }
    expect(isOutboxEventType('record.registered')).toBe(true);
    expect(isOutboxEventType('record.deleted')).toBe(false);
  });

  it('take the record and office from the payload, checked against the schema', () => {
    const e = outboxEvent('record.registered', {
      recordId,
      kind: 'BIRTH',
      officeId: 'DU-03-00',
      nationalId: '101030020260000013',
      year: 2026,
      number: 1,
      version: 1,
      registeredAt: '2026-03-01T08:00:00.000Z',
    });
    expect(e).toMatchObject({ type: 'record.registered', recordId, officeId: 'DU-03-00' });
  });

  const payment = {
    paymentId: recordId,
    chargeId: recordId,
    officeId: 'DU-03-00',
    kind: 'payment',
    purpose: 'registration',
    service: 'MARRIAGE_REG',
    amount: 2500,
    currency: 'TJS',
    method: 'cash',
    externalReference: null,
    receiptNumber: '0301-2026-1',
    corrects: null,
    recordedAt: '2026-03-01T08:00:00Z',
    businessDate: '2026-03-01',
  } as const;

  it('refuse a payload that does not fit (the command fails rather than publish it)', () => {
    expect(() =>
      outboxEvent('record.annulled', {
        recordId: 'not-an-id',
        kind: 'BIRTH',
        officeId: 'DU-03-00',
        nationalId: null,
        basis: 'DUPLICATE',
      }),
    ).toThrow();
    expect(() =>
      outboxEvent('payment.recorded', {
        ...payment,
        amount: -5,
      }),
    ).toThrow();
  });

  it('events without a record have none', () => {
    const e = outboxEvent('payment.recorded', {
      ...payment,
      purpose: 'application-blank',
      service: 'APPLICATION_BLANK',
    });
    expect(e.recordId).toBeNull();
    expect(e.officeId).toBe('DU-03-00');
  });

  it('are read back by their schema version; a newer version than the code knows is refused', () => {
    const payload = { recordId, kind: 'DEATH', officeId: 'DU-03-00', nationalId: null, basis: 'DUPLICATE' };
    expect(parseEventPayload('record.annulled', 1, payload)).toEqual(payload);
    expect(() => parseEventPayload('record.annulled', 2, payload)).toThrow(/newer/);
  });
});
