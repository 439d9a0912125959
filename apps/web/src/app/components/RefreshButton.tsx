/** Loads a list again; says so while it does. */
export function RefreshButton({ loading, onRefresh }: { loading: boolean; onRefresh: () => void }) {
  return (
    <button type="button" className="button button-small" onClick={onRefresh} disabled={loading}>
      {loading ? "Refreshing…" : "Refresh"}
    </button>
  );
}
