export { workosClient, type WorkosConfig } from "./client.ts";
export { WORKOS_SESSION_COOKIE, workosIdentity, workosLogoutUrl, type WorkosIdentity } from "./session.ts";
export { authorizationUrl, sealedSessionFromCode } from "./sign-in.ts";
