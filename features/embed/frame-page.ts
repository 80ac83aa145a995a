import { EMPLOYMENT_LABELS } from '@/features/postings/components/describe';
import { escapeHtml as escape } from '@/lib/http/html';
import { site } from '@/lib/site';
import type { EmbedPosting, EmbedView } from './render';
import { EMBED_CSS, embedRenderer } from './render';
import { EMBED_SOURCE } from './script';

/** Where the iframe version lives; its filter form is sent back to it. */
export const EMBED_FRAME_PATH = '/embed/v1/jobs';

const renderer = embedRenderer();

/** A query value as the filters take it: the first, trimmed, at most 200 characters (the listing's rule). */
export function viewFrom(params: URLSearchParams): EmbedView {
  const first = (name: string) => (params.get(name) ?? '').trim().slice(0, 200);
  return { q: first('q'), category: first('category') };
}

/**
 * The iframe version: a whole page with no framework script, the filters a plain GET form. A line of script
 * tells the page around it how tall it is (the embed script, or the host's own listener, sizes the frame).
 */
export function framePage(postings: EmbedPosting[], view: EmbedView): string {
  const options = {
    action: EMBED_FRAME_PATH,
    linkTarget: '_top' as const,
    source: EMBED_SOURCE,
    employment: EMPLOYMENT_LABELS,
    site: '',
  };
  const { html, status } = renderer.results(postings, view, options);
  const title = `Open positions at ${site.shortName}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>html{color-scheme:light}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#fff}main{padding:.25rem .25rem 1rem}${EMBED_CSS}</style>
</head><body><main class="cj"><h1 class="cj-hidden">${escape(title)}</h1>
${renderer.form(postings, view, options)}<p class="cj-status" role="status">${escape(status)}</p><div class="cj-results">${html}</div></main>
<script>(()=>{const m=document.querySelector('main');const send=()=>parent!==window&&parent.postMessage({type:'careers-jobs:height',height:Math.ceil(m.getBoundingClientRect().height)},'*');new ResizeObserver(send).observe(m);addEventListener('message',(e)=>e.source===parent&&e.data&&e.data.type==='careers-jobs:measure'&&send());send()})()</script>
</body></html>
`;
}
