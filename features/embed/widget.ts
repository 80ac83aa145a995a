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
    // Until the positions are loaded, the placeholder's own link shows through the slot.
    root.innerHTML = `<style>${css}</style><div class="cj" aria-busy="true"><slot></slot></div>`;
    const box = root.querySelector('.cj') as HTMLElement;
    load().then(
      (postings) => show(box, postings, host),
      (error: unknown) => {
        box.removeAttribute('aria-busy');
        box.innerHTML =
          '<p class="cj-status" role="status">The open positions could not be loaded just now.</p><p><slot></slot></p>';
        // For the host site's developer: a site missing from EMBED_ORIGINS is refused by CORS, which looks like this.
        console.warn(
          `Careers embed: could not read ${base}/api/postings (${String(error)}). Is ${location.origin} listed in the careers site's EMBED_ORIGINS?`,
        );
      },
    );
  }

  function show(box: HTMLElement, postings: EmbedPosting[], host: HTMLElement) {
    const options: EmbedOptions = { ...settings, action: null, linkTarget: null, site: base };
    const preset = { q: host.dataset.q ?? '', category: host.dataset.category ?? '' };
    box.removeAttribute('aria-busy');
    box.innerHTML = `${renderer.form(postings, preset, options)}<p class="cj-status" role="status"></p><div class="cj-results"></div>`;
    const form = box.querySelector('form') as HTMLFormElement;
    const status = box.querySelector('.cj-status') as HTMLElement;
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
