import { rmSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, startLocalStack, type Browser, type LocalStack, type Page } from "@openclaw-cloud/local-stack";
import { grantCredits, newPersonPage, signIn } from "./support/site.ts";

// The Hatchery, the sidebar's chats and a durable thread, in a real headless Chromium
// against the whole local stack (web, api, runtime and agent workers, the local Convex, a
// real OpenClaw gateway, the offline model): the canvas shows the person's OpenClaw, a
// session and a chat; the inspector opens on a node; a new chat streams its reply, shows
// a tool call as a card with its result, asks before a restart and runs it once approved,
// and is still there after a reload. Screenshots of each screen go to $TMPDIR/hatchery-*.png.
const ADA = { email: "ada@hatchery.test", name: "Ada Hatchery" };
const tmp = process.env.TMPDIR ?? "/tmp";
const stateDir = `${tmp}/occ-web-hatchery-${process.pid}`;
let stack: LocalStack;
let browser: Browser;
let page: Page;
/** The chat made from the sidebar, for the tests that come back to it. */
let threadPath = "";

const shot = (name: string) => page.screenshot({ path: `${tmp}/hatchery-${name}.png` });

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startLocalStack({
      stateDir,
      // Slow enough that a reply's growth is visible.
      tokenDelayMs: 15,
      apiVars: { ADMIN_EMAILS: ADA.email, RATE_LIMIT_BURST: "1000", RATE_LIMIT_PER_SECOND: "1000" },
      runtimeVars: { GATEWAY_START_TIMEOUT_SECONDS: "300" },
    }),
    launchChromium(),
  ]);
  page = await newPersonPage(browser);
});

