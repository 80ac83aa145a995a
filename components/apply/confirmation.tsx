import { useFocusOnMount } from './use-focus-on-mount';

export function Confirmation({ reference }: { reference: string }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div ref={ref} className="apply-confirmation" tabIndex={-1} autoFocus role="status">
      <h3>Application sent</h3>
      <p>
        Thank you. Your application reference is <strong className="reference">{reference}</strong>.
      </p>
      <p>Keep it for your records: quote it if you contact us about this application.</p>
    </div>
  );
}
