import 'server-only';
import type { MDXProvider } from '@mdx-js/react';
import { compileMDX } from 'next-mdx-remote/rsc';
import type { ComponentProps, ReactElement } from 'react';
import type { PluggableList } from 'unified';
import { buildCache } from '@/lib/content/build-cache';

export type MdxComponents = ComponentProps<typeof MDXProvider>['components'];

// A form posted without JavaScript renders the page again on the server; compiling the MDX each time made
// that path several times slower, so compiled content is kept by key.
const compiled = buildCache<ReactElement>();

/**
 * Compiles trusted MDX from content/ into React elements; JavaScript expressions stay blocked. `key` names
 * the source and everything the components close over (the posting), so the result can be reused.
 */
export function renderMdx(key: string, source: string, components: MdxComponents, remarkPlugins: PluggableList = []) {
  return compiled(key, () =>
    compileMDX({ source, components, options: { mdxOptions: { remarkPlugins }, blockJS: true } }).then((r) => r.content),
  );
}
