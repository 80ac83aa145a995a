import { EMPLOYMENT_LABELS } from '@/features/postings/components/describe';
import { EMBED_CSS, embedRenderer } from './render';
import { careersJobsWidget, type WidgetSettings } from './widget';

/** Where the posting links from an embed say they came from (the inbox's and dashboard's source). */
export const EMBED_SOURCE = 'embed';

/**
 * The script another website loads: the widget and the renderer as their own compiled source (neither reaches
 * outside its body), with the styles and settings as JSON. No framework: a few kilobytes compressed.
 */
export function embedScript(): string {
  const settings: WidgetSettings = { source: EMBED_SOURCE, employment: EMPLOYMENT_LABELS };
  // Run through tsx (the unit tests, the dev scripts), esbuild names functions with a `__name` helper of its
  // module: the script brings a stand-in, so the same source runs wherever it was compiled.
  return (
    '/*! careers jobs embed, v1 */\n' +
    `(() => {\nconst __name = (f) => f;\n` +
    `(${careersJobsWidget.toString()})((${embedRenderer.toString()})(), ${JSON.stringify(EMBED_CSS.trim())}, ${JSON.stringify(settings)});\n})();\n`
  );
}
