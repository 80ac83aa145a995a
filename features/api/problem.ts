import type { z } from 'zod';
import type { problemSchema } from './schemas';

// Errors of /api/v1 as RFC 9457 problem details: a status, a title and a detail a person can act on.

type Problem = z.infer<typeof problemSchema>;

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: { invalid?: Problem['invalid']; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }
}

export const API_HEADERS = { 'Cache-Control': 'no-store' };

export function problemResponse(problem: ApiProblem): Response {
  const body: Problem = {
    type: 'about:blank',
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...(problem.extra.invalid ? { invalid: problem.extra.invalid } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...API_HEADERS, ...problem.extra.headers },
  });
}

/** For the methods a route does not answer: a problem document too, with the methods it does. */
export const notAllowed = (allow: string) => () =>
  problemResponse(
    new ApiProblem(405, 'Method Not Allowed', `This resource answers ${allow} only.`, { headers: { Allow: allow } }),
  );

export const notFound = (what: string) =>
  new ApiProblem(404, 'Not Found', `No ${what} with that id, or not one this token may see.`);
