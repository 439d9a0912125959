// Fails fast when scripts are not running on the pinned Node (node_modules/.bin/node).
const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
if (major !== 24 || minor < 16) {
  console.error(`expected Node >=24.16 <25 from the root devDependency "node", got ${process.version}`);
  process.exit(1);
}
console.log(`node ${process.version}`);
