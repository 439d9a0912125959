import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, startLocalStack, type Browser, type LocalStack } from "@openclaw-cloud/local-stack";
import { startWorkosStandIn, type WorkosStandIn } from "@openclaw-cloud/workos-auth/testing";

// Signing in with WorkOS AuthKit, on the server, against the WorkOS stand-in (which speaks
// WorkOS's wire format and plays its hosted sign-in page): the web worker redirects to
// AuthKit, exchanges the code, sets the sealed session cookie; the api verifies it.
// No gateway is started here.
const PERSON = { id: "user_browser_workos", email: "wanda@browser.test", firstName: "Wanda", lastName: "Workos" };
const stateDir = `${process.env.TMPDIR ?? "/tmp"}/occ-web-workos-${process.pid}`;
let standIn: WorkosStandIn;
let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  standIn = await startWorkosStandIn();
  const workos = {
    WORKOS_API_KEY: standIn.apiKey,
    WORKOS_CLIENT_ID: standIn.clientId,
    WORKOS_COOKIE_PASSWORD: randomBytes(24).toString("base64url"),
    WORKOS_API_BASE_URL: standIn.url,
  };
  [stack, browser] = await Promise.all([startLocalStack({ stateDir, apiVars: workos, webVars: workos }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await standIn?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe("sign-in with WorkOS AuthKit", () => {
  it("a signed-out visitor on /admin signs in through AuthKit, comes back to the page they asked for, and is on the waitlist", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/admin`);
    const signIn = page.getByRole("link", { name: "Sign in or create an account" });
    await signIn.waitFor();
    // No local form next to WorkOS, and nothing of anyone's data.
    expect(await page.getByLabel("Email").count()).toBe(0);

    await fetch(`${standIn.url}/__test/next-user`, { method: "POST", body: JSON.stringify({ user: PERSON }) });
    await signIn.click();
    await page.getByRole("heading", { name: "You are almost in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin");
    await page.getByText(PERSON.email).first().waitFor();
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === "wos-session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("wos-session");

    await page.getByRole("button", { name: "Join the waitlist" }).click();
    await page.getByText("You are on the waitlist").waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in or create an account" }).waitFor();
    expect((await context.cookies()).some((cookie) => cookie.name === "wos-session")).toBe(false);
    expect((await page.request.get(`${stack.webUrl}/api/me`)).status()).toBe(401);
    await context.close();
  });

  it("refuses a callback that this browser did not start (no state cookie, or another state)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const code = ((await (await fetch(`${standIn.url}/__test/codes`, { method: "POST", body: JSON.stringify({ user: PERSON }) })).json()) as { code: string }).code;
    await page.goto(`${stack.webUrl}/auth/callback?code=${code}&state=forged`);
    await page.getByRole("alert").filter({ hasText: "That sign-in link had expired or was started elsewhere" }).waitFor();
    expect((await context.cookies()).some((cookie) => cookie.name === "wos-session")).toBe(false);
    await context.close();
  });
});
