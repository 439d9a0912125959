import { useRef, type ReactNode } from "react";

interface ConfirmButtonProps {
  /** The button's text, e.g. "Restart". */
  children: ReactNode;
  /** The question in the dialog, e.g. "Restart your OpenClaw?". */
  title: string;
  /** What will happen, in a sentence or two. */
  description: ReactNode;
  /** The confirming button's text, e.g. "Yes, restart". */
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  danger?: boolean;
  className?: string;
}

/**
 * A risky action (restart, restore, delete, approve) behind an explicit confirmation:
 * a native modal dialog, so focus is trapped, Escape cancels and Cancel has the focus first.
 */
export function ConfirmButton({ children, title, description, confirmLabel, onConfirm, disabled, danger, className }: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className={className ?? `button${danger ? " button-danger" : ""}`} disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {children}
      </button>
      <dialog ref={dialog} className="dialog" aria-label={title}>
        <form method="dialog">
          <h2 className="dialog-title">{title}</h2>
          <div className="dialog-body">{description}</div>
          <div className="dialog-actions">
            {/* biome-ignore lint/a11y/noAutofocus: the person opened this dialog; the safe answer takes the focus */}
            <button type="submit" value="cancel" className="button button-quiet" autoFocus>
              Cancel
            </button>
            <button type="submit" value="confirm" className={`button ${danger ? "button-danger" : "button-primary"}`} onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
