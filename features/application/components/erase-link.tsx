import Link from 'next/link';

/** Where owners and recruiters go to erase the application (a page of its own that says what goes). */
export function EraseLink({ id, suffix }: { id: number; suffix: string }) {
  return (
    <section aria-labelledby="erase-heading">
      <h2 id="erase-heading">Erase</h2>
      <p>
        When the candidate asks, or their data should go before the retention period ends:{' '}
        <Link href={`/admin/applications/${id}/erase${suffix}`}>erase this application</Link>.
      </p>
    </section>
  );
}
