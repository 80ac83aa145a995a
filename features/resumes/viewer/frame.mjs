// The resume preview frame's script. The frame is sandboxed with `allow-scripts` only: its origin is opaque,
// so it holds no session, no storage and cannot reach the site as the admin. It cannot fetch the resume
// either: the admin page does, and hands over the bytes. pdf.js renders one page at a time (a canvas, and
// a text layer over it so the text can be selected); the page's buttons send commands, and the frame
// answers with its state. Whatever arrives is checked: it may not come from the page, or be what it claims.
import { getDocument, GlobalWorkerOptions, TextLayer } from './pdf.min.mjs';

// Another origin's worker cannot start here, so pdf.js falls back to parsing on this thread ("fake
// worker"), importing this file; resumes are small enough for that.
GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', import.meta.url).href;

const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const ACTIONS = new Set(['next', 'previous', 'zoom-in', 'zoom-out', 'fit-width']);
const MAX_BYTES = 20 * 1024 * 1024;

const viewport = /** @type {HTMLElement} */ (document.getElementById('viewport'));
const sheet = /** @type {HTMLElement} */ (document.getElementById('sheet'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));

/** @type {import('pdfjs-dist').PDFDocumentProxy | null} */
let pdf = null;
let opened = false;
let pageNumber = 1;
let scale = 1;
let fitWidth = true;
let drawing = 0;
/** @type {import('pdfjs-dist').RenderTask | null} */
let painting = null;

// Only the page that framed us is listened to, and it is only ever told about its own origin.
const tell = (message) => window.parent.postMessage(message, window.location.origin);

function fail(reason) {
  status.textContent =
    reason === 'password' ? 'This PDF is protected by a password.' : 'This PDF could not be read for the preview.';
  sheet.replaceChildren();
  tell({ type: 'error', reason });
}

async function open(bytes) {
  try {
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      enableScripting: false,
      cMapUrl: new URL('cmaps/', import.meta.url).href,
      standardFontDataUrl: new URL('standard_fonts/', import.meta.url).href,
    }).promise;
  } catch (error) {
    fail(error instanceof Error && error.name === 'PasswordException' ? 'password' : 'unreadable');
    return;
  }
  status.textContent = '';
  await draw();
}

/** Draws the current page at the current scale; a newer call makes an older one drop its result. */
async function draw() {
  if (!pdf) return;
  const mine = ++drawing;
  try {
    const page = await pdf.getPage(pageNumber);
    if (fitWidth) {
      const natural = page.getViewport({ scale: 1 });
      const room = Math.max(viewport.clientWidth - 32, 100);
      scale = Math.min(Math.max(room / natural.width, ZOOM_STEPS[0]), ZOOM_STEPS.at(-1));
    }
    const view = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(view.width * ratio);
    canvas.height = Math.floor(view.height * ratio);
    canvas.style.width = `${Math.floor(view.width)}px`;
    canvas.style.height = `${Math.floor(view.height)}px`;
    canvas.setAttribute('aria-hidden', 'true');
    const text = document.createElement('div');
    text.className = 'textLayer';
    const layer = new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport: view });
    // The canvas is painted on animation frames, which Chromium holds back while the frame is scrolled out
    // of sight: the text layer (and the page's state) does not wait for it.
    painting?.cancel();
    const transform = ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0];
    painting = page.render({ canvas, viewport: view, transform });
    painting.promise.catch((error) => {
      if (mine === drawing && error?.name !== 'RenderingCancelledException') fail('unreadable');
    });
    await layer.render();
    if (mine !== drawing) return;
    sheet.style.setProperty('--total-scale-factor', String(scale));
    sheet.style.width = canvas.style.width;
    sheet.style.height = canvas.style.height;
    sheet.setAttribute('aria-label', `Page ${pageNumber} of ${pdf.numPages}`);
    sheet.replaceChildren(canvas, text);
    tell({ type: 'state', page: pageNumber, pages: pdf.numPages, scale, fitWidth });
  } catch {
    if (mine === drawing) fail('unreadable');
  }
}

function zoom(direction) {
  fitWidth = false;
  const next =
    direction > 0
      ? ZOOM_STEPS.find((step) => step > scale + 0.001)
      : ZOOM_STEPS.findLast((step) => step < scale - 0.001);
  scale = next ?? scale;
}

function command(action) {
  if (!pdf) return;
  if (action === 'next') pageNumber = Math.min(pageNumber + 1, pdf.numPages);
  else if (action === 'previous') pageNumber = Math.max(pageNumber - 1, 1);
  else if (action === 'zoom-in') zoom(1);
  else if (action === 'zoom-out') zoom(-1);
  else if (action === 'fit-width') fitWidth = true;
  void draw();
}

window.addEventListener('message', (event) => {
  if (event.source !== window.parent || window.parent === window) return;
  const data = event.data;
  if (typeof data !== 'object' || data === null) return;
  if (data.type === 'hello') tell({ type: 'ready' });
  else if (data.type === 'open' && !opened && data.data instanceof ArrayBuffer) {
    opened = true;
    if (data.data.byteLength > MAX_BYTES) fail('unreadable');
    else void open(data.data);
  } else if (data.type === 'command' && typeof data.action === 'string' && ACTIONS.has(data.action)) {
    command(data.action);
  }
});

let resizing = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = window.setTimeout(() => fitWidth && void draw(), 150);
});

if (window.parent === window) status.textContent = 'Open the resume from its application page to see it here.';
else tell({ type: 'ready' });
