import 'server-only';
import { getPostingHtml, listOpenPostings } from '@/lib/content';
import { publicPosting, type PublicPosting } from './public-posting';

/** Open postings as other sites see them, newest first. */
export async function listPublicPostings(): Promise<PublicPosting[]> {
  return Promise.all((await listOpenPostings()).map(async (p) => publicPosting(p, await getPostingHtml(p))));
}
