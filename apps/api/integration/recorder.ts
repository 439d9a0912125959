// Every answer the API gives in these tests passes through here, so the secret scan at
// the end covers all of them: status line, each header, and the whole body (streams
// included, read from a clone while the test reads the original live).
export interface RecordedResponse {
  what: string;
  headers: string;
  body: string;
}

export class ResponseRecorder {
  readonly responses: RecordedResponse[] = [];
  readonly #pending: Promise<void>[] = [];

  /** A fetch that records; usable as the `openai` SDK's `fetch` too. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const what = `${request.method} ${new URL(request.url).pathname} → ${response.status}`;
    const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
    this.#pending.push(
      response
        .clone()
        .text()
        .then((body) => void this.responses.push({ what, headers, body }))
        .catch(() => void this.responses.push({ what, headers, body: "" })),
    );
    return response;
  };

  async settled(): Promise<RecordedResponse[]> {
    await Promise.all(this.#pending);
    return this.responses;
  }
}

/** Every place a secret shows up in the recorded answers; empty when none does. */
export function findSecrets(responses: readonly RecordedResponse[], secrets: Record<string, string>): string[] {
  const leaks: string[] = [];
  for (const { what, headers, body } of responses) {
    for (const [name, secret] of Object.entries(secrets)) {
      if (headers.includes(secret)) leaks.push(`${name} in headers of ${what}`);
      if (body.includes(secret)) leaks.push(`${name} in body of ${what}`);
    }
  }
  return leaks;
}
