'use client';

import { useEffect, useRef, useState } from 'react';
import { frameMessageSchema, type ViewerAction } from '@/features/resumes/viewer/messages';

type Props = { resumeUrl: string; viewerUrl: string; title: string };
type ViewState = { page: number; pages: number; scale: number; fitWidth: boolean };

const PROBLEMS = {
  password: 'This PDF is protected by a password, so it cannot be previewed.',
  unreadable: 'This PDF could not be read for the preview (it may be damaged).',
  fetch: 'The resume could not be loaded for the preview.',
} as const;

/**
 * A PDF resume drawn by pdf.js inside a frame sandboxed without the site's origin (features/resumes/viewer/
 * frame.mjs). The frame cannot fetch the resume (it has no session), so this page does and hands the bytes
 * over; the buttons here drive the frame, which reports its page and zoom back.
 */
export function ResumePdfPreview({ resumeUrl, viewerUrl, title }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // The preview starts when it comes near the screen: a manager triaging by status never waits for pdf.js,
  // and the resume is fetched (and audited as viewed) only when someone scrolls to it.
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (near || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div className="resume-preview" ref={box}>
      {near ? <PdfFrame resumeUrl={resumeUrl} viewerUrl={viewerUrl} title={title} /> : <Waiting />}
    </div>
  );
}

/**
 * Before the preview starts: the same controls (inert) and a box the size of the frame, so nothing on the
 * page moves when it starts (a click aimed below it would land elsewhere).
 */
function Waiting() {
  return (
    <>
      <div className="resume-preview__controls" inert>
        <Control label="Previous page" disabled onClick={() => {}} />
        <Control label="Next page" disabled onClick={() => {}} />
        <p className="resume-preview__status">The preview opens when you scroll to it.</p>
        <Control label="Zoom out" disabled onClick={() => {}} />
        <Control label="Zoom in" disabled onClick={() => {}} />
        <Control label="Fit width" disabled onClick={() => {}} />
      </div>
      <div className="admin-resume" />
    </>
  );
}

// Long: the frame's messages in and out, handled in one place.
function PdfFrame({ resumeUrl, viewerUrl, title }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [view, setView] = useState<ViewState | null>(null);
  const [problem, setProblem] = useState<keyof typeof PROBLEMS | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let sent = false;
    async function hand(target: Window) {
      if (sent) return;
      sent = true;
      try {
        const response = await fetch(resumeUrl, { signal: controller.signal, cache: 'no-store' });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const bytes = await response.arrayBuffer();
        // The frame's origin is opaque, so it cannot be named; it is the frame this page created.
        target.postMessage({ type: 'open', data: bytes }, '*', [bytes]);
      } catch {
        if (!controller.signal.aborted) setProblem('fetch');
      }
    }
    function listen(event: MessageEvent) {
      const target = frame.current?.contentWindow;
      if (!target || event.source !== target) return;
      const parsed = frameMessageSchema.safeParse(event.data);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'ready') void hand(target);
      else if (message.type === 'state') setView({ ...message });
      else setProblem(message.reason);
    }
    window.addEventListener('message', listen, { signal: controller.signal });
    // The frame says "ready" once it has loaded; if that happened before this ran, it answers this.
    frame.current?.contentWindow?.postMessage({ type: 'hello' }, '*');
    return () => controller.abort();
  }, [resumeUrl]);

  const send = (action: ViewerAction) => frame.current?.contentWindow?.postMessage({ type: 'command', action }, '*');

  if (problem) {
    return (
      <p className="notice" role="alert">
        {PROBLEMS[problem]} Download it to read it.
      </p>
    );
  }
  const first = !view || view.page <= 1;
  const last = !view || view.page >= view.pages;
  return (
    <>
      <div className="resume-preview__controls" role="group" aria-label="Resume preview controls">
        <Control label="Previous page" disabled={first} onClick={() => send('previous')} />
        <Control label="Next page" disabled={last} onClick={() => send('next')} />
        {/* Live but not role="status": the page's own status line (after a change is saved) keeps that role. */}
        <p className="resume-preview__status" aria-live="polite" aria-atomic="true">
          {view ? `Page ${view.page} of ${view.pages}, zoom ${Math.round(view.scale * 100)}%` : 'Loading the preview…'}
        </p>
        <Control label="Zoom out" disabled={!view} onClick={() => send('zoom-out')} />
        <Control label="Zoom in" disabled={!view} onClick={() => send('zoom-in')} />
        <Control label="Fit width" disabled={!view} pressed={view?.fitWidth} onClick={() => send('fit-width')} />
      </div>
      {/* Scripts for pdf.js, but no same-origin access: the PDF gets neither the site nor the session. */}
      <iframe ref={frame} className="admin-resume" src={viewerUrl} sandbox="allow-scripts" title={title} />
    </>
  );
}

// aria-disabled rather than disabled: a button that turns disabled under the keyboard drops its focus.
function Control({
  label,
  disabled,
  pressed,
  onClick,
}: {
  label: string;
  disabled: boolean;
  pressed?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="button button--secondary"
      aria-disabled={disabled}
      aria-pressed={pressed}
      onClick={disabled ? undefined : onClick}
    >
      {label}
    </button>
  );
}
