// Placeholder until this screen is built.
export function HomeScreen() {
  return <section className="page"><h1>HomeScreen</h1></section>;
}
