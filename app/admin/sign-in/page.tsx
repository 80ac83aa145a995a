import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { hasAnyAdmin } from '@/features/staff/auth';
import { NoAccountYet, SignInForm } from '@/features/staff/components/sign-in-form';
import { currentViewer } from '@/features/staff/context';

export const metadata: Metadata = { title: 'Sign in' };

const INVALID = 'The email address or password is not right. Check them and try again.';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  if (await currentViewer()) redirect('/admin');
  const { error, joined } = await searchParams;
  if (!(await hasAnyAdmin())) return <NoAccountYet />;
  return <SignInForm joined={joined === '1'} error={error === 'invalid' ? INVALID : undefined} />;
}
