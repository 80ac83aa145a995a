import type { PluggableList } from 'unified';
import { remarkCommonSections, remarkSectionAsListItems, type CommonSectionsOptions } from './common-sections-plugin';

// The three MDX pipelines (the content check, the React render and the plain HTML of feeds and the API)
// read a body with the same plugins and turn a section name into the same source, so they cannot disagree.

/** The remark plugins of a posting or section body. */
export function bodyPlugins(options: CommonSectionsOptions): PluggableList {
  return [[remarkCommonSections, options]];
}

export type ResolvedSection = { source: string; remarkPlugins: PluggableList };

/** A placed section: its MDX source, and inside a list the plugin that makes its content further items. */
export function resolveSection(sections: ReadonlyMap<string, string>, name: string, asListItems: boolean): ResolvedSection {
  const source = sections.get(name);
  // The content check refuses unknown names, so this only trips on a name passed from code.
  if (source === undefined) throw new Error(`Unknown common section "${name}"`);
  return { source, remarkPlugins: asListItems ? [remarkSectionAsListItems] : [] };
}
