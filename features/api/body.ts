import { ApiProblem } from './problem';
import { statusChangeSchema } from './schemas';

/** The PATCH body: JSON (server.ts has already refused one larger than the route's limit), of the schema's shape. */
export async function readStatusChange(request: Request) {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiProblem(415, 'Unsupported Media Type', 'Send the body as JSON, with Content-Type: application/json.');
  }
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new ApiProblem(400, 'Bad Request', 'The body is not valid JSON.');
  }
  const parsed = statusChangeSchema.safeParse(body);
  if (!parsed.success) {
    const invalid = parsed.error.issues.map((issue) => ({
      name: issue.path.join('.') || 'body',
      reason: issue.message,
    }));
    throw new ApiProblem(400, 'Bad Request', 'The body is not a status change: {"status": "interview"}.', { invalid });
  }
  return parsed.data;
}
