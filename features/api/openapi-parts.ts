import { z } from 'zod';
import {
  applicationListSchema,
  applicationSchema,
  applicationSummarySchema,
  apiPostingSchema,
  listQuerySchema,
  postingListSchema,
  problemSchema,
  statusChangedSchema,
  statusChangeSchema,
} from './schemas';

// The pieces of the OpenAPI document (features/api/openapi.ts) that every operation shares: the component
// schemas generated from the zod schemas, the list's parameters, and the problem answers.

export const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** The schema with every object in it left open to fields added later. */
function open(schema: unknown): Record<string, unknown> {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !(key === 'additionalProperties' && value === false))
        .map(([key, value]) => [key, walk(value)]),
    );
  };
  return walk(schema) as Record<string, unknown>;
}

export function componentSchemas() {
  const registry = z.registry<{ id: string }>();
  const named = {
    Problem: problemSchema,
    ApplicationSummary: applicationSummarySchema,
    ApplicationList: applicationListSchema,
    Application: applicationSchema,
    StatusChanged: statusChangedSchema,
    Posting: apiPostingSchema,
    PostingList: postingListSchema,
  };
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  const request = z.toJSONSchema(statusChangeSchema, { io: 'input' });
  const out: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries({ ...schemas, StatusChange: request })) {
    const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
    // Answers may gain fields (docs/api.md): a client must not be told that any other field is an error.
    out[id] = id === 'StatusChange' ? rest : open(rest);
  }
  return out;
}

export const problem = (description: string, example: { title: string; status: number; detail: string }) => ({
  description,
  content: {
    'application/problem+json': {
      schema: ref('Problem'),
      examples: { problem: { value: { type: 'about:blank', ...example } } },
    },
  },
});

export const COMMON_ERRORS = {
  '401': problem('No token, or one that is unknown, revoked or whose owner’s account is disabled.', {
    title: 'Unauthorized',
    status: 401,
    detail: 'Send a valid API token: Authorization: Bearer cpt_…',
  }),
  '403': problem('The token lacks the scope this operation needs.', {
    title: 'Forbidden',
    status: 403,
    detail: 'This token lacks the applications:read scope; an owner can make one that has it.',
  }),
  '429': problem('Too many requests from this token in the current window (API_RATE_LIMIT); see Retry-After.', {
    title: 'Too Many Requests',
    status: 429,
    detail: 'This token made too many requests: try again in 12 s.',
  }),
};

export const NOT_FOUND = problem('No such application, or not one this token may see.', {
  title: 'Not Found',
  status: 404,
  detail: 'No application with that id, or not one this token may see.',
});

export const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1 },
  example: 1,
};

const QUERY_DESCRIPTIONS: Record<string, string> = {
  posting: 'Only this posting’s applications (its slug).',
  status: 'Only applications with this status.',
  source: 'Only applications from this source (utm_source or the referring site).',
  from: 'Received on or after this day (UTC), YYYY-MM-DD.',
  to: 'Received on or before this day (UTC), YYYY-MM-DD.',
  q: 'Search in names, email addresses and cover letters.',
  assigned: '`me`: only the applications assigned to the token’s owner.',
  cursor: 'The `nextCursor` of the page before.',
};
const QUERY_EXAMPLES: Record<string, string | number> = { status: 'new', from: '2026-01-01', cursor: 1000 };

export function listParameters() {
  return Object.entries(listQuerySchema.shape).map(([name, schema]) => {
    const { $schema: _s, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    return {
      name,
      in: 'query',
      required: false,
      description: QUERY_DESCRIPTIONS[name],
      schema: json,
      ...(QUERY_EXAMPLES[name] ? { example: QUERY_EXAMPLES[name] } : {}),
    };
  });
}
