import 'server-only';
import { CONTROL_OR_LINE_BREAK, DIRECTION_CONTROL } from '@/features/apply/text-rules';
import { listApplications } from '@/features/inbox/queries';
import type { AdminContext } from '@/features/staff/context';
import { ApiProblem } from './problem';
import { listQuerySchema } from './schemas';

const KNOWN = new Set(Object.keys(listQuerySchema.shape));

/**
 * The list's query, strictly: unlike the inbox's URL (which leaves a bad filter out and says so on the page), a
 * program is told which parameter it got wrong, so a typo does not silently widen what it reads.
 */
export function parseListQuery(params: URLSearchParams) {
  const invalid: { name: string; reason: string }[] = [];
  const values: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    const all = params.getAll(name);
    if (!KNOWN.has(name)) invalid.push({ name, reason: `unknown parameter; expected one of ${[...KNOWN].join(', ')}` });
    else if (all.length > 1) invalid.push({ name, reason: 'given more than once' });
    // A NUL is refused by PostgreSQL, and no filter holds control or text-direction characters.
    else if (CONTROL_OR_LINE_BREAK.test(all[0]!) || DIRECTION_CONTROL.test(all[0]!)) {
      invalid.push({ name, reason: 'contains control characters' });
    } else values[name] = all[0]!;
  }
  const parsed = listQuerySchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) invalid.push({ name: String(issue.path[0]), reason: issue.message });
  }
  if (invalid.length || !parsed.success) {
    throw new ApiProblem(400, 'Bad Request', `The query has ${invalid.length} invalid parameter(s).`, { invalid });
  }
  return parsed.data;
}

export async function listApplicationsPage({ url, context }: { url: URL; context: AdminContext }) {
  const { cursor, ...filter } = parseListQuery(url.searchParams);
  return listApplications({ filter, before: cursor, context });
}
