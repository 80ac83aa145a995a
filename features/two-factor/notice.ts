import 'server-only';
import type { AppDb, Database } from '@/db/database';
import { run, type Steps } from '@/db/transaction';
import { mail } from '@/features/mail/messages';
import { queueMail } from '@/features/mail/outbox';
import type { SignInChange } from '@/lib/sign-in-changes';

/** The member is emailed that how they sign in changed, in the transaction that changed it. */
export function* signInChanged({
  database,
  tx,
  email,
  change,
  now,
}: {
  database: Database;
  tx: AppDb;
  email: string;
  change: SignInChange;
  now: number;
}): Steps<void> {
  const at = new Date(now).toISOString();
  yield* run(queueMail({ db: tx, t: database.t, mail: mail('sign_in_changed', email, { change, at }), now }));
}
