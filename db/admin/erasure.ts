import 'server-only';
import { auditEntry } from '@/db/audit-log';
import { addressRateLimitKeys } from '@/db/candidate/access';
import { eraseSteps, removeErasedObject } from '@/db/erasure';
import { resumeStore } from '@/db/storage/resume-store';
import { exclusive, run, transaction } from '@/db/transaction';
import { authorizeApplication, authorizeRole, ownersAndRecruiters } from './access';
import type { AdminContext } from './context';

/**
 * An admin erases one application at once (a candidate who asked by email, say): personal data and the
 * resume go, the anonymous stub stays. Audited with who and when, never with what was erased.
 */
export async function eraseApplication(
  id: number,
  context?: AdminContext,
  { tellCandidate = false }: { tellCandidate?: boolean } = {},
): Promise<'erased' | 'not-found'> {
  await authorizeRole(ownersAndRecruiters, 'erase an application', context);
  const allowed = await authorizeApplication(id, 'erase the application', context);
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
    });
    if (result) {
      const detail = tellCandidate ? 'by an admin; the candidate was told' : 'by an admin';
      yield* run(auditEntry(tx, t, { actorEmail: viewer.email, action: 'erased', applicationId: id, detail }, now));
    }
    return result;
  });
  await removeErasedObject(resumeStore(), erased);
  return erased ? 'erased' : 'not-found';
}
