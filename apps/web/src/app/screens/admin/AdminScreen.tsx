// Placeholder until this screen is built.
export default function AdminScreen() {
  return <section className="page"><h1>Admin</h1></section>;
}
