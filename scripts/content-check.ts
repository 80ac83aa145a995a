import path from 'node:path';
import { isShallowClone } from '@/lib/content/git-dates';
import { loadContent } from '@/lib/content/load';

// Exits non-zero with every problem listed, so authors (and CI) see bad content before a build does.
const root = path.join(process.cwd(), 'content');
loadContent(root).then(
  async ({ postings, sections }) => {
    console.log(`content ok: ${postings.length} postings, ${sections.size} sections`);
    // Not an error (a new posting is uncommitted while it is written), but a build made now would date it by
    // the file, and the next checkout would date it again.
    for (const p of postings.filter((p) => p.datedByFile && !p.datePosted && p.status !== 'draft'))
      console.warn(
        `note: ${p.file} is dated by its file's time until it is committed (git history dates it by the commit that published it); or give it datePosted`,
      );
    if (await isShallowClone(root))
      console.warn(
        'note: this is a shallow clone: postings published before its oldest commit are dated by that commit (git fetch --unshallow dates them by their own)',
      );
  },
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
