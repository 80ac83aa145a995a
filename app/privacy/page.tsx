import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PrivacyNotice } from '@/features/privacy/components/privacy-notice';
import { alertsRetentionDays, auditRetentionDays, retentionDays } from '@/features/privacy/retention-days';
import { site } from '@/lib/site';

export const metadata: Metadata = { title: `Privacy notice for candidates · ${site.shortName}` };

/** Rendered per request, because RETENTION_DAYS is read where the site runs, not where it was built. */
export default async function PrivacyPage() {
  await connection();
  return <PrivacyNotice days={retentionDays()} auditDays={auditRetentionDays()} alertDays={alertsRetentionDays()} />;
}
