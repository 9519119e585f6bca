import { generateSecret, verify } from 'otplib';
import { describe, expect, it } from 'vitest';
import { TOTP_PERIOD_SECONDS } from '../auth/two-factor.ts';
import { TestAuthenticator } from './authenticator.ts';

/** The tests' authenticator app gives codes a slow request can still carry to the server in time. */
describe('the test authenticator', () => {
  const tolerance = 1440;
  const accepted = async (secret: string, token: string, secondsLater: number, afterTimeStep?: number) =>
    verify({
      secret,
      token,
      period: TOTP_PERIOD_SECONDS,
      epoch: Math.floor(Date.now() / 1000) + secondsLater,
      epochTolerance: tolerance,
      ...(afterTimeStep === undefined ? {} : { afterTimeStep }),
    });

  it('gives a first code the server still takes a minute later, and each next one a later step', async () => {
    const app = new TestAuthenticator(tolerance);
    const secret = generateSecret();
    app.add('registrar', secret);
    const first = await app.code('registrar');
    const late = await accepted(secret, first, 59);
    expect(late.valid).toBe(true);
    const step = 'timeStep' in late ? late.timeStep : -1;
    // the next code is of a later step: not refused as a replay of the first
    const next = await accepted(secret, await app.code('registrar'), 59, step);
    expect(next.valid).toBe(true);
  });
});
