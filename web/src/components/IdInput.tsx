import { useEffect, useId, useState } from 'react';
import type { Draft } from '../doc.ts';
import { type IdKind, idProblem, renameId } from '../rename.ts';

/**
 * An id field (actor, issue, source, evidence). A valid, unused id renames the element and every
 * reference to it in the draft as you type (web/src/rename.ts); an empty, malformed or duplicate
 * id is held in the field with its message, naming the field, and not applied — so two ids never
 * merge. Escape puts the applied id back.
 */
export function IdInput(props: {
  draft: Draft;
  kind: IdKind;
  index: number;
  /** The id in the draft. */
  value: string;
  onChange: (d: Draft) => void;
  label: string;
  testId?: string;
  /** A problem validation found at this field in the draft itself (e.g. a duplicate in a file). */
  problem?: string;
  className?: string;
}) {
  const [text, setText] = useState(props.value);
  const [local, setLocal] = useState<string | null>(null);
  const msgId = useId();
  useEffect(() => {
    // Another version opened, or the id renamed elsewhere: follow it.
    setText(props.value);
    setLocal(null);
  }, [props.value]);
  const shown = local
    ? `${local} — not applied: the id stays "${props.value}"`
    : props.problem
      ? props.problem
      : null;
  return (
    <span className={`id-input ${props.className ?? ''}`}>
      <input
        aria-label={props.label}
        data-testid={props.testId}
        value={text}
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={shown ? 'true' : undefined}
        aria-describedby={shown ? msgId : undefined}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const p = idProblem(props.draft, props.kind, props.index, t);
          setLocal(p);
          if (!p && t !== props.value)
            props.onChange(renameId(props.draft, props.kind, props.value, t));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setText(props.value);
            setLocal(null);
          }
        }}
      />
      {shown && (
        <span
          className="cell-problem"
          id={msgId}
          role="alert"
          data-testid={props.testId ? `${props.testId}-problem` : undefined}
        >
          {shown}
        </span>
      )}
    </span>
  );
}
