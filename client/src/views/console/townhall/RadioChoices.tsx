import { useId } from 'react';

/** A labelled group of radio buttons: one choice among a few, each said in words. */
export function RadioChoices<V extends string>({
  legend,
  values,
  value,
  label,
  onChange,
  className = 'inline-form',
}: {
  legend: string;
  values: readonly V[];
  value: V;
  label: (value: V) => string;
  onChange: (value: V) => void;
  className?: string;
}) {
  const name = useId();
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="choice">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          {label(v)}
        </label>
      ))}
    </fieldset>
  );
}
