import { API_SCOPE_LABELS } from '@/lib/api-scopes';
import { site } from '@/lib/site';
import { COMMON_ERRORS, componentSchemas, idParameter, listParameters, NOT_FOUND, problem, ref } from './openapi-parts';

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers build their answers with
// (zod 4 writes JSON Schema 2020-12, OpenAPI 3.1's own dialect). Its examples are sent and checked by
// e2e/api.spec.ts, and the document by a real OpenAPI validator.

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
