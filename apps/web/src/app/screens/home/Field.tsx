import { useId, type ReactNode } from "react";

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** The input, given its id and the hint's id, so its accessible name is the label alone. */
  children: (props: { id: string; "aria-describedby"?: string }) => ReactNode;
}

/** A labelled input with its hint (the `.field` look), the hint as the input's description. */
export function Field({ label, hint, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(hint ? { id, "aria-describedby": hintId } : { id })}
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
