import type { Browser, Page } from "@openclaw-cloud/local-stack";

/** A person on the site, as the local sign-in form knows them. */
export interface Person {
  email: string;
  name: string;
}

/** A fresh browser context (its own cookies) and page at a laptop's size. */
export async function newPersonPage(browser: Browser, watch?: (context: Awaited<ReturnType<Browser["newContext"]>>) => void): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  watch?.(context);
  return context.newPage();
}

/** Signs in with the local sign-in form (only there when WorkOS is not configured), landing on `path`. */
export async function signIn(page: Page, webUrl: string, person: Person, path = "/"): Promise<void> {
  await page.goto(`${webUrl}${path}`);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Name (optional)").fill(person.name);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Confirms the open confirmation dialog with its confirming button. */
export async function confirm(page: Page, label: string): Promise<void> {
  await page.getByRole("dialog").getByRole("button", { name: label, exact: true }).click();
}

/** An admin grants credits to someone in /admin/users (the admin page must be signed in as an admin). */
export async function grantCredits(admin: Page, email: string, credits: number, reason = "welcome"): Promise<void> {
  await admin.getByRole("link", { name: "Users" }).click();
  await admin.getByLabel("Search users").fill(email.split("@")[0]!);
  const row = admin.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: "Grant credits" }).click();
  const grant = admin.getByRole("form", { name: `Grant credits to ${email}` });
  await grant.getByLabel("Credits").fill(String(credits));
  await grant.getByLabel("Reason").fill(reason);
  await grant.getByRole("button", { name: "Grant", exact: true }).click();
  await admin.getByText(new RegExp(`balance is now ${credits.toLocaleString("en-US").replace(/,/g, ",?")}`)).waitFor();
}
