import 'server-only';
import { listMail } from '@/db/outbox';
import { authorize, type AdminContext } from './context';

/** The emails about one application, oldest first, with their delivery state, for its admin page. */
export async function listApplicationMail(id: number, context?: AdminContext) {
  const { database } = await authorize(context);
  return listMail(database, id);
}
