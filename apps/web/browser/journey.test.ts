import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestNodeClient, type TestNodeClient } from "@openclaw-cloud/gateway-rpc/testing";
import { launchChromium, runningGatewayTokens, startLocalStack, type Browser, type BrowserContext, type LocalStack, type Page } from "@openclaw-cloud/local-stack";
import { ExposureRecorder, findSecrets } from "./support/exposure-recorder.ts";
import { confirm, grantCredits, newPersonPage, signIn as signInAt, type Person } from "./support/site.ts";

// A person's whole first day on the website, in a real headless Chromium against the whole
// local stack (web, api and runtime workers in workerd, the local Convex, a real OpenClaw
// gateway, the offline model): signed in, let in from the waitlist by the admin in /admin,
// their OpenClaw created with their own provider key, a streamed chat, a reload, a device
// paired through the UI, a backup restored, put to sleep and woken by opening Chat, an API
// token made and revoked. Every answer, page, script-readable cookie and storage is scanned
// for secrets at the end.
const ADMIN = { email: "admin@web.test", name: "Ada Admin" };
const NINA = { email: "nina@web.test", name: "Nina Newcomer" };
const OTTO = { email: "otto@web.test", name: "Otto Outsider" };
/** Nina's own key for the OpenAI-compatible provider (the local model server). */
const NINA_PROVIDER_KEY = `nina-provider-key-${randomBytes(12).toString("hex")}`;
const CHAT_KEY = "web-journey";

const stateDir = `${process.env.TMPDIR ?? "/tmp"}/occ-web-journey-${process.pid}`;
let stack: LocalStack;
let browser: Browser;
const recorder = new ExposureRecorder();
const gatewayTokens: Record<string, string> = {};
let admin: Page;
let nina: Page;
let ninaContext: BrowserContext;
/** The chat's entry in the sessions sidebar, by where it leads: its title is the key until OpenClaw derives one from the first message. */
const sessionLink = () => nina.getByRole("navigation", { name: "Sessions" }).locator(`a[href="/chat/${CHAT_KEY}"]`);
let node: TestNodeClient | null = null;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startLocalStack({
      stateDir,
      // Slow enough that a 120-word reply streams for about two seconds: its growth is visible.
      tokenDelayMs: 15,
      apiVars: { ADMIN_EMAILS: ADMIN.email, RATE_LIMIT_BURST: "1000", RATE_LIMIT_PER_SECOND: "1000" },
      // A gateway start takes ~10 s here, but much longer on a loaded machine; this test is about the website.
      runtimeVars: { GATEWAY_START_TIMEOUT_SECONDS: "300" },
    }),
    launchChromium(),
  ]);
  admin = await personPage();
  ninaContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  recorder.watch(ninaContext);
  nina = await ninaContext.newPage();
});

// What each person's page showed when a step failed, for whoever reads the failure.
afterEach(async (context) => {
  if (context.task.result?.state !== "fail") return;
  const name = context.task.name.replace(/\W+/g, "-").slice(0, 60);
  for (const [who, page] of [
    ["nina", nina],
    ["admin", admin],
  ] as const) {
    await page?.screenshot({ path: `${process.env.TMPDIR ?? "/tmp"}/web-journey-${name}-${who}.png`, fullPage: true }).catch(() => {});
  }
});

