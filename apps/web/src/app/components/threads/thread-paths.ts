/** A thread's page: `/t/<threadId>`. */
export const threadPath = (threadId: string) => `/t/${encodeURIComponent(threadId)}`;
