import { describedBy, FieldMessages } from '@/components/ui/field';
import { fieldId } from './field-ids';
import { useFieldView } from './form-view';

export function ConsentField({ privacyUrl }: { privacyUrl: string }) {
  const { errors, value } = useFieldView('consent');
  const id = fieldId('consent');
  const invalid = Boolean(errors?.length);
  return (
    <div className={invalid ? 'field field--error field--checkbox' : 'field field--checkbox'}>
      <FieldMessages id={id} errors={errors} />
      <input
        id={id}
        name="consent"
        type="checkbox"
        value="yes"
        defaultChecked={value === 'yes'}
        aria-describedby={describedBy(id, undefined, errors)}
        aria-invalid={invalid || undefined}
      />
      <label htmlFor={id}>
        I have read the <a href={privacyUrl}>privacy notice</a> and agree that my application is stored and read by the
        hiring team.
      </label>
    </div>
  );
}
