/** The repo's one error shape (`{ error: { code, message } }` with a status), from http-kit. */
export { HttpError, errorBody } from "@openclaw-cloud/http-kit";
