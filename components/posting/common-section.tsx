import { ApplySection, type ApplyAction } from '@/components/apply/apply-section';
import { getSectionSource } from '@/lib/content';
import { remarkSectionAsListItems } from '@/lib/content/common-sections-plugin';
import type { Posting } from '@/lib/content/posting';
import { renderMdx } from './mdx';

type Props = {
  /** A file name in content/sections, without `.mdx`. */
  name: string;
  /** Set by the remark plugin when the section sits inside a list: it renders as further `<li>` items. */
  asListItems?: boolean;
  posting?: Posting;
  applyAction?: ApplyAction;
};

/** A shared section. `apply-now` renders its text and then the application form of the posting. */
export async function CommonSection({ name, asListItems = false, posting, applyAction }: Props) {
  const source = await getSectionSource(name);
  // Content is checked before rendering, so this only trips on a name passed from code.
  if (source === undefined) throw new Error(`Unknown common section "${name}"`);
  const content = await renderMdx(`section:${name}:${asListItems ? 'items' : 'block'}`, source, {}, asListItems ? [remarkSectionAsListItems] : []);
  if (asListItems) return content;
  return (
    <div className="common-section" data-section={name}>
      {content}
      {name === 'apply-now' && posting && applyAction ? <ApplySection posting={posting} action={applyAction} /> : null}
    </div>
  );
}
