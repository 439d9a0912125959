/** A ready-to-paste example for the `openai` SDK with a just-created API token. */
export function openaiExample(token: string, origin: string): string {
  return [
    `import OpenAI from "openai";`,
    ``,
    `const client = new OpenAI({`,
    `  apiKey: ${JSON.stringify(token)},`,
    `  baseURL: ${JSON.stringify(`${origin}/api/openclaw/v1`)},`,
    `});`,
    `const response = await client.responses.create({ model: "openclaw", input: "hello" });`,
    `console.log(response.output_text);`,
  ].join("\n");
}
