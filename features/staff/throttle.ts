import { emailKey } from '@/features/mail/email-key';

/**
 * Exponential back-off for failed sign-ins: the first `free` failures cost nothing, then each further
 * failure doubles the wait, up to `maxMs`. Failures are forgotten after `forgetAfterMs` of quiet.
 */
export type ThrottlePolicy = { free: number; baseMs: number; maxMs: number; forgetAfterMs: number };

// Guesses at one account from one address. Counting per account alone would let a stranger who knows an
// admin's email lock them out from everywhere; counting per (account, address) slows the guesser only.
export const PAIR_POLICY: ThrottlePolicy = {
  free: 5,
  baseMs: 30_000,
  maxMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
};
// Guesses at any account from one address. An office behind one address shares this, so it is looser.
export const ADDRESS_POLICY: ThrottlePolicy = {
  free: 20,
  baseMs: 30_000,
  maxMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
};

// Wrong second-factor codes for one account, from anywhere. Only someone who typed the right password reaches
// the code step, so counting per account cannot be used by a stranger to lock a member out; and a right
// password does not undo it (as it does the pair's count), so a password holder spreading guesses over many
// addresses still gets about ten a day.
export const CODE_POLICY: ThrottlePolicy = {
  free: 10,
  baseMs: 15 * 60_000,
  maxMs: 24 * 3_600_000,
  forgetAfterMs: 24 * 3_600_000,
};

export type ThrottleState = { failures: number; lastFailureAt: number; lockedUntil: number };

export function lockDurationMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(30, failures - policy.free));
}

/** The state after one more failure at `now`. */
export function recordFailure(state: ThrottleState | undefined, now: number, policy: ThrottlePolicy): ThrottleState {
  const stale = !state || now - state.lastFailureAt > policy.forgetAfterMs;
  const failures = (stale ? 0 : state.failures) + 1;
  return { failures, lastFailureAt: now, lockedUntil: now + lockDurationMs(failures, policy) };
}

/** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
export function retryAfterSeconds(state: ThrottleState | undefined, now: number): number {
  if (!state || state.lockedUntil <= now) return 0;
  return Math.ceil((state.lockedUntil - now) / 1000);
}

export const pairKey = (email: string, address: string) => `pair:${emailKey(email)}|${address}`;
export const addressKey = (address: string) => `address:${address}`;
export const codeKey = (email: string) => `code:${emailKey(email)}`;
