// SHUTDOWN_DELAY_SECONDS: on SIGTERM, how long /readyz answers 503 while the server still serves, before it stops
// accepting. A load balancer or Kubernetes takes the instance out of rotation on its next probes, so no request
// is sent to a server that has stopped listening (the "drain first" pattern); 0 stops at once.

export const MAX_SHUTDOWN_DELAY_SECONDS = 120;

export function shutdownDelayMsFromEnv(setting = process.env.SHUTDOWN_DELAY_SECONDS): number {
  if (setting === undefined || setting === '') return 0;
  const seconds = Number(setting);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_SHUTDOWN_DELAY_SECONDS)
    throw new Error(
      `SHUTDOWN_DELAY_SECONDS must be a whole number of seconds from 0 to ${MAX_SHUTDOWN_DELAY_SECONDS}; got "${setting}"`,
    );
  return seconds * 1000;
}

/** What /readyz says while the instance drains: not ready, so no new traffic comes, and why. */
export const DRAINING_BODY = JSON.stringify({ status: 'stopping', checks: { server: 'shutting down' } });
