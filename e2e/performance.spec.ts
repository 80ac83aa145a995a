import { expect, SEED, test } from './fixtures/apply';
import { gzipJsBytes } from './fixtures/js-bytes';

// Standing target: a posting page loads at most 1.10 × the JavaScript of a page with no client component
// (the privacy notice) of the same build. The form's validation code loads only when a candidate starts.
test('the posting page loads at most 10 % more JavaScript than a page without client components', async ({ browser }) => {
  const measure = async (path: string) => {
    const context = await browser.newContext();
    const result = await gzipJsBytes(await context.newPage(), path);
    await context.close();
    return result;
  };
  const blank = await measure('/privacy');
  const posting = await measure(SEED);
  const ratio = posting.total / blank.total;
  console.log(`gzip JS: posting ${posting.total} B in ${posting.files} files, blank ${blank.total} B in ${blank.files} files, ratio ${ratio.toFixed(3)}`);
  expect(ratio).toBeLessThanOrEqual(1.1);
});

test('the posting page is prerendered: served from the build, not rendered per request', async ({ request }) => {
  const response = await request.get(SEED);
  expect(response.headers()['x-nextjs-cache'] ?? response.headers()['x-nextjs-prerender']).toBeTruthy();
});
