import type { ReactNode } from 'react';
import { getSection } from '@/lib/content';
import { FORM_SECTION } from '@/lib/content/common-sections-plugin';
import { renderMdx } from '@/lib/content/render-mdx';

type Props = {
  /** A file name in content/sections, without `.mdx`. */
  name: string;
  /** Set by the remark plugin when the section sits inside a list: it renders as further `<li>` items. */
  asListItems?: boolean;
  /** What the form section shows after its text: the posting page decides (the application form). */
  form?: ReactNode;
};

/** A shared section; the form section ends with the page's form. */
export async function CommonSection({ name, asListItems = false, form }: Props) {
  const { source, remarkPlugins } = await getSection(name, asListItems);
  const content = await renderMdx(`section:${name}:${asListItems ? 'items' : 'block'}`, source, {}, remarkPlugins);
  if (asListItems) return content;
  return (
    <div className="common-section" data-section={name}>
      {content}
      {name === FORM_SECTION ? form : null}
    </div>
  );
}
