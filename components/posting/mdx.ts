import 'server-only';
import { compileMDX } from 'next-mdx-remote/rsc';
import type { ComponentProps } from 'react';
import type { MDXProvider } from '@mdx-js/react';
import type { PluggableList } from 'unified';

export type MdxComponents = ComponentProps<typeof MDXProvider>['components'];

/** Compiles trusted MDX from content/ into React elements; JavaScript expressions stay blocked. */
export async function renderMdx(source: string, components: MdxComponents, remarkPlugins: PluggableList = []) {
  const { content } = await compileMDX({
    source,
    components,
    options: { mdxOptions: { remarkPlugins }, blockJS: true },
  });
  return content;
}
