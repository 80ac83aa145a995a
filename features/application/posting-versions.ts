import 'server-only';
import { eq } from 'drizzle-orm';
import { authorizeApplication } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';

/**
 * The version of the posting an application was sent to, read through the application: whoever may open the
 * application may read what its candidate read. Null when the application is missing or predates versions.
 */
export async function getAppliedVersion({ applicationId, context }: { applicationId: number; context?: AdminContext }) {
  const allowed = await authorizeApplication({ id: applicationId, attempted: 'read the posting version', context });
  if (!allowed) return null;
  const { db, t } = allowed.database;
  const [version] = await db
    .select({
      applicationId: t.applications.id,
      fullName: t.applications.fullName,
      hash: t.postingVersions.hash,
      postingSlug: t.postingVersions.postingSlug,
      frontMatter: t.postingVersions.frontMatter,
      body: t.postingVersions.body,
      createdAt: t.postingVersions.createdAt,
    })
    .from(t.applications)
    .innerJoin(t.postingVersions, eq(t.postingVersions.hash, t.applications.postingVersion))
    .where(eq(t.applications.id, applicationId))
    .limit(1);
  return version ?? null;
}
