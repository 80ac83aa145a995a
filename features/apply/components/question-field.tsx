import { describedBy, Field, FieldMessages } from '@/components/ui/field';
import { answerField } from '@/features/apply/answer-field';
import type { Question } from '@/features/apply/questions';
import { fieldId } from './field-ids';
import { useFieldView } from './form-view';

type Props = { question: Question };

// Long: one branch per question type, each with its own markup.
/** One of the posting's own questions, rendered by type; groups of options are a fieldset with a legend. */
export function QuestionField({ question: q }: Props) {
  const name = answerField(q.id);
  const { errors, value } = useFieldView(name);
  const id = fieldId(name);
  const invalid = Boolean(errors?.length);
  if (q.type === 'yes_no' || q.type === 'single_choice' || q.type === 'multiple_choice') {
    const options = q.type === 'yes_no' ? ['yes', 'no'] : q.options!;
    const chosen = new Set(Array.isArray(value) ? value : value ? [value] : []);
    const hint = q.hint ?? (q.type === 'multiple_choice' ? 'Select all that apply.' : undefined);
    return (
      <fieldset
        className={invalid ? 'field field--error field--group' : 'field field--group'}
        aria-describedby={describedBy(id, hint, errors)}
      >
        <legend className="field__label">
          {q.label}
          {q.required ? null : <span className="field__optional"> (optional)</span>}
        </legend>
        <FieldMessages id={id} hint={hint} errors={errors} />
        {options.map((option, i) => (
          <div className="choice" key={option}>
            <input
              id={i === 0 ? id : `${id}-${i}`}
              name={name}
              type={q.type === 'multiple_choice' ? 'checkbox' : 'radio'}
              value={option}
              defaultChecked={chosen.has(option)}
            />
            <label htmlFor={i === 0 ? id : `${id}-${i}`}>
              {q.type === 'yes_no' ? (option === 'yes' ? 'Yes' : 'No') : option}
            </label>
          </div>
        ))}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : undefined;
  return (
    <Field id={id} label={q.label} hint={q.hint} errors={errors} optional={!q.required}>
      {(ids, bad) =>
        q.type === 'long_text' ? (
          <textarea
            id={id}
            name={name}
            rows={5}
            defaultValue={text}
            aria-describedby={ids}
            aria-invalid={bad || undefined}
          />
        ) : (
          <input
            id={id}
            name={name}
            type={q.type === 'url' ? 'url' : 'text'}
            inputMode={q.type === 'number' ? 'decimal' : undefined}
            defaultValue={text}
            aria-describedby={ids}
            aria-invalid={bad || undefined}
          />
        )
      }
    </Field>
  );
}
