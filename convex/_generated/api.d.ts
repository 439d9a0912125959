/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type * as apiTokens from "../apiTokens.js";
import type * as approvals from "../approvals.js";
import type * as audit from "../audit.js";
import type * as channelSecrets from "../channelSecrets.js";
import type * as credits from "../credits.js";
import type * as http from "../http.js";
import type * as instances from "../instances.js";
import type * as lib_control from "../lib/control.js";
import type * as lib_documents from "../lib/documents.js";
import type * as lib_errors from "../lib/errors.js";
import type * as lib_rpc from "../lib/rpc.js";
import type * as lib_secretBox from "../lib/secretBox.js";
import type * as providerKeys from "../providerKeys.js";
import type * as threads from "../threads.js";
import type * as users from "../users.js";
import type * as waitlist from "../waitlist.js";

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";

declare const fullApi: ApiFromModules<{
  apiTokens: typeof apiTokens;
  approvals: typeof approvals;
  audit: typeof audit;
  channelSecrets: typeof channelSecrets;
  credits: typeof credits;
  http: typeof http;
  instances: typeof instances;
  "lib/control": typeof lib_control;
  "lib/documents": typeof lib_documents;
  "lib/errors": typeof lib_errors;
  "lib/rpc": typeof lib_rpc;
  "lib/secretBox": typeof lib_secretBox;
  providerKeys: typeof providerKeys;
  threads: typeof threads;
  users: typeof users;
  waitlist: typeof waitlist;
}>;

/**
 * A utility for referencing Convex functions in your app's public API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;

/**
 * A utility for referencing Convex functions in your app's internal API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = internal.myModule.myFunction;
 * ```
 */
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;

export declare const components: {};
