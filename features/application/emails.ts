import 'server-only';
import { listMail } from '@/features/mail/outbox';
import { authorizeApplication } from '@/features/staff/access';
import type { AdminContext } from '@/features/staff/context';

/** The emails about one application, oldest first, with their delivery state, for its admin page. */
export async function listApplicationMail({ id, context }: { id: number; context?: AdminContext }) {
  const allowed = await authorizeApplication({ id, attempted: 'read the emails', context });
  return allowed ? listMail({ database: allowed.database, applicationId: id }) : [];
}
