import { getDb } from '@/db/index';
import { alertChoiceSchema, fieldsOf } from '@/features/alerts/schema';
import { changeSubscription, confirmSubscription, unsubscribe } from '@/features/alerts/subscriptions';
import { refuseFormPost, seeOther } from '@/lib/http/form-post';
import { html } from '@/lib/http/html';
import { messagePage } from '@/lib/http/message-page';

const gone = () =>
  messagePage(
    404,
    'This link does not open an alert',
    html`<p>The alert was deleted, or the link was not copied whole. <a href="/alerts">Ask for a new alert</a>.</p>`,
  );

/** The buttons of a job alert's page: confirm, keep, save changes, leave. The token is the only key. */
export async function POST(request: Request) {
  const refused = refuseFormPost(request, 'Job alert');
  if (refused) return refused;
  const fields = fieldsOf(await request.formData().catch(() => null));
  const token = fields?.token ?? '';
  const database = await getDb();
  const back = (done: string) => seeOther(`/alerts/manage?token=${encodeURIComponent(token)}&done=${done}`);
  switch (fields?.action) {
    case 'confirm':
      return (await confirmSubscription({ database, token })) ? back('confirmed') : gone();
    case 'keep':
      return (await confirmSubscription({ database, token })) ? back('kept') : gone();
    case 'save': {
      const choice = alertChoiceSchema.safeParse(fields);
      if (!choice.success)
        return messagePage(
          400,
          'These alert settings cannot be saved',
          html`<p>${choice.error.issues[0]?.message ?? 'A value was not valid'}. Nothing was changed.</p>
            <p><a href="/alerts/manage?token=${token}">Back to your alert</a></p>`,
        );
      return (await changeSubscription({ database, token, choice: choice.data })) ? back('saved') : gone();
    }
    case 'leave':
      await unsubscribe({ database, token });
      return seeOther('/alerts?left=1');
    default:
      return messagePage(400, 'This is not a job alert form', html`<p>Nothing was changed.</p>`);
  }
}
