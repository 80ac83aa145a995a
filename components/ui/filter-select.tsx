type Option = { value: string; label: string };

/** One choice of a GET filter form: a labelled select whose first option, "any", sends an empty value. */
export function FilterSelect({
  id,
  name,
  label,
  anyLabel,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  value: string | undefined;
  options: Option[];
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
