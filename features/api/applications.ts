import 'server-only';
import type { z } from 'zod';
import type { getApplication } from '@/features/application/queries';
import { parseApplicationId } from '@/features/application/schemas';
import type { listApplications } from '@/features/inbox/queries';
import { notFound } from './problem';
import type { applicationSchema, applicationSummarySchema } from './schemas';

// The application as /api/v1 hands it out, from what the admin's own queries return.

type Listed = Awaited<ReturnType<typeof listApplications>>['rows'][number];
type Read = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function applicationSummary(row: Listed): z.infer<typeof applicationSummarySchema> {
  return {
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    posting: { slug: row.postingSlug, title: row.postingTitle },
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    assignee: row.assignee ?? null,
  };
}

export function applicationDetail(row: Read): z.infer<typeof applicationSchema> {
  return {
    id: row.id,
    reference: row.reference,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    location: row.location,
    profileUrl: row.profileUrl,
    coverLetter: row.coverLetter,
    answers: (row.answers ?? []).map(({ id, label, type, answer }) => ({ id, label, type, answer })),
    posting: { slug: row.postingSlug, title: row.postingTitle },
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    decidedAt: iso(row.decidedAt),
    erasedAt: iso(row.erasedAt),
    source: row.source,
    resume: row.erasedAt
      ? null
      : {
          fileName: row.resumeFileName,
          mediaType: row.resumeMediaType,
          size: row.resumeSize,
          url: `/api/v1/applications/${row.id}/resume`,
        },
    history: row.history.map((change) => ({ from: change.from, to: change.to, at: change.at.toISOString() })),
  };
}

/** The application id of the path, or a 404 like any id the token may not see. */
export function pathId(raw: string): number {
  const id = parseApplicationId(raw);
  if (id === null) throw notFound('application');
  return id;
}
