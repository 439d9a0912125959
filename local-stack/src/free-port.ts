import { createServer } from "node:net";

/** Asks the OS for a free loopback port (for children that need a fixed one up front). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const ADDRESS_IN_USE_ATTEMPTS = 3;

/**
 * Runs `start` again (up to three times in all) when it failed because an address was in use:
 * a port picked free by `freePort` can be taken by another process before it is bound.
 */
export async function retryOnAddressInUse<T>(start: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      const inUse = /ERR_ADDRESS_IN_USE|EADDRINUSE/.test((error as Error).message);
      if (!inUse || attempt >= ADDRESS_IN_USE_ATTEMPTS) throw error;
    }
  }
}
