import { z } from 'zod';
import { API_SCOPE_LABELS } from '@/lib/api-scopes';
import { site } from '@/lib/site';
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

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers build their answers with
// (zod 4 writes JSON Schema 2020-12, OpenAPI 3.1's own dialect). Its examples are sent and checked by
// e2e/api.spec.ts, and the document by a real OpenAPI validator.

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

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

function componentSchemas() {
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

const problem = (description: string, example: { title: string; status: number; detail: string }) => ({
  description,
  content: {
    'application/problem+json': {
      schema: ref('Problem'),
      examples: { problem: { value: { type: 'about:blank', ...example } } },
    },
  },
});

const COMMON_ERRORS = {
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

const NOT_FOUND = problem('No such application, or not one this token may see.', {
  title: 'Not Found',
  status: 404,
  detail: 'No application with that id, or not one this token may see.',
});

const idParameter = {
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

function listParameters() {
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

const SUMMARY_EXAMPLE = {
  id: 42,
  fullName: 'Ada Lovelace',
  email: 'ada@example.com',
  posting: { slug: 'senior-backend-engineer-remote', title: 'Senior Backend Engineer' },
  status: 'new',
  createdAt: '2026-12-01T09:30:00.000Z',
  assignee: null,
};

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: `${site.companyName} careers API`,
      version: '1',
      description:
        'Applications and postings of the careers site, for an HR system or a script. Every request carries a token an owner made in the admin area (Admin → API tokens); each token has scopes and a rate limit, and every use is in the audit log. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: site.url }],
    security: [{ token: [] }],
    paths: {
      '/api/v1/applications': {
        get: {
          operationId: 'listApplications',
          summary: 'List applications, newest first, 50 a page',
          description: 'Needs the applications:read scope. Filters are those of the admin inbox.',
          parameters: listParameters(),
          responses: {
            '200': {
              description: 'A page of applications.',
              content: {
                'application/json': {
                  schema: ref('ApplicationList'),
                  examples: { page: { value: { data: [SUMMARY_EXAMPLE], nextCursor: 42 } } },
                },
              },
            },
            '400': problem('A query parameter is unknown, repeated or invalid; `invalid` names each.', {
              title: 'Bad Request',
              status: 400,
              detail: 'The query has 1 invalid parameter(s).',
            }),
            ...COMMON_ERRORS,
          },
        },
      },
      '/api/v1/applications/{id}': {
        get: {
          operationId: 'getApplication',
          summary: 'Read one application with its answers and status history',
          description: 'Needs the applications:read scope.',
          parameters: [idParameter],
          responses: {
            '200': {
              description: 'The application.',
              content: {
                'application/json': {
                  schema: ref('Application'),
                  examples: {
                    application: {
                      value: {
                        ...SUMMARY_EXAMPLE,
                        assignee: undefined,
                        reference: 'K7QM-3XRD',
                        phone: null,
                        location: 'Amsterdam',
                        profileUrl: null,
                        coverLetter: 'I would like to…',
                        answers: [
                          { id: 'notice-period', label: 'Notice period', type: 'short_text', answer: '1 month' },
                        ],
                        decidedAt: null,
                        erasedAt: null,
                        source: 'linkedin',
                        resume: {
                          fileName: 'cv.pdf',
                          mediaType: 'application/pdf',
                          size: 48213,
                          url: '/api/v1/applications/42/resume',
                        },
                        history: [],
                      },
                    },
                  },
                },
              },
            },
            '404': NOT_FOUND,
            ...COMMON_ERRORS,
          },
        },
        patch: {
          operationId: 'changeStatus',
          summary: 'Move an application to another status',
          description:
            'Needs the applications:write scope. The same change as the admin’s status form, recorded in its history and the audit log; no email goes to the candidate.',
          parameters: [idParameter],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: ref('StatusChange'),
                examples: { interview: { value: { status: 'interview' } } },
              },
            },
          },
          responses: {
            '200': {
              description: 'The status now, and whether it changed.',
              content: {
                'application/json': {
                  schema: ref('StatusChanged'),
                  examples: { moved: { value: { id: 42, status: 'interview', changed: true } } },
                },
              },
            },
            '400': problem('The body is not JSON, or not a status change; `invalid` names the field.', {
              title: 'Bad Request',
              status: 400,
              detail: 'The body is not a status change: {"status": "interview"}.',
            }),
            '404': NOT_FOUND,
            '413': problem('The body is larger than the API accepts (8 KB); refused before it is read.', {
              title: 'Payload Too Large',
              status: 413,
              detail: 'The request body is larger than the API accepts (8 KB)',
            }),
            '415': problem('The body was not sent as application/json.', {
              title: 'Unsupported Media Type',
              status: 415,
              detail: 'Send the body as JSON, with Content-Type: application/json.',
            }),
            ...COMMON_ERRORS,
          },
        },
      },
      '/api/v1/applications/{id}/resume': {
        get: {
          operationId: 'getResume',
          summary: 'Download the resume as the candidate sent it',
          description: 'Needs the applications:read scope. Recorded in the audit log as a resume download.',
          parameters: [idParameter],
          responses: {
            '200': {
              description: 'The file: a PDF or a Word document.',
              content: {
                'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } },
                'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
                  schema: {
                    type: 'string',
                    contentMediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                  },
                },
              },
            },
            '404': NOT_FOUND,
            ...COMMON_ERRORS,
          },
        },
      },
      '/api/v1/postings': {
        get: {
          operationId: 'listPostings',
          summary: 'List every posting with its questions',
          description: 'Needs the postings:read scope. Open, closed and draft postings alike.',
          responses: {
            '200': {
              description: 'The postings.',
              content: {
                'application/json': {
                  schema: ref('PostingList'),
                  examples: {
                    postings: {
                      value: {
                        data: [
                          {
                            slug: 'senior-backend-engineer-remote',
                            title: 'Senior Backend Engineer',
                            status: 'open',
                            category: 'Engineering',
                            position: 1,
                            location: null,
                            url: `${site.url}/careers/senior-backend-engineer-remote`,
                            questions: [
                              { id: 'notice-period', label: 'Notice period', type: 'short_text', required: true },
                            ],
                          },
                        ],
                      },
                    },
                  },
                },
              },
            },
            ...COMMON_ERRORS,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        token: {
          type: 'http',
          scheme: 'bearer',
          description: `An API token (cpt_…). Scopes: ${Object.entries(API_SCOPE_LABELS)
            .map(([scope, label]) => `${scope} (${label.toLowerCase()})`)
            .join('; ')}.`,
        },
      },
      schemas: componentSchemas(),
    },
  };
}
