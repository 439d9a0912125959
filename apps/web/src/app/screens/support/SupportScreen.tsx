// Placeholder until this screen is built.
export function SupportScreen() {
  return <section className="page"><h1>SupportScreen</h1></section>;
}
