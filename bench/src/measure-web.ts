import { gzipSync } from "node:zlib";
import { launchChromium, type Browser, type BrowserContext, type LocalStack, type Page } from "@openclaw-cloud/local-stack";
import { expectJson } from "./platform-api.ts";
import { median, round } from "./stats.ts";

/** The website's person in the bench: signs in with the local form, let in and given credits by the bench's admin. */
const WEB_USER = { email: "web-bench@bench.test", name: "Web Bench" };

export interface WebOptions {
  /** Loads of the signed-in home, each in a fresh page. */
  renders: number;
  /** Pairs of turns: one sent from the chat screen, one straight to the API from the same page. */
  tokenPairs: number;
  /** `[words:N]` of each turn. */
  words: number;
  /** Threads and OpenClaw sessions the person has when the Hatchery is measured. */
  hatcheryThreads: number;
  hatcherySessions: number;
}

export interface WebResult {
  /** Gzip size of every script the first page (the signed-in home) loads, in KB. */
  entryJsKbGz: number;
  entryScripts: Array<{ path: string; kbGz: number }>;
  firstRenderMs: number[];
  /** Send clicked → first reply text painted, per turn. */
  uiFirstTokenMs: number[];
  /** The same turn's request straight to the API from the page → first text delta read. */
  apiFirstDeltaMs: number[];
  /** Navigation start → every node of the Hatchery (threads, instance, sessions) drawn on its canvas, per load. */
  hatcheryRenderMs: number[];
}

/** Records when every one of `selectors` first matches, in the page's own clock (ms since navigation start). */
async function markWhenShown(page: Page, name: string, selectors: string[]): Promise<void> {
  await page.addInitScript(
    ({ name, selectors }) => {
      const marks = ((window as unknown as { __marks?: Record<string, number> }).__marks ??= {});
      const check = () => {
        if (marks[name] === undefined && selectors.every((selector) => document.querySelector(selector))) marks[name] = performance.now();
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
    },
    { name, selectors },
  );
}

async function mark(page: Page, name: string): Promise<number> {
  await page.waitForFunction((name) => (window as unknown as { __marks?: Record<string, number> }).__marks?.[name] !== undefined, name, { timeout: 60_000 });
  return page.evaluate((name) => (window as unknown as { __marks: Record<string, number> }).__marks[name]!, name);
}

/** The signed-in home is visible: its heading and the sidebar's live status of the person's OpenClaw. */
const HOME_VISIBLE = ["#main h1", ".sidebar-status .badge"];

export async function measureWeb(stack: LocalStack, adminApi: (path: string, init?: RequestInit) => Promise<Response>, options: WebOptions): Promise<WebResult> {
  const browser: Browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const signIn = await context.request.post(`${stack.webUrl}/api/auth/local/sign-in`, { data: WEB_USER });
    const { user } = (await signIn.json()) as { user: { id: string } };
    await expectJson(await adminApi(`/api/admin/users/${user.id}/access`, { method: "POST", body: JSON.stringify({ enabled: true }) }));
    await expectJson(await adminApi(`/api/admin/users/${user.id}/credits`, { method: "POST", body: JSON.stringify({ amount: 1_000_000_000, reason: "bench" }) }), 201);
    const created = await context.request.post(`${stack.webUrl}/api/openclaw/instance`, { timeout: 180_000 });
    if (created.status() !== 201) throw new Error(`creating the web bench instance: ${created.status()} ${await created.text()}`);
    try {
      const entry = await measureEntry(context.newPage.bind(context), stack.webUrl);
      const firstRenderMs: number[] = [];
      for (let i = 0; i < options.renders; i++) {
        const page = await context.newPage();
        await markWhenShown(page, "home", HOME_VISIBLE);
        await page.goto(`${stack.webUrl}/`);
        firstRenderMs.push(await mark(page, "home"));
        await page.close();
      }
      const tokens = await measureFirstToken(await context.newPage(), stack.webUrl, options);
      const hatcheryRenderMs = await measureHatchery(context, stack.webUrl, options);
      return { ...entry, firstRenderMs, ...tokens, hatcheryRenderMs };
    } finally {
      await context.request.delete(`${stack.webUrl}/api/openclaw/instance?purgeBackups=true`);
    }
  } finally {
    await browser.close();
  }
}

