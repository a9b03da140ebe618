// A labelled number input for the coverage form that keeps what the planner is typing and reports NaN (or null when allowed) for empty or invalid text.
import { useEffect, useId, useState, type ReactNode } from 'react';

interface NumberFieldProps {
  label: string;
  value: number | null;
  onChange: (value: number) => void;
  /** When given, an empty input reports null instead of NaN. */
  onEmpty?: () => void;
  invalid?: boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
  placeholder?: string;
  hint?: ReactNode;
  testId?: string;
}

function textOf(value: number | null): string {
  return value === null || Number.isNaN(value) ? '' : String(value);
}

export function NumberField({ label, value, onChange, onEmpty, invalid = false, min, max, step = 'any', placeholder, hint, testId }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(textOf(value));
  // A value set from outside (a plan reopened, a reset) replaces the text, unless the text already means it.
  useEffect(() => {
    const typed = text.trim() === '' ? null : Number(text);
    const same = typed === value || (typed !== null && value !== null && Number.isNaN(typed) && Number.isNaN(value));
    if (!same) setText(textOf(value));
  }, [value]);
  return (
    <div className="field coverage-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step}
        placeholder={placeholder}
        aria-invalid={invalid}
        data-testid={testId}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (t.trim() === '' && onEmpty) onEmpty();
          else onChange(t.trim() === '' ? Number.NaN : Number(t));
        }}
      />
      {hint ? <p className="field-hint muted">{hint}</p> : null}
    </div>
  );
}
