/** The outcome of an action that went well, announced to screen readers; nothing when there is none. */
export function SuccessNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="notice notice-success" role="status">
      <span>{message}</span>
    </div>
  );
}
