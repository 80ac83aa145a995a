import type { InputHTMLAttributes } from 'react';
import { Field } from '@/components/ui/field';
import { fieldId } from './field-ids';
import { useFieldView } from './form-view';

type Props = {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number;
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'spellCheck' | 'accept' | 'maxLength' | 'inputMode'
>;

/** One field of the apply form, with its label, hint, error and the value kept after a refusal. */
export function TextField({ name, label, hint, optional, rows, ...input }: Props) {
  const { errors, text } = useFieldView(name);
  const id = fieldId(name);
  return (
    <Field id={id} label={label} hint={hint} errors={errors} optional={optional}>
      {(describedBy, invalid) => {
        const common = { id, name, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined };
        if (rows) return <textarea {...common} rows={rows} defaultValue={text} />;
        // A file input cannot be given a value back: the candidate chooses the file again.
        // Typed always: the stylesheet styles fields by their type, and an untyped one came out unstyled.
        return (
          <input
            {...common}
            {...input}
            type={input.type ?? 'text'}
            defaultValue={input.type === 'file' ? undefined : text}
          />
        );
      }}
    </Field>
  );
}