afterAll(async () => {
  await node?.stop();
  await browser?.close();
  await stack?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

const personPage = () => newPersonPage(browser, (context) => recorder.watch(context));
const signIn = (page: Page, person: Person, path = "/") => signInAt(page, stack.webUrl, person, path);

async function noteGatewayTokens(): Promise<void> {
  Object.assign(gatewayTokens, Object.fromEntries(Object.entries(await runningGatewayTokens(stack)).map(([tenant, token]) => [`${tenant}@${Object.keys(gatewayTokens).length}`, token])));
}

describe("a person's first day on the website", () => {
  it("signs in, lands on the waitlist and joins it", async () => {
    await signIn(nina, NINA);
    await nina.getByRole("heading", { name: "You are almost in" }).waitFor();
    await nina.getByLabel("What would you like to use OpenClaw for? (optional)").fill("trying the website");
    await nina.getByRole("button", { name: "Join the waitlist" }).click();
    await nina.getByText("You are on the waitlist").waitFor();
    await recorder.snapshot(nina, "waitlist");
  });

  it("is let in by the admin in /admin, who also grants credits", async () => {
    await signIn(admin, ADMIN, "/admin/waitlist");
    const entry = admin.getByRole("row").filter({ hasText: NINA.email });
    await entry.getByRole("button", { name: "Approve" }).click();
    await confirm(admin, "Approve");
    await entry.getByText(`by ${ADMIN.email}`, { exact: false }).waitFor();

    await grantCredits(admin, NINA.email, 1_000_000);
    await recorder.snapshot(admin, "admin users");
  });

  it("creates their OpenClaw with their own key and watches the stages arrive live", async () => {
    await nina.getByRole("button", { name: "Check again" }).click();
    // Without an OpenClaw, the Hatchery at / calls for creating one.
    await nina.getByRole("main").getByRole("link", { name: "Create your OpenClaw" }).click();
    await nina.getByRole("heading", { name: "Create your OpenClaw" }).waitFor();
    await nina.getByText("An OpenAI-compatible server").click();
    await nina.getByLabel("Model id").fill("echo-1");
    await nina.getByLabel("OpenAI-compatible server API key").fill(NINA_PROVIDER_KEY);
    await nina.getByLabel("Base URL").fill(`${stack.model.url}/v1`);
    await nina.getByRole("button", { name: "Next: Telegram" }).click();
    await nina.getByRole("button", { name: "Skip for now" }).click();
    await nina.getByRole("button", { name: "Create my OpenClaw" }).click();

    // The stages arrive one by one while the gateway starts (about ten seconds): the list
    // shows a stage in progress before the last one is done.
    const stages = nina.getByRole("list", { name: "Creating your OpenClaw" });
    await stages.locator(".stage-current").first().waitFor();
    const midway = await stages.locator(".stage-done").count();
    await nina.getByRole("button", { name: "Go to your OpenClaw" }).waitFor({ timeout: 180_000 });
    expect(await stages.locator(".stage-done").count()).toBeGreaterThan(midway);
    expect(await stages.locator(".stage-failed").count()).toBe(0);
    await nina.getByRole("button", { name: "Go to your OpenClaw" }).click();
    await nina.locator(".sidebar-status").getByText("Running").waitFor();
    await noteGatewayTokens();
    await recorder.snapshot(nina, "home");
  });

  it("chats: the reply grows in several steps before it ends, and the session and its transcript survive a reload", async () => {
    await nina.goto(`${stack.webUrl}/chat/${CHAT_KEY}`);
    const input = nina.getByRole("textbox", { name: "Message" });
    await input.fill("hello from the browser [words:120]");
    await nina.getByRole("button", { name: "Send" }).click();

    const reply = nina.locator(".chat-message-assistant .chat-markdown").last();
    const lengths: number[] = [];
    // Sample the painted reply while it streams: it must be seen at several growing lengths.
    await nina.getByRole("button", { name: "Stop" }).waitFor();
    while (await nina.getByRole("button", { name: "Stop" }).isVisible()) {
      const text = (await reply.textContent().catch(() => null)) ?? "";
      if (text.length > 0 && text.length !== lengths.at(-1)) lengths.push(text.length);
      await nina.waitForTimeout(40);
    }
    const final = (await reply.textContent()) ?? "";
    expect(final).toContain("hello from the browser");
    expect(lengths.length, `lengths seen while streaming: ${lengths.join(", ")}`).toBeGreaterThanOrEqual(3);
    expect(lengths[0]!).toBeLessThan(final.length / 2);

    await nina.reload();
    await sessionLink().waitFor();
    await nina.locator(".chat-message-user").filter({ hasText: "hello from the browser" }).waitFor();
    expect(await nina.locator(".chat-message-assistant").last().textContent()).toContain("hello from the browser");
    await recorder.snapshot(nina, "chat");
  });

  it("stops a reply mid-stream", async () => {
    const input = nina.getByRole("textbox", { name: "Message" });
    await input.fill("a long one to stop [words:600]");
    await nina.getByRole("button", { name: "Send" }).click();
    const reply = nina.locator(".chat-message-assistant .chat-markdown").last();
    await expect.poll(async () => ((await reply.textContent()) ?? "").length, { timeout: 30_000 }).toBeGreaterThan(20);
    await nina.getByRole("button", { name: "Stop" }).click();
    await nina.getByText("Stopped.").waitFor();
    const stoppedAt = ((await reply.textContent()) ?? "").length;
    await nina.waitForTimeout(500);
    expect(((await reply.textContent()) ?? "").length).toBe(stoppedAt);
    await nina.getByRole("button", { name: "Send" }).waitFor();
  });

  it("pairs a real node through the Devices page", async () => {
    await nina.getByRole("link", { name: "Devices" }).click();
    await nina.getByRole("button", { name: "Create a link" }).click();
    // The command the page shows, read back into the URL `openclaw node run` would connect to.
    const command = (await nina.locator("pre.command").textContent()) ?? "";
    const [, host, port, contextPath] = /--host (\S+) --port (\d+) --no-tls --context-path "([^"]+)"/.exec(command) ?? [];
    node = await startTestNodeClient({ url: `ws://${host}:${port}${contextPath}`, displayName: "journey-node" });
    await node.waitForPairingRequired(60_000);

    const request = nina.getByRole("listitem", { name: /Pairing request from journey-node/ });
    await request.waitFor({ timeout: 30_000 });
    await request.getByRole("button", { name: /Approve/ }).click();
    await confirm(nina, "Yes, approve");
    const connected = await node.waitForConnected(60_000);
    expect(connected.role).toBe("node");
    await nina.getByRole("region", { name: "Paired devices" }).getByText("journey-node").waitFor({ timeout: 30_000 });
    await recorder.snapshot(nina, "devices");
  });

  it("opens the Control UI on the OpenClaw's own address, where it pairs like any device", async () => {
    const [controlUi] = await Promise.all([ninaContext.waitForEvent("page"), nina.getByRole("button", { name: "Open the Control UI" }).click()]);
    // The one-time link is spent on arrival: the tab lands on the tenant's own origin, signed in by a cookie only that origin gets.
    await controlUi.waitForURL((url) => url.hostname.endsWith(".ui.localhost") && !url.search.includes("ticket"), { timeout: 60_000 });
    expect(new URL(controlUi.url()).hostname.split(".")[0]).toMatch(/^u-[0-9a-f]+$/);
    // The Control UI asks to pair (OpenClaw's own screen); Nina approves it on the Devices page and it connects by itself.
    await controlUi.getByText("Approve this browser").waitFor({ timeout: 60_000 });
    const request = nina.getByRole("listitem", { name: /Pairing request from/ }).first();
    await request.waitFor({ timeout: 30_000 });
    await request.getByRole("button", { name: /Approve/ }).click();
    await confirm(nina, "Yes, approve");
    // Connected: it lists Nina's sessions, read over the relayed WebSocket.
    await controlUi.getByText(CHAT_KEY).first().waitFor({ timeout: 60_000 });
    await controlUi.screenshot({ path: `${process.env.TMPDIR ?? "/tmp"}/web-journey-control-ui.png` });
    await recorder.snapshot(controlUi, "control-ui");
    expect(await controlUi.evaluate(() => document.cookie)).toBe("");
    await controlUi.close();
  });

  it("backs up, then restores that backup, and the transcript is still there", async () => {
    await nina.getByRole("link", { name: "Backups" }).click();
    await nina.getByRole("button", { name: "Back up now" }).click();
    const rows = nina.locator("table tbody tr");
    await rows.first().waitFor({ timeout: 60_000 });
    await nina.getByRole("button", { name: "Back up now" }).waitFor();
    await rows
      .first()
      .getByRole("button", { name: /Restore/ })
      .click();
    await confirm(nina, "Yes, restore");
    await nina
      .getByRole("status")
      .filter({ hasText: /[Rr]estored/ })
      .waitFor({ timeout: 180_000 });
    await noteGatewayTokens();

    await nina.getByRole("link", { name: "Chat" }).click();
    await sessionLink().click();
    await nina.locator(".chat-message-user").filter({ hasText: "hello from the browser" }).waitFor({ timeout: 60_000 });
    await recorder.snapshot(nina, "after restore");
  });

  it("puts it to sleep; opening Chat says it is waking, and the session comes back", async () => {
    // A paired node reconnects at once and would wake it before Nina does: this step is hers alone.
    await node?.stop();
    node = null;
    await nina.goto(`${stack.webUrl}/openclaw`);
    await nina.getByRole("button", { name: "Put to sleep" }).click();
    await nina.locator(".sidebar-status").getByText("Asleep").waitFor({ timeout: 120_000 });
    await nina.getByRole("navigation", { name: "OpenClaw" }).getByRole("link", { name: "Chat" }).click();
    // The wake takes a gateway start: the page says so instead of a bare "Loading…".
    await nina.getByText(/Waking your OpenClaw…/).waitFor();
    await nina.screenshot({ path: `${process.env.TMPDIR ?? "/tmp"}/web-journey-waking.png` });
    await sessionLink().click({ timeout: 180_000 });
    await nina.locator(".chat-message-user").filter({ hasText: "hello from the browser" }).waitFor({ timeout: 60_000 });
    await nina.locator(".sidebar-status").getByText("Running").waitFor({ timeout: 30_000 });
    await noteGatewayTokens();
    await recorder.snapshot(nina, "after wake");
  });

  it("makes an API token, sees it once, uses it, and revokes it", async () => {
    await nina.getByRole("link", { name: "Settings" }).click();
    await nina.getByRole("tab", { name: /API tokens/ }).click();
    await nina.getByLabel("Token name").fill("journey");
    await nina.getByRole("button", { name: /Create/ }).click();
    const token = ((await nina.getByLabel("The new API token").textContent()) ?? "").trim();
    expect(token).toMatch(/^oc_[\w-]{43}$/);
    const withToken = () => fetch(`${stack.webUrl}/api/openclaw/status`, { headers: { authorization: `Bearer ${token}` } });
    expect((await withToken()).status).toBe(200);

    await nina.getByRole("button", { name: "I have copied it" }).click();
    await nina
      .getByRole("row")
      .filter({ hasText: "journey" })
      .getByRole("button", { name: /Revoke/ })
      .click();
    await confirm(nina, "Yes, revoke");
    await nina
      .getByRole("row")
      .filter({ hasText: "journey" })
      .getByText(/Revoked/)
      .waitFor();
    expect((await withToken()).status).toBe(401);
    await recorder.snapshot(nina, "tokens");
  });
});