/** Every script the signed-in home loads (entry, its imports, lazy chunks it asks for), gzipped as a server would send them. */
async function measureEntry(newPage: () => Promise<Page>, webUrl: string): Promise<Pick<WebResult, "entryJsKbGz" | "entryScripts">> {
  const page = await newPage();
  const scripts: Array<Promise<{ path: string; kbGz: number }>> = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(response.body().then((body) => ({ path: new URL(response.url()).pathname, kbGz: gzipSync(body).length / 1024 })));
  });
  await markWhenShown(page, "home", HOME_VISIBLE);
  await page.goto(`${webUrl}/`);
  await mark(page, "home");
  await page.waitForLoadState("networkidle");
  const entryScripts = await Promise.all(scripts);
  await page.close();
  return {
    entryJsKbGz: round(
      entryScripts.reduce((sum, script) => sum + script.kbGz, 0),
      1,
    ),
    entryScripts,
  };
}

/** The chat screen's session for the bench's turns. */
const BENCH_CHAT_KEY = "bench-web";

/**
 * Pairs of the same kind of turn in the same session: one sent from the chat screen (send
 * clicked → the first reply text in the frame that paints it), one requested straight from
 * the API by the same page (request → first `response.output_text.delta` read). Their
 * difference is what the screen adds: assistant-ui, the adapter, React rendering, paint.
 */
async function measureFirstToken(page: Page, webUrl: string, options: WebOptions): Promise<Pick<WebResult, "uiFirstTokenMs" | "apiFirstDeltaMs">> {
  await page.goto(`${webUrl}/chat/${BENCH_CHAT_KEY}`);
  const input = page.getByRole("textbox", { name: "Message" });
  await input.waitFor();
  const uiFirstTokenMs: number[] = [];
  const apiFirstDeltaMs: number[] = [];
  for (let i = 0; i < options.tokenPairs + 1; i++) {
    await input.fill(`web bench turn ${i} [words:${options.words}]`);
    const ui = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const replies = () => [...document.querySelectorAll(".chat-message-assistant .chat-markdown")].filter((element) => element.textContent?.trim()).length;
          const before = replies();
          let clickedAt = 0;
          const observer = new MutationObserver(() => {
            if (replies() <= before) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - clickedAt));
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          const send = [...document.querySelectorAll("button")].find((button) => button.textContent === "Send")!;
          clickedAt = performance.now();
          send.click();
        }),
    );
    await page.getByRole("button", { name: "Send" }).waitFor();
    const api = await page.evaluate(
      async ({ key, message }) => {
        const started = performance.now();
        const response = await fetch("/api/openclaw/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message, sessionKey: key }) });
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let text = "";
        let firstDelta = Number.NaN;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
          if (Number.isNaN(firstDelta) && /event: response\.output_text\.delta\r?\ndata: [^\n]*\n\r?\n/.test(text)) firstDelta = performance.now() - started;
        }
        return firstDelta;
      },
      { key: BENCH_CHAT_KEY, message: `web bench direct ${i} [words:${options.words}]` },
    );
    // The first pair warms the session and the screen up; it is not counted.
    if (i === 0) continue;
    uiFirstTokenMs.push(ui);
    apiFirstDeltaMs.push(api);
  }
  return { uiFirstTokenMs, apiFirstDeltaMs };
}

/**
 * The Hatchery of a person with many threads and sessions: they are made first (threads
 * through the API, sessions by one short turn each in its own session key), then `/` is
 * loaded in fresh pages until the canvas shows the instance and the chats' and sessions'
 * columns in full (their newest cards and the card gathering the rest).
 */
