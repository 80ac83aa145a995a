import 'server-only';
import { listMail } from '@/db/outbox';
import { authorizeApplication } from './access';
import type { AdminContext } from './context';

/** The emails about one application, oldest first, with their delivery state, for its admin page. */
export async function listApplicationMail(id: number, context?: AdminContext) {
  const allowed = await authorizeApplication(id, 'read the emails', context);
  return allowed ? listMail(allowed.database, id) : [];
}
