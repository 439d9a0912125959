// Placeholder until this screen is built.
export function ChannelsScreen() {
  return <section className="page"><h1>ChannelsScreen</h1></section>;
}
