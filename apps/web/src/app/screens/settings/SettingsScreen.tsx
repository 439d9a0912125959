// Placeholder until this screen is built.
export function SettingsScreen() {
  return <section className="page"><h1>SettingsScreen</h1></section>;
}
