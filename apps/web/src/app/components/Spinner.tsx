/** Something slower than a moment is under way; `label` says what, for eyes and screen readers. */
export function Spinner({ label }: { label: string }) {
  return (
    <span className="spinner-row" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}
