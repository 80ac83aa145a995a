import type { PublicPosting } from '@/features/postings/public-posting';

// The open positions as another website shows them: the same markup from the iframe page (rendered here, on the
// server) and from the script (rendered in the visitor's browser, inside a shadow root). The browser gets this
// function's own source (features/embed/script.ts), so it must not reach anything outside its body.

export type EmbedPosting = Pick<
  PublicPosting,
  'slug' | 'title' | 'category' | 'position' | 'location' | 'remote' | 'employmentType' | 'department' | 'html'
>;

/** What the visitor filtered by: the listing's own filters, a search and a team. */
export type EmbedView = { q: string; category: string };

export type EmbedOptions = {
  /** Where the filter form is sent (the iframe page), or null where the script filters as one types. */
  action: string | null;
  /** `_top` in the iframe, so a posting opens in the page, not in the frame. */
  linkTarget: '_top' | null;
  /** The `?src=` the posting links carry, so the inbox shows which applications the embed brought. */
  source: string;
  /** Employment types as the listing words them. */
  employment: Record<string, string>;
  /**
   * The careers site's origin the links start with: the script's own origin, or '' in the iframe page (its links
   * are the site's own). Not SITE_URL's: the embed links to the site that served it.
   */
  site: string;
  /** The level of the team headings (2 by default): the host page's outline decides. */
  headingLevel?: number;
};

export type EmbedRenderer = ReturnType<typeof embedRenderer>;

