import type { BrowserContext, Page } from "@openclaw-cloud/local-stack";

/** One thing a browser was given or kept: an answer, a page's markup, its script-readable storage. */
export interface Exposure {
  what: string;
  text: string;
}

/**
 * Everything the site hands a browser, for the secret scan at the end of a test: every
 * network answer (status, headers, body; streams once they end), and on `snapshot` the
 * page's markup, `document.cookie` (what script can read) and local/session storage.
 */
export class ExposureRecorder {
  readonly exposures: Exposure[] = [];
  readonly #pending: Promise<void>[] = [];

  watch(context: BrowserContext): void {
    context.on("response", (response) => {
      const request = response.request();
      const what = `${request.method()} ${new URL(response.url()).pathname} → ${response.status()}`;
      this.#pending.push(
        (async () => {
          const headers = Object.entries(await response.allHeaders())
            .map(([name, value]) => `${name}: ${value}`)
            .join("\n");
          const body = await response.text().catch(() => "");
          this.exposures.push({ what, text: `${headers}\n\n${body}` });
        })(),
      );
    });
  }

  /** The page as it is now: its markup and whatever script could read from cookies and storage. */
  async snapshot(page: Page, label: string): Promise<void> {
    const surfaces = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      cookie: document.cookie,
      local: JSON.stringify({ ...window.localStorage }),
      session: JSON.stringify({ ...window.sessionStorage }),
    }));
    for (const [name, text] of Object.entries(surfaces)) this.exposures.push({ what: `${label}: ${name}`, text });
  }

  async settled(): Promise<Exposure[]> {
    await Promise.all(this.#pending);
    return this.exposures;
  }
}

/** Every place a secret shows up; empty when none does. */
export function findSecrets(exposures: readonly Exposure[], secrets: Record<string, string>): string[] {
  const leaks: string[] = [];
  for (const { what, text } of exposures) {
    for (const [name, secret] of Object.entries(secrets)) if (secret && text.includes(secret)) leaks.push(`${name} in ${what}`);
  }
  return leaks;
}
