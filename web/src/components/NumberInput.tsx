import { useEffect, useState } from 'react';

/**
 * A number field that keeps what the user types: a valid number is sent as a number; anything
 * else (empty, "4x") is sent as text, so validation shows the problem while they type.
 */
export function NumberInput(props: {
  value: number | string | undefined;
  onChange: (v: number | string | undefined) => void;
  label: string;
  testId?: string;
  invalid?: boolean;
  placeholder?: string;
  allowEmpty?: boolean;
  onFocus?: () => void;
  className?: string;
}) {
  const shown = props.value === undefined ? '' : String(props.value);
  const [text, setText] = useState(shown);
  useEffect(() => {
    // Follow outside changes (another version opened) unless they merely echo our own edit.
    if (Number(text) !== props.value || text.trim() === '') setText(shown);
  }, [shown]);
  return (
    <input
      className={`num ${props.className ?? ''}`}
      inputMode="decimal"
      aria-label={props.label}
      aria-invalid={props.invalid ? 'true' : undefined}
      data-testid={props.testId}
      value={text}
      placeholder={props.placeholder}
      onFocus={props.onFocus}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        const n = Number(t);
        if (t.trim() === '') props.onChange(props.allowEmpty ? undefined : t);
        else props.onChange(Number.isFinite(n) ? n : t);
      }}
    />
  );
}
