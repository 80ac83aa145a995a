import { requestPasswordReset } from '@/features/staff/reset-links';
import { emailLinkRequest } from '@/lib/http/email-request';

/** Whether or not the address has an account, the answer is the same page; only its mailbox learns more. */
export async function POST(request: Request) {
  return emailLinkRequest({
    request,
    kind: 'password-reset',
    page: '/admin/password-reset',
    links: 'password links',
    send: requestPasswordReset,
  });
}
