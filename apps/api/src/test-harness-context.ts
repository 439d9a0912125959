// What test-support/global-setup.ts provides to the workerd tests.
declare module "vitest" {
  export interface ProvidedContext {
    convexUrl: string;
    workos: { url: string; clientId: string; apiKey: string };
  }
}

export {};
