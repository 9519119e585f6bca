import { generate } from 'otplib';
import { TOTP_PERIOD_SECONDS } from '../auth/two-factor.ts';

/**
 * An authenticator app for the tests: the secrets of the users it was set up with, and their codes.
 * Each code is of a later time step than the one before for that user, within the server's
 * tolerance, so that signing the same user in again at once is not refused as a replay and no test
 * waits for the next 30 seconds.
 */
/** How many steps (30 s each) a code stays inside the server's window after it is made, at least. */
const MARGIN_STEPS = 2;

export class TestAuthenticator {
  readonly #secrets = new Map<string, string>();
  readonly #lastStep = new Map<string, number>();
  readonly #toleranceSteps: number;

  constructor(toleranceSeconds: number) {
    this.#toleranceSteps = Math.floor(toleranceSeconds / TOTP_PERIOD_SECONDS);
  }

  /** Set up with a user's secret (as scanned from the QR code or typed). */
  add(login: string, secret: string): void {
    this.#secrets.set(login, secret);
    this.#lastStep.delete(login);
  }

  has(login: string): boolean {
    return this.#secrets.has(login);
  }

  secretOf(login: string): string {
    const secret = this.#secrets.get(login);
    if (!secret) throw new Error(`the test authenticator has no secret for ${login}`);
    return secret;
  }

  /**
   * The code of the next unused time step the server accepts now and for a minute more: never one
   * at the window's old edge, which a slow request would carry past it before the server checks.
   */
  async code(login: string): Promise<string> {
    const secret = this.secretOf(login);
    const now = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
    const step = Math.max(
      (this.#lastStep.get(login) ?? Number.NEGATIVE_INFINITY) + 1,
      now - this.#toleranceSteps + Math.min(MARGIN_STEPS, this.#toleranceSteps),
    );
    if (step > now + this.#toleranceSteps)
      throw new Error(`no unused code left for ${login} within the tolerance`);
    this.#lastStep.set(login, step);
    return generate({ secret, period: TOTP_PERIOD_SECONDS, epoch: step * TOTP_PERIOD_SECONDS });
  }
}
