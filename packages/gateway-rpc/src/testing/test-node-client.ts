import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { GatewayClient } from "@openclaw/gateway-client";
import type { HelloOk } from "@openclaw/gateway-client/browser";
import { GATEWAY_CLIENT_MODES, GATEWAY_CLIENT_NAMES } from "@openclaw/gateway-protocol/client-info";

/*
 * A real OpenClaw node for integration tests: the published reference client
 * (`@openclaw/gateway-client`'s Node `GatewayClient`, the same client code
 * `openclaw node run` bundles) with a fresh Ed25519 device identity, connecting as
 * `node-host`/`node` without any gateway secret, the way a tenant's machine reaches its
 * gateway through our relay. We use the library rather than spawning `openclaw node
 * run`: same wire behaviour, no second OpenClaw process (hundreds of MB, seconds to
 * start), and direct access to the handshake outcome.
 *
 * Like `openclaw node run` under a supervisor, it restarts after the gateway pauses it
 * with PAIRING_REQUIRED, so once an operator approves, the next attempt is admitted and
 * the device token the gateway issues is kept (in memory) for later reconnects.
 */

export type TestNodeClientOptions = {
  /** ws:// URL of the gateway or of a relay in front of it. */
  url: string;
  displayName?: string;
  /** A setup code (`createSetupCode`); its bootstrap token replaces pairing, like `openclaw node run --pair`. */
  setupCode?: string;
  /** Pause between attempts while pairing is pending. Default 300 ms. */
  retryIntervalMs?: number;
};

export type TestNodeConnection = { role: string; scopes: string[]; receivedDeviceToken: boolean };

export type TestNodeClient = {
  readonly deviceId: string;
  /** Resolves with the gateway's pairing request id once a connect was held for approval. */
  waitForPairingRequired(timeoutMs?: number): Promise<{ requestId: string }>;
  /** Resolves once a connect was admitted (hello-ok). */
  waitForConnected(timeoutMs?: number): Promise<TestNodeConnection>;
  /** Every connect failure so far, newest last. */
  readonly connectErrors: readonly Error[];
  stop(): Promise<void>;
};

const DEFAULT_WAIT_MS = 20_000;

export async function startTestNodeClient(options: TestNodeClientOptions): Promise<TestNodeClient> {
  const identity = createDeviceIdentity();
  const retryIntervalMs = options.retryIntervalMs ?? 300;
  const connectErrors: Error[] = [];
  const pairingRequired = deferred<{ requestId: string }>();
  const connected = deferred<TestNodeConnection>();
  let deviceToken: { token: string; scopes: string[] } | null = null;
  let client: GatewayClient | null = null;
  let restart: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const start = () => {
    const current = new GatewayClient({
      url: options.url,
      clientName: GATEWAY_CLIENT_NAMES.NODE_HOST,
      mode: GATEWAY_CLIENT_MODES.NODE,
      role: "node",
      scopes: [],
      caps: [],
      commands: [],
      platform: "linux",
      clientDisplayName: options.displayName ?? "test node",
      deviceIdentity: identity.pem,
      bootstrapToken: options.setupCode ? bootstrapTokenOf(options.setupCode) : undefined,
      hostDeps: {
        signDevicePayload: (privateKeyPem, payload) => sign(null, Buffer.from(payload), privateKeyPem).toString("base64url"),
        publicKeyRawBase64UrlFromPem: () => identity.publicKey,
        loadDeviceAuthToken: () => deviceToken,
        storeDeviceAuthToken: ({ token, scopes }) => {
          deviceToken = { token, scopes };
        },
        clearDeviceAuthToken: () => {
          deviceToken = null;
        },
      },
      onHelloOk: (hello: HelloOk) => connected.resolve({ role: hello.auth.role, scopes: hello.auth.scopes, receivedDeviceToken: typeof hello.auth.deviceToken === "string" }),
      onConnectError: (error) => {
        connectErrors.push(error);
        const details = (error as { details?: { code?: unknown; requestId?: unknown } }).details;
        if (details?.code === "PAIRING_REQUIRED" && typeof details.requestId === "string") pairingRequired.resolve({ requestId: details.requestId });
      },
      onReconnectPaused: () => {
        if (stopped) return;
        restart = setTimeout(() => {
          current.stop();
          if (!stopped) start();
        }, retryIntervalMs);
      },
    });
    client = current;
    current.start();
  };
  start();

  const lastError = () => connectErrors.at(-1)?.message ?? "none";
  return {
    deviceId: identity.deviceId,
    connectErrors,
    waitForPairingRequired: (timeoutMs = DEFAULT_WAIT_MS) => withTimeout(pairingRequired.promise, timeoutMs, () => `no pairing request within ${timeoutMs} ms (last connect error: ${lastError()})`),
    waitForConnected: (timeoutMs = DEFAULT_WAIT_MS) => withTimeout(connected.promise, timeoutMs, () => `not connected within ${timeoutMs} ms (last connect error: ${lastError()})`),
    stop: async () => {
      stopped = true;
      clearTimeout(restart);
      await client?.stopAndWait();
    },
  };
}

/** A setup code is base64 JSON `{ url, bootstrapToken, expiresAtMs }`. */
function bootstrapTokenOf(setupCode: string): string {
  const { bootstrapToken } = JSON.parse(Buffer.from(setupCode, "base64").toString("utf8")) as { bootstrapToken?: unknown };
  if (typeof bootstrapToken !== "string") throw new Error("setup code carries no bootstrap token");
  return bootstrapToken;
}

/** An OpenClaw device identity: Ed25519, id = hex SHA-256 of the raw public key. */
function createDeviceIdentity() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x ?? "", "base64url");
  const deviceId = createHash("sha256").update(raw).digest("hex");
  return {
    deviceId,
    publicKey: raw.toString("base64url"),
    pem: {
      deviceId,
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    },
  };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
