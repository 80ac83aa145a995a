import type { EmbedOptions, EmbedPosting, EmbedRenderer, EmbedView } from './render';

// What /embed/v1/jobs.js runs on another website. Its source is sent as it is (features/embed/script.ts), so it
// must not reach anything outside its body: no imports at run time, no framework, only the DOM.

export type WidgetSettings = Omit<EmbedOptions, 'action' | 'linkTarget' | 'site'>;

/**
 * Fills every `[data-careers-jobs]` placeholder with the open positions, read from the careers site's public API
 * (the origin the script itself came from), inside a shadow root. The placeholder's own content (a plain link to
 * the careers site) shows until the list is there, and again if it cannot be loaded. It also sizes the iframe
 * version to its content when both are on one page.
 */
export function careersJobsWidget(renderer: EmbedRenderer, css: string, settings: WidgetSettings): void {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) return;
  const base = new URL(script.src).origin;
  let loading: Promise<EmbedPosting[]> | undefined;
  const load = () =>
    (loading ??= fetch(`${base}/api/postings`, { credentials: 'omit' }).then(async (response) => {
      if (!response.ok) throw new Error(`the careers site answered ${response.status}`);
      return ((await response.json()) as { postings: EmbedPosting[] }).postings;
    }));

  function mount(host: HTMLElement) {
    if (host.shadowRoot || host.hasAttribute('data-careers-jobs-ready')) return;
    host.setAttribute('data-careers-jobs-ready', '');
    const root = host.attachShadow({ mode: 'open' });
    // Until the positions are loaded, the placeholder's own link shows through the slot. The status line is there
    // from the start, so what it says later is read out. English, whatever the host page's language.
    root.innerHTML = `<style>${css}</style><div class="cj" lang="en"><p class="cj-status" role="status"></p><div class="cj-body"><slot></slot></div></div>`;
    const status = root.querySelector('.cj-status') as HTMLElement;
    const box = root.querySelector('.cj-body') as HTMLElement;
    load()
      .then((postings) => {
        if (!Array.isArray(postings)) throw new Error('the careers site answered something else than a list');
        show(box, status, postings, host);
      })
      .catch((error: unknown) => {
        box.innerHTML = '<p><slot></slot></p>';
        status.textContent = 'The open positions could not be loaded just now.';
        // For the host site's developer: a site missing from EMBED_ORIGINS is refused by CORS, which looks like this.
        console.warn(
          `Careers embed: could not read ${base}/api/postings (${String(error)}). Is ${location.origin} listed in the careers site's EMBED_ORIGINS?`,
        );
      });
  }

  function show(box: HTMLElement, status: HTMLElement, postings: EmbedPosting[], host: HTMLElement) {
    const options: EmbedOptions = { ...settings, action: null, linkTarget: null, site: base };
    const preset = { q: host.dataset.q ?? '', category: host.dataset.category ?? '' };
    // The host page's outline decides where the team headings sit: data-heading-level="3" under its own h2.
    const level = Number(host.dataset.headingLevel);
    if (Number.isInteger(level) && level >= 2 && level <= 6) options.headingLevel = level;
    // The form goes above the status line; the list below it.
    status.insertAdjacentHTML('beforebegin', renderer.form(postings, preset, options));
    box.innerHTML = '<div class="cj-results"></div>';
    const form = box.parentElement!.querySelector('form') as HTMLFormElement;
    const results = box.querySelector('.cj-results') as HTMLElement;
    let announce: ReturnType<typeof setTimeout> | undefined;
    const view = (): EmbedView => ({
      q: (form.elements.namedItem('q') as HTMLInputElement).value.trim(),
      category: (form.elements.namedItem('category') as HTMLSelectElement).value,
    });
    const update = (now: boolean) => {
      const out = renderer.results(postings, view(), options);
      results.innerHTML = out.html;
      // Read out once typing pauses, not at every key.
      clearTimeout(announce);
      if (now) status.textContent = out.status;
      else announce = setTimeout(() => (status.textContent = out.status), 500);
    };
    form.addEventListener('input', () => update(false));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      update(true);
    });
    results.addEventListener('click', (event) => {
      if (!(event.target as HTMLElement).closest('[data-clear]')) return;
      form.reset();
      (form.elements.namedItem('category') as HTMLSelectElement).value = '';
      (form.elements.namedItem('q') as HTMLInputElement).value = '';
      update(true);
      (form.elements.namedItem('q') as HTMLInputElement).focus();
    });
    update(true);
  }

  const mountAll = () => document.querySelectorAll<HTMLElement>('[data-careers-jobs]').forEach(mount);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();

  // The iframe version says how tall its content is; its frame follows.
  window.addEventListener('message', (event: MessageEvent<{ type?: string; height?: unknown }>) => {
    if (event.origin !== base || event.data?.type !== 'careers-jobs:height') return;
    const height = Number(event.data.height);
    if (!Number.isFinite(height) || height <= 0 || height > 100_000) return;
    for (const frame of document.querySelectorAll('iframe'))
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
  });
  // A frame that loaded before this script (it runs async) said its height to nobody: ask again.
  for (const frame of document.querySelectorAll('iframe'))
    if (frame.src.startsWith(`${base}/embed/`))
      frame.contentWindow?.postMessage({ type: 'careers-jobs:measure' }, base);
}
