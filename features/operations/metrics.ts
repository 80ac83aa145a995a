// /metrics in the Prometheus text format (prom-client), for the server in server.ts: every request by route
// pattern, method and status with its latency, and at each scrape the data's figures (features/operations/
// sample.ts), the database pools' use and the process's own (CPU, memory, event loop). Loaded only when
// METRICS_TOKEN or METRICS_PORT is set: a site that is not scraped never pays for it.
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { poolStats } from '@/db/pools';
import type { OperationsSample } from './sample';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** A scrape reads the database at most this often; scrapes in between get the last figures. */
const SAMPLE_MS = 10_000;

export type Metrics = {
  registry: Registry;
  /** One answered request; `method` outside the usual ones is counted as OTHER (a client picks it). */
  observe: (request: { method: string; route: string; status: number; seconds: number }) => void;
};

export function createMetrics({
  sample,
  sampleMs = SAMPLE_MS,
  now = Date.now,
}: {
  /** The data's figures; a failure is reported as careers_database_up 0, never as a failed scrape. */
  sample: () => Promise<OperationsSample>;
  sampleMs?: number;
  now?: () => number;
}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'careers_http_request_duration_seconds',
    help: 'Requests answered, by route pattern, method and status, and how long they took.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  let last: { at: number; figures: Promise<OperationsSample | null> } | undefined;
  const figures = () => {
    if (!last || now() - last.at >= sampleMs) last = { at: now(), figures: sample().catch(() => null) };
    return last.figures;
  };
  new Gauge({
    name: 'careers_database_up',
    help: 'Whether the last read of the figures below from the database succeeded (1) or not (0).',
    registers: [registry],
    async collect() {
      this.set((await figures()) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'careers_applications',
    help: 'Applications kept, by status (erased ones are gone).',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const current = await figures();
      this.reset();
      if (current) for (const [status, count] of Object.entries(current.applications)) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'careers_outbox_emails',
    help: 'Emails in the outbox: pending (not yet sent) and failed (given up on after their last retry).',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const current = await figures();
      this.reset();
      if (current) for (const state of ['pending', 'failed'] as const) this.set({ state }, current.outbox[state]);
    },
  });
  new Gauge({
    name: 'careers_outbox_oldest_pending_seconds',
    help: 'How long the oldest pending email has waited (0 when none waits, NaN when the database did not answer).',
    registers: [registry],
    async collect() {
      const current = await figures();
      // Unknown, not 0 ("nothing waits"), while the database does not answer.
      this.set(current ? current.outbox.oldestPendingSeconds : NaN);
    },
  });
  new Gauge({
    name: 'careers_webhook_deliveries',
    help: 'Webhook deliveries: pending (not yet delivered, retries included) and failed (given up on after a day, kept 30 days).',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const current = await figures();
      this.reset();
      if (current) for (const state of ['pending', 'failed'] as const) this.set({ state }, current.webhooks[state]);
    },
  });
  new Gauge({
    name: 'careers_webhook_endpoints_paused',
    help: 'Webhook endpoints paused after a day of failures, until an owner resumes them.',
    registers: [registry],
    async collect() {
      const current = await figures();
      this.set(current ? current.webhooks.pausedEndpoints : NaN);
    },
  });
  new Gauge({
    name: 'careers_database_pool_connections',
    help: 'PostgreSQL pool connections of this process, by pool (app, worker, metrics) and state.',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { name, total, idle, waiting } of poolStats()) {
        this.set({ pool: name, state: 'total' }, total);
        this.set({ pool: name, state: 'idle' }, idle);
        this.set({ pool: name, state: 'waiting' }, waiting);
      }
    },
  });

  return {
    registry,
    observe: ({ method, route, status, seconds }) =>
      requests.observe({ route, method: METHODS.has(method) ? method : 'OTHER', status: String(status) }, seconds),
  };
}
