import path from 'node:path';
import { loadContent } from '@/lib/content/load';

// Exits non-zero with every problem listed, so authors (and CI) see bad content before a build does.
loadContent(path.join(process.cwd(), 'content')).then(
  ({ postings, sections }) => {
    console.log(`content ok: ${postings.length} postings, ${sections.size} sections`);
  },
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