afterEach(async (context) => {
  if (context.task.result?.state !== "fail") return;
  await page?.screenshot({ path: `${tmp}/hatchery-failed-${context.task.name.replace(/\W+/g, "-").slice(0, 60)}.png`, fullPage: true }).catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

/** A card on the canvas by its accessible name ("Chat: New chat", "Session: Main session"). */
const card = (name: string | RegExp) => page.locator(".react-flow__node-card").and(page.getByRole("group", { name }));
const lastTool = () => page.locator(".tool-card").last();
/** A tool card's stage ("Done", "Waiting for your approval"), not words of its input or result. */
const stageOf = (tool: ReturnType<typeof lastTool>, label: string) => tool.locator(".tool-card-stage", { hasText: label });

describe("the Hatchery and a thread", () => {
  it("without an OpenClaw, the Hatchery calls for creating one", async () => {
    await signIn(page, stack.webUrl, ADA);
    await page.getByRole("heading", { name: "Hatchery" }).waitFor();
    await page.locator(".hatchery-node-create").waitFor();
    await page.getByRole("main").getByRole("link", { name: "Create your OpenClaw" }).waitFor();
    await shot("empty");
  });

  it("creates the OpenClaw (credits from the admin page, the platform model)", async () => {
    await page.goto(`${stack.webUrl}/admin`);
    await grantCredits(page, ADA.email, 1_000_000);
    await page.goto(`${stack.webUrl}/create`);
    await page.getByRole("button", { name: "Next: Telegram" }).click();
    await page.getByRole("button", { name: "Skip for now" }).click();
    await page.getByRole("button", { name: "Create my OpenClaw" }).click();
    await page.getByRole("button", { name: "Go to your OpenClaw" }).waitFor({ timeout: 180_000 });
    // One WebChat turn, so the gateway lists a session.
    await page.goto(`${stack.webUrl}/chat`);
    await page.getByRole("textbox", { name: "Message" }).fill("hello gateway");
    await page.getByRole("button", { name: "Send" }).click();
    await page.locator(".chat-message-assistant").filter({ hasText: "hello gateway" }).waitFor({ timeout: 60_000 });
  });

  it("a new chat from the sidebar streams its reply: the text grows in several steps", async () => {
    await page.getByRole("region", { name: "Chats" }).getByRole("button", { name: "New chat" }).click();
    await page.waitForURL(/\/t\/[a-z0-9]+$/);
    threadPath = new URL(page.url()).pathname;
    await page.getByRole("textbox", { name: "Message" }).fill("hello thread [words:120]");
    await page.getByRole("button", { name: "Send" }).click();
    const reply = page.locator(".chat-message-assistant .chat-markdown").last();
    const lengths: number[] = [];
    await expect.poll(async () => ((await reply.textContent().catch(() => "")) ?? "").length, { timeout: 60_000 }).toBeGreaterThan(0);
    for (let i = 0; i < 200; i++) {
      const text = (await reply.textContent().catch(() => null)) ?? "";
      if (text.length > 0 && text.length !== lengths.at(-1)) lengths.push(text.length);
      if (text.includes("Echo: hello thread") && !(await page.getByRole("button", { name: "Stop" }).isVisible())) break;
      await page.waitForTimeout(40);
    }
    const final = (await reply.textContent()) ?? "";
    expect(final).toContain("Echo: hello thread");
    expect(lengths.length, `lengths seen while streaming: ${lengths.join(", ")}`).toBeGreaterThanOrEqual(3);
    expect(lengths[0]!).toBeLessThan(final.length / 2);
    // The first message names the thread, and the sidebar shows the new title.
    await page
      .locator(".thread-item-current")
      .filter({ hasText: /hello thread/ })
      .waitFor({ timeout: 30_000 });
  });

  it("a tool call shows as a card with its name and its result", async () => {
    await page.getByRole("textbox", { name: "Message" }).fill("which sessions are there? [tool:sessions_list]");
    await page.getByRole("button", { name: "Send" }).click();
    const tool = lastTool();
    await tool.getByText("sessions list").waitFor({ timeout: 60_000 });
    await stageOf(tool, "Done").waitFor({ timeout: 60_000 });
    await tool.locator(".tool-card-label", { hasText: "Result" }).waitFor();
    expect(await tool.locator(".tool-json").last().textContent()).toContain("main");
    await shot("thread-tool");
  });

  it("a risky tool waits for approval; approved, it runs and the card shows its result", async () => {
    await page.getByRole("textbox", { name: "Message" }).fill("please restart [tool:openclaw_restart]");
    await page.getByRole("button", { name: "Send" }).click();
    const tool = lastTool();
    await stageOf(tool, "Waiting for your approval").waitFor({ timeout: 60_000 });
    await shot("thread-approval");
    await tool.getByRole("button", { name: "Approve" }).click();
    await stageOf(tool, "Done").waitFor({ timeout: 180_000 });
    await tool.locator(".tool-card-label", { hasText: "Result" }).waitFor();
    await shot("thread-approved");
  });

  it("a reload keeps the thread", async () => {
    await page.reload();
    await page.locator(".chat-message-user").filter({ hasText: "hello thread" }).waitFor({ timeout: 30_000 });
    await page.locator(".tool-card").filter({ hasText: "openclaw restart" }).locator(".tool-card-stage", { hasText: "Done" }).waitFor();
    expect(await page.locator(".chat-message-assistant").first().textContent()).toContain("Echo: hello thread");
  });

  it("the Hatchery shows the OpenClaw, a session and the chat; the inspector opens on a node", async () => {
    await page.getByRole("link", { name: "Hatchery" }).click();
    await card(/^OpenClaw Cloud: /).waitFor({ timeout: 30_000 });
    await card(/^Session/)
      .first()
      .waitFor({ timeout: 30_000 });
    await card(/^Chat: .*hello thread/).waitFor();
    await shot("nodes");
    await card(/^Chat: .*hello thread/).click();
    const inspector = page.getByRole("complementary", { name: /^Inspector: / });
    await inspector.getByRole("link", { name: "Open chat" }).waitFor();
    await shot("inspector-thread");
    await card(/^OpenClaw Cloud: /).click();
    await inspector.getByRole("button", { name: "Restart" }).waitFor();
    await inspector.getByRole("link", { name: "Overview" }).waitFor();
    await shot("inspector-instance");
  });

  it("a chat's approval is answered from the Hatchery, and the chat goes on by itself", async () => {
    await page.goto(`${stack.webUrl}${threadPath}`);
    await page.getByRole("textbox", { name: "Message" }).fill('tell the main session [tool:session_send {"sessionKey":"agent:main:main","message":"hello from the hatchery"}]');
    await page.getByRole("button", { name: "Send" }).click();
    const tool = lastTool();
    await stageOf(tool, "Waiting for your approval").waitFor({ timeout: 60_000 });
    await tool.getByText("hello from the hatchery").first().waitFor();

    await page.getByRole("link", { name: "Hatchery" }).click();
    const approval = card("Approval: session_send");
    await approval.waitFor({ timeout: 30_000 });
    await approval.click();
    const inspector = page.getByRole("complementary", { name: /^Inspector: / });
    await inspector.getByText(/Send "hello from the hatchery" into OpenClaw session agent:main:main/).waitFor();
    await shot("inspector-approval");
    await inspector.getByRole("button", { name: "Approve" }).click();
    await approval.waitFor({ state: "detached", timeout: 30_000 });

    // The thread ran the tool on its own: the gateway's session got the message.
    await page.goto(`${stack.webUrl}${threadPath}`);
    await page.locator(".tool-card").filter({ hasText: "session send" }).last().locator(".tool-card-stage", { hasText: "Done" }).waitFor({ timeout: 120_000 });
  });

  it("OpenClaw's own exec approval shows on the canvas and is allowed from the inspector", async () => {
    // A WebChat turn whose model output calls the gateway's exec tool: the gateway asks first.
    const turn = page.request.post(`${stack.webUrl}/api/openclaw/chat`, {
      // What the command prints ("ran-ok") is not in the command itself, so only a run shows it.
      data: { message: `run it [tool:exec ${JSON.stringify({ command: "printf 'ran-%s' ok" })}]`, sessionKey: "hatchery-exec" },
      timeout: 180_000,
    });
    await page.goto(`${stack.webUrl}/`);
    const exec = card("OpenClaw asks to run: printf 'ran-%s' ok");
    await exec.waitFor({ timeout: 60_000 });
    await exec.click();
    const inspector = page.getByRole("complementary", { name: /^Inspector: / });
    await shot("inspector-exec");
    await inspector.getByRole("button", { name: "Allow once" }).click();
    await exec.waitFor({ state: "detached", timeout: 30_000 });
    const answer = await turn;
    expect(answer.status()).toBe(200);
    expect(await answer.text()).toContain("ran-ok");
  });

  it("stays readable with many chats", async () => {
    for (let i = 1; i <= 50; i++) {
      const answer = await page.request.post(`${stack.webUrl}/api/threads`, { data: { title: `Chat number ${i}` } });
      expect(answer.status()).toBe(201);
    }
    await page.reload();
    await card("Chat: Chat number 50").waitFor({ timeout: 30_000 });
    // The newest on their own cards, the rest gathered in one that lists them all.
    const older = card("Chat: 42 more chats");
    await older.waitFor();
    await shot("many");
    await shot("sidebar");
    await older.click();
    const inspector = page.getByRole("complementary", { name: /^Inspector: / });
    await inspector.getByRole("link", { name: "Chat number 1", exact: true }).waitFor();
    await shot("inspector-more");
  });

  it("the Credits page shows what today cost, on the OpenClaw (by surface) and on chat threads", async () => {
    await page.goto(`${stack.webUrl}/settings`);
    await page.getByRole("tab", { name: /Credits/ }).click();
    const table = page.getByRole("table", { name: "Credits spent per day, newest first" });
    const today = table.getByRole("row", { name: new RegExp(`^${new Date().toISOString().slice(0, 10)} `) });
    await today.waitFor();
    const [openclawCell, threadsCell] = (await today.getByRole("cell").allTextContents()).slice(1, 3);
    const leadingNumber = (text = "") => Number(/^[\d,]+/.exec(text)?.[0].replace(/,/g, "") ?? Number.NaN);
    // The exec approval's turn ran on the platform's model (metered at the proxy); the chats are threads.
    expect(leadingNumber(openclawCell)).toBeGreaterThan(0);
    expect(leadingNumber(threadsCell)).toBeGreaterThan(0);
    // The OpenClaw's spending says which surface its turns came from; none of today's is unrecorded.
    expect(openclawCell).toMatch(/(website|API|thread tools|channels, schedules, Control UI|several at once) [\d,]+/);
    expect(openclawCell).not.toContain("not recorded");
    await today.scrollIntoViewIfNeeded();
    await shot("credits");
  });
});
