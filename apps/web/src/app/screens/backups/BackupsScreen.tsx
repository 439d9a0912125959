// Placeholder until this screen is built.
export function BackupsScreen() {
  return <section className="page"><h1>BackupsScreen</h1></section>;
}