async function measureHatchery(context: BrowserContext, webUrl: string, options: WebOptions): Promise<number[]> {
  for (let i = 0; i < options.hatcheryThreads; i++) {
    const created = await context.request.post(`${webUrl}/api/threads`, { data: { title: `Bench thread ${i}` } });
    if (created.status() !== 201) throw new Error(`creating a bench thread: ${created.status()} ${await created.text()}`);
  }
  for (let i = 0; i < options.hatcherySessions; i++) {
    const turn = await context.request.post(`${webUrl}/api/openclaw/chat`, { data: { message: `hatchery session ${i}`, sessionKey: `bench-hatchery-${i}` }, timeout: 60_000 });
    if (turn.status() !== 200) throw new Error(`a turn in bench session ${i}: ${turn.status()} ${await turn.text()}`);
  }
  const renders: number[] = [];
  for (let i = 0; i < options.renders; i++) {
    const page = await context.newPage();
    // Drawn: the instance, and the chats and sessions columns, each ending in its "more" card.
    await markWhenShown(page, "hatchery", [".hatchery-node-instance", ".hatchery-node-more-threads", ".hatchery-node-more-sessions"]);
    await page.goto(`${webUrl}/`);
    renders.push(await mark(page, "hatchery"));
    await page.close();
  }
  return renders;
}

export function summarizeWeb(web: WebResult): Record<string, number> {
  return {
    web_entry_js_kb_gz: web.entryJsKbGz,
    web_first_render_ms: round(median(web.firstRenderMs), 0),
    webchat_first_token_ms: round(median(web.uiFirstTokenMs) - median(web.apiFirstDeltaMs), 1),
    hatchery_render_ms: round(median(web.hatcheryRenderMs), 0),
  };
}

export function webReportRows(summary: Record<string, number | null>): Array<{ metric: string; target: string; met: boolean | null }> {
  const atMost = (key: string, limit: number) => {
    const value = summary[key] ?? null;
    return value === null ? false : value <= limit;
  };
  return [
    { metric: "web_entry_js_kb_gz", target: "<= 250", met: atMost("web_entry_js_kb_gz", 250) },
    { metric: "web_first_render_ms", target: "reported", met: null },
    { metric: "webchat_first_token_ms", target: "<= 50", met: atMost("webchat_first_token_ms", 50) },
    { metric: "hatchery_render_ms", target: "reported", met: null },
  ];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The method notes for the website's figures in docs/benchmarks.md. */
export function webMethodNotes(web: WebResult, options: WebOptions): string {
  const scripts = web.entryScripts.map((script) => `\`${script.path}\` ${script.kbGz.toFixed(1)} KB`).join(", ");
  return `- \`web_entry_js_kb_gz\`: every script the signed-in home loads in headless Chromium (Debian's,
  driven by playwright-core) until the network is idle, each gzipped (zlib default level) as a
  server would send it: ${scripts}. The chat screen and the admin panel are separate chunks, loaded when opened.
- \`web_first_render_ms\`: a signed-in person with a running OpenClaw opens \`/\` in a fresh page;
  from navigation start to the moment the home's heading and the sidebar's live status are both
  in the page (a MutationObserver in the page's own clock); median of ${options.renders}: ${web.firstRenderMs.map(ms).join(", ")}.
- \`webchat_first_token_ms\`: ${options.tokenPairs} pairs of \`[words:${options.words}]\` turns in one session (after one
  uncounted warm-up pair). One is sent from the chat screen: Send clicked → the first reply text in
  the animation frame that paints it (median ${ms(median(web.uiFirstTokenMs))}). The other is the same kind of turn requested by the
  same page straight from \`POST /api/openclaw/chat\`: request → first \`response.output_text.delta\` event read
  (median ${ms(median(web.apiFirstDeltaMs))}). The figure is the difference of the medians: what the screen adds.
- \`hatchery_render_ms\`: the same person with ${options.hatcheryThreads} threads and ${options.hatcherySessions} more OpenClaw sessions opens \`/\` in a fresh
  page; from navigation start until the canvas shows the instance and the chats' and sessions' columns in full
  (the newest of each on their own cards, the rest gathered in one card each);
  median of ${options.renders}: ${web.hatcheryRenderMs.map(ms).join(", ")}.
`;
}