export function embedRenderer() {
  const esc = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const textOf = (html: string) =>
    html
      .replace(/<[^>]*>/g, ' ')
      .replace(/&[#a-z0-9]+;/gi, ' ')
      .replace(/\s+/g, ' ');

  /** Every word of the search in the title, team, place, department or text: the listing's rule. */
  function matches(posting: EmbedPosting, q: string): boolean {
    const haystack = fold(
      [posting.title, posting.category, posting.location ?? '', posting.department ?? '', textOf(posting.html)].join(
        ' ',
      ),
    );
    return fold(q)
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => haystack.includes(word));
  }

  function categoriesOf(postings: EmbedPosting[]): string[] {
    return [...new Set(postings.map((p) => p.category))].sort((a, b) => a.localeCompare(b, 'en'));
  }

  /** The filters: a GET form that works without JavaScript in the iframe, and filters as one types in the script. */
  function form(postings: EmbedPosting[], view: EmbedView, options: EmbedOptions): string {
    const categories = categoriesOf(postings);
    const option = (value: string, label: string) =>
      `<option value="${esc(value)}"${value === view.category ? ' selected' : ''}>${esc(label)}</option>`;
    return (
      `<form class="cj-filters" role="search" aria-label="Filter positions" method="get"${options.action === null ? '' : ` action="${esc(options.action)}"`}>` +
      `<div class="cj-field"><label for="cj-q">Search</label><input id="cj-q" name="q" type="search" value="${esc(view.q)}" placeholder="Title, skill or location" maxlength="200"></div>` +
      `<div class="cj-field"><label for="cj-category">Team</label><select id="cj-category" name="category">${option('', 'All teams')}${categories.map((c) => option(c, c)).join('')}</select></div>` +
      `<button type="submit" class="cj-button">Show positions</button>` +
      `</form>`
    );
  }

  /** The matching positions by team, and one sentence for the status line (read out as it changes). */
  function results(postings: EmbedPosting[], view: EmbedView, options: EmbedOptions): { html: string; status: string } {
    const shown = postings.filter(
      (p) => (!view.category || p.category === view.category) && (!view.q || matches(p, view.q)),
    );
    const filtered = Boolean(view.q || view.category);
    if (shown.length === 0) {
      const careers = `<a href="${esc(`${options.site}/careers`)}"${options.linkTarget ? ` target="${options.linkTarget}"` : ''}>our careers site</a>`;
      const html = filtered
        ? `<div class="cj-empty"><p><strong>No positions match your search.</strong></p><p>Try fewer words or another team, or ` +
          (options.action === null
            ? `<button type="button" class="cj-link" data-clear>show all ${postings.length} positions</button>`
            : `<a href="${esc(options.action)}">show all ${postings.length} positions</a>`) +
          `.</p></div>`
        : `<div class="cj-empty"><p><strong>There are no open positions right now.</strong></p><p>New ones appear here and on ${careers}.</p></div>`;
      return { html, status: filtered ? 'No positions match your search' : 'No open positions right now' };
    }
    const groups = categoriesOf(shown).map((category, i) => {
      const items = shown
        .filter((p) => p.category === category)
        .sort((a, b) => a.position - b.position || a.title.localeCompare(b.title, 'en'))
        .map((p) => {
          const href = `${options.site}/careers/${encodeURIComponent(p.slug)}?src=${encodeURIComponent(options.source)}`;
          const meta = [
            p.location,
            p.remote ? 'Remote' : null,
            p.employmentType ? options.employment[p.employmentType] : null,
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            `<li class="cj-item"><a class="cj-title" href="${esc(href)}"${options.linkTarget ? ` target="${options.linkTarget}"` : ''}>${esc(p.title)}</a>` +
            (meta ? `<p class="cj-meta">${esc(meta)}</p>` : '') +
            `</li>`
          );
        });
      const h = `h${options.headingLevel ?? 2}`;
      return `<section class="cj-group" aria-labelledby="cj-team-${i}"><${h} class="cj-team" id="cj-team-${i}">${esc(category)}</${h}><ul class="cj-list">${items.join('')}</ul></section>`;
    });
    const count = `${shown.length} open position${shown.length === 1 ? '' : 's'}`;
    return {
      html: groups.join(''),
      status: filtered ? `${count} ${shown.length === 1 ? 'matches' : 'match'} your search` : count,
    };
  }

  return { form, results };
}

/**
 * The embed's styles, inside its shadow root (or the iframe's page), so they never reach the host page, and the
 * host's never reach them. Themed by custom properties set on the placeholder, which do cross into the shadow.
 */
export const EMBED_CSS = `
:host{display:block}
.cj{font:var(--careers-jobs-font,inherit);color:var(--careers-jobs-color,inherit);line-height:1.5}
.cj-filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;margin:0 0 .75rem}
.cj-field{display:flex;flex-direction:column;gap:.25rem;flex:1 1 12rem;min-width:0}
.cj-field label{font-weight:600;font-size:.9em}
.cj input,.cj select,.cj-button{font:inherit;padding:.45rem .6rem;border:1px solid var(--careers-jobs-border,#6b7280);border-radius:var(--careers-jobs-radius,.375rem);background:var(--careers-jobs-field-background,#fff);color:var(--careers-jobs-field-color,#111827)}
.cj-button{background:var(--careers-jobs-accent,#1d4ed8);color:var(--careers-jobs-accent-text,#fff);border-color:transparent;font-weight:600;cursor:pointer}
.cj-link{font:inherit;padding:0;border:0;background:none;color:var(--careers-jobs-link,#1d4ed8);text-decoration:underline;cursor:pointer}
.cj :focus-visible{outline:3px solid var(--careers-jobs-focus,#1d4ed8);outline-offset:2px}
.cj-status{margin:0 0 .5rem;font-size:.9em;color:var(--careers-jobs-muted,#4b5563)}
.cj-team{font-size:1.05em;margin:1rem 0 .25rem}
.cj-list{list-style:none;margin:0;padding:0}
.cj-item{padding:.6rem 0;border-top:1px solid var(--careers-jobs-divider,#e5e7eb)}
.cj-title{color:var(--careers-jobs-link,#1d4ed8);font-weight:600}
.cj-meta{margin:.15rem 0 0;font-size:.9em;color:var(--careers-jobs-muted,#4b5563)}
.cj-empty p{margin:.25rem 0}
.cj-hidden{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`;
