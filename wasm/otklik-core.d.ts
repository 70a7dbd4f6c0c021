// Types of the Otklik WebAssembly core (web/dist/otklik-core.mjs).
export interface OtklikIssue { path: string; code: string; message: string }
export interface OtklikValidation { ok: boolean; errors: OtklikIssue[]; response?: Record<string, unknown> }
export interface OtklikFinding { type: string; start: number; end: number }
export interface OtklikRedaction { text: string; findings: OtklikFinding[] }
export interface OtklikCore {
  /** Checks a response against a survey; both as objects or JSON strings. Throws TypeError for an invalid survey. */
  validate(survey: object | string | Uint8Array, response: object | string | Uint8Array, locale?: 'ru' | 'en'): OtklikValidation;
  /** Checks a survey document. */
  checkSurvey(survey: object | string | Uint8Array, locale?: 'ru' | 'en'): { ok: boolean; errors: OtklikIssue[] };
  /** Replaces personal data by [TYPE] placeholders; offsets are UTF-8 byte offsets into the input. */
  redact(text: string): OtklikRedaction;
}
/** Instantiates the core once; `wasmUrl` defaults to otklik-core.wasm beside the loader. */
export function loadCore(wasmUrl?: string | URL): Promise<OtklikCore>;
export default loadCore;
