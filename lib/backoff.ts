// How the worker spaces its tries of an email or a webhook: 1, 2, 4… times the first delay, at most two hours.

export const RETRY_MS = 60_000;
const MAX_RETRY_MS = 2 * 60 * 60 * 1000;

export const retryDelayMs = (attempts: number, firstMs = RETRY_MS) =>
  Math.min(firstMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
