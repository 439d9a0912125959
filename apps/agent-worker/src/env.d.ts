interface Env {
  THREAD_AGENT: DurableObjectNamespace;
  API: Fetcher;
  DEFAULT_MODEL: string;
  OA_INTERNAL_KEY: string;
  DEFAULT_MODEL_BASE_URL: string;
  DEFAULT_MODEL_API_KEY: string;
}
