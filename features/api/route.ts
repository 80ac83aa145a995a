import 'server-only';
import { getDb } from '@/db/index';
import { hitRateLimit } from '@/db/rate-limit';
import { auditEntry } from '@/features/audit/log';
import type { AdminContext } from '@/features/staff/context';
import type { ApiScope } from '@/lib/api-scopes';
import { parseRateLimit } from '@/lib/rate-limit';
import { ApiProblem, problemResponse } from './problem';
import { resolveApiToken } from './tokens';

// Every /api/v1 route goes through here: the token, its scope, its rate limit and the audit entry, in that
// order, before the handler runs with a data-layer context that acts as the token. The data layer checks
// authorization again itself, as it does for a person.

// Read once: the environment does not change while the server runs.
const RATE = parseRateLimit(process.env.API_RATE_LIMIT, { limit: 600, windowMs: 60_000 });

type Handler<P> = (call: { request: Request; params: P; context: AdminContext }) => Promise<Response>;

export function apiRoute<P>(
  { scope, route, applicationId }: { scope: ApiScope; route: string; applicationId?: (params: P) => number | null },
  handler: Handler<P>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const database = await getDb();
      const now = Date.now();
      const caller = await resolveApiToken({ database, authorization: request.headers.get('authorization'), now });
      if (!caller) {
        throw new ApiProblem(401, 'Unauthorized', 'Send a valid API token: Authorization: Bearer cpt_…', {
          headers: { 'WWW-Authenticate': 'Bearer realm="api"' },
        });
      }
      // Counted first, so refusals count too.
      const wait = await hitRateLimit({ database, key: `api:${caller.tokenId}`, policy: RATE, now });
      if (wait) {
        throw new ApiProblem(429, 'Too Many Requests', `This token made too many requests: try again in ${wait} s.`, {
          headers: { 'Retry-After': String(wait) },
        });
      }
      const resolved = await params;
      const audit = (status: number) =>
        auditEntry({
          db: database.db,
          t: database.t,
          // The route's pattern and the answer, never the query: a search term is the candidate's name. The
          // application only once the token could see it.
          entry: {
            actorEmail: caller.viewer.email,
            action: 'api_request',
            applicationId: status < 400 ? (applicationId?.(resolved) ?? undefined) : undefined,
            detail: `${request.method} ${route} → ${status}`,
          },
          now,
        });
      if (!caller.scopes.includes(scope)) {
        await audit(403);
        throw new ApiProblem(
          403,
          'Forbidden',
          `This token lacks the ${scope} scope; an owner can make one that has it.`,
        );
      }
      const context: AdminContext = {
        database,
        token: async () => undefined,
        deny: () => {
          throw new ApiProblem(401, 'Unauthorized', 'Send a valid API token.');
        },
        now: Date.now,
        asViewer: caller.viewer,
      };
      try {
        const response = await handler({ request, params: resolved, context });
        await audit(response.status);
        return response;
      } catch (error) {
        if (error instanceof ApiProblem) await audit(error.status);
        throw error;
      }
    } catch (error) {
      if (error instanceof ApiProblem) return problemResponse(error);
      throw error;
    }
  };
}
