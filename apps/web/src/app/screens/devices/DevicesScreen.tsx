// Placeholder until this screen is built.
export function DevicesScreen() {
  return <section className="page"><h1>DevicesScreen</h1></section>;
}