describe("who sees what", () => {
  it("a signed-in person without access sees the waitlist on every page, never the app", async () => {
    const otto = await personPage();
    await signIn(otto, OTTO, "/chat/main");
    await otto.getByRole("heading", { name: "You are almost in" }).waitFor();
    for (const path of ["/", "/devices", "/admin", "/settings"]) {
      await otto.goto(`${stack.webUrl}${path}`);
      await otto.getByRole("heading", { name: "You are almost in" }).waitFor();
      expect(await otto.getByRole("navigation", { name: "Main" }).count()).toBe(0);
    }
    await recorder.snapshot(otto, "waitlisted");
  });

  it("a person who is not an admin gets 'Not allowed' on /admin", async () => {
    await nina.goto(`${stack.webUrl}/admin/users`);
    await nina.getByRole("heading", { name: "Not allowed" }).waitFor();
    expect(await nina.getByText(ADMIN.email).count()).toBe(0);
  });

  it("a signed-out visitor gets the sign-in screen, and the API answers them nothing", async () => {
    const visitor = await personPage();
    const answers: string[] = [];
    visitor.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/api/")) answers.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    for (const path of ["/", "/admin", "/chat/main", "/settings"]) {
      await visitor.goto(`${stack.webUrl}${path}`);
      await visitor.getByRole("button", { name: "Sign in" }).waitFor();
      expect(await visitor.getByText(NINA.email).count()).toBe(0);
    }
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((answer) => answer.startsWith("401 "))).toBe(true);
  });
});

describe("secrets", () => {
  it("no answer, page, script-readable cookie or storage holds a gateway token, a provider key or a platform secret", async () => {
    const exposures = await recorder.settled();
    expect(exposures.length).toBeGreaterThan(100);
    expect(exposures.some((exposure) => exposure.text.includes("response.output_text.delta"))).toBe(true);
    expect(Object.keys(gatewayTokens).length).toBeGreaterThan(0);
    const { internalKey, proxyTicketSecret, sandboxHostSecret, convexControlKey, sessionSecret, encryptionKey } = stack.secrets;
    const secrets = { providerKey: NINA_PROVIDER_KEY, internalKey, proxyTicketSecret, sandboxHostSecret, convexControlKey, sessionSecret, encryptionKey, ...gatewayTokens };
    expect(findSecrets(exposures, secrets)).toEqual([]);
  });
});
