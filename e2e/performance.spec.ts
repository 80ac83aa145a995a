import { SEED } from './fixtures/apply';
import { gzipJsBytes } from './fixtures/js-bytes';
import { expect, test } from './fixtures/test';

// Standing target: a posting page loads at most 1.10 × the JavaScript of a page with no client component
// (the privacy notice) of the same build. The form's validation code loads only when a candidate starts.
test('the posting page loads at most 10 % more JavaScript than a page without client components', async ({
  newPage,
}) => {
  // Each page in a fresh context, so neither reuses the other's cached scripts.
  const measure = async (path: string) => gzipJsBytes(await newPage(), path);
  const blank = await measure('/privacy');
  const posting = await measure(SEED);
  const ratio = posting.total / blank.total;
  console.log(
    `gzip JS: posting ${posting.total} B in ${posting.files} files, blank ${blank.total} B in ${blank.files} files, ratio ${ratio.toFixed(3)}`,
  );
  expect(ratio).toBeLessThanOrEqual(1.1);
});

test('the posting page is prerendered: served from the build, not rendered per request', async ({ request }) => {
  const response = await request.get(SEED);
  expect(response.headers()['x-nextjs-cache'] ?? response.headers()['x-nextjs-prerender']).toBeTruthy();
});
