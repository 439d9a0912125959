import { useState, type FormEvent } from "react";
import { ErrorNotice } from "../ErrorNotice.tsx";

interface RenameThreadFormProps {
  title: string;
  onSave: (title: string) => Promise<unknown>;
  onDone: () => void;
  pending: boolean;
  error: unknown;
}

/** A thread's title in a text box, saved with Enter, given up with Escape or Cancel. */
export function RenameThreadForm({ title, onSave, onDone, pending, error }: RenameThreadFormProps) {
  const [value, setValue] = useState(title);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = value.trim();
    if (!next || next === title) return onDone();
    if ((await onSave(next)) !== undefined) onDone();
  };
  return (
    <form className="rename-form" onSubmit={(event) => void submit(event)} onKeyDown={(event) => event.key === "Escape" && onDone()}>
      {/* biome-ignore lint/a11y/noAutofocus: the person just asked to rename; the field they asked for takes the focus */}
      <input className="input input-small" aria-label="Chat title" value={value} maxLength={120} onChange={(event) => setValue(event.target.value)} autoFocus />
      <div className="row">
        <button type="submit" className="button button-small button-primary" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        <button type="button" className="button button-small button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}
