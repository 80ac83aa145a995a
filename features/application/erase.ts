import 'server-only';
import { exclusive, run, transaction } from '@/db/transaction';
import { auditEntry } from '@/features/audit/log';
import { addressRateLimitKeys } from '@/features/candidate/access';
import { eraseSteps, removeErasedObject } from '@/features/privacy/erasure';
import { resumeStore } from '@/features/resumes/store';
import { authorizeApplication, authorizeRole, ownersAndRecruiters } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';

/**
 * An admin erases one application at once (a candidate who asked by email, say): personal data and the
 * resume go, the anonymous stub stays. Audited with who and when, never with what was erased.
 */
export async function eraseApplication({
  id,
  context,
  tellCandidate = false,
}: {
  id: number;
  context?: AdminContext;
  tellCandidate?: boolean;
}): Promise<'erased' | 'not-found'> {
  await authorizeRole({ roles: ownersAndRecruiters, attempted: 'erase an application', context });
  const allowed = await authorizeApplication({ id, attempted: 'erase the application', context });
  if (!allowed) return 'not-found';
  const { database, viewer, now: clock } = allowed;
  const { t } = database;
  const now = clock();
  const erased = await transaction(database, function* (tx) {
    yield* exclusive(database, tx, `application:${id}`);
    const result = yield* eraseSteps({
      tx,
      t,
      id,
      now,
      notify: tellCandidate,
      rateLimitKeys: addressRateLimitKeys,
      requested: true,
    });
    if (result) {
      const detail = tellCandidate ? 'by an admin; the candidate was told' : 'by an admin';
      yield* run(
        auditEntry({
          db: tx,
          t,
          entry: { actorEmail: viewer.email, action: 'erased', applicationId: id, detail },
          now,
        }),
      );
    }
    return result;
  });
  await removeErasedObject({ store: resumeStore(), erased });
  return erased ? 'erased' : 'not-found';
}
