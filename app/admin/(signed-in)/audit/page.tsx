import type { Metadata } from 'next';
import { AuditTable } from '@/features/audit/components/audit-table';
import { listAudit } from '@/features/audit/queries';
import { parseCursor } from '@/features/inbox/filter';
import { currentViewer } from '@/features/staff/context';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const viewer = await currentViewer();
  if (viewer?.role !== 'owner') {
    return (
      <>
        <h1>Audit log</h1>
        <p>Only owners read the audit log.</p>
      </>
    );
  }
  const before = parseCursor(await searchParams);
  return (
    <>
      <h1>Audit log</h1>
      <AuditTable {...await listAudit({ before })} before={before} />
    </>
  );
}
