import { requestAccessLink } from '@/features/candidate/access';
import { emailLinkRequest } from '@/lib/http/email-request';

/** Whether or not the address has applied, the answer is the same page; only its mailbox learns more. */
export async function POST(request: Request) {
  return emailLinkRequest({
    request,
    kind: 'access',
    page: '/applications/access',
    links: 'links',
    send: requestAccessLink,
  });
}
