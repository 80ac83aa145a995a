import 'server-only';
import { compileMDX } from 'next-mdx-remote/rsc';
import type { ComponentProps, ReactElement } from 'react';
import type { MDXProvider } from '@mdx-js/react';
import type { PluggableList } from 'unified';

export type MdxComponents = ComponentProps<typeof MDXProvider>['components'];

// Compiled content, by key. Pages are prerendered, but a form posted without JavaScript renders the page
// again on the server: compiling the MDX each time made that path ten times slower than it needs to be.
// Content ships with the build, so in production a key's source never changes.
const compiled = new Map<string, Promise<ReactElement>>();

/**
 * Compiles trusted MDX from content/ into React elements; JavaScript expressions stay blocked. `key` names
 * the source and everything the components close over (the posting), so the result can be reused.
 */
export function renderMdx(key: string, source: string, components: MdxComponents, remarkPlugins: PluggableList = []) {
  const compile = () =>
    compileMDX({ source, components, options: { mdxOptions: { remarkPlugins }, blockJS: true } }).then((r) => r.content);
  if (process.env.NODE_ENV !== 'production') return compile();
  let content = compiled.get(key);
  if (!content) {
    content = compile();
    content.catch(() => compiled.delete(key));
    compiled.set(key, content);
  }
  return content;
}
