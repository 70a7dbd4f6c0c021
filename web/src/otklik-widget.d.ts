// Types of the Otklik widget module and of window.Otklik (web/dist/otklik.js). The module comes as
// otklik-widget.mjs (Russian and English built in; package export ".") and as one module per page
// language with only that language built in, otklik-widget.ru.mjs and otklik-widget.en.mjs (exports "./ru",
// "./en"; what otklik.js loads): all three export the same functions, and each can show the other
// languages from locales/LOCALE.json beside it.

/** Where and what to ask; the script tag's data-* attributes give the same fields. */
export interface OtklikOptions {
  /** The collector's origin, e.g. "https://feedback.example.gov" (default for the script tag: the script's origin). */
  endpoint: string;
  /** Survey id, as served by GET /v1/surveys/{id}. */
  survey: string;
  /** Stage id of the service journey; only questions for this stage are shown. */
  stage: string;
  /** "web" (default), "mobile", "office", "phone" or "kiosk"; only questions for this channel are shown. */
  channel?: 'web' | 'mobile' | 'office' | 'phone' | 'kiosk';
  /** UI language: "ru" and "en" built in, others from locales/LOCALE.json beside the widget (default: <html lang>).
   *  With window.Otklik, the first form's language picks the module (Russian, else English). */
  locale?: string;
  /** Optional ISO 3166-2 region code sent with the response, e.g. "RU-MOW". */
  region?: string;
}

/** A mounted widget. */
export interface OtklikWidget {
  /** The element holding the widget's open shadow root (a child of the container). */
  element: HTMLElement;
  /** Removes the widget from the page. */
  unmount(): void;
}

/** detail of otklik:ready */
export interface OtklikReadyDetail { survey: string; stage: string; channel: string; questions: string[] }
/** detail of otklik:submitted: status "queued" means saved on the device and sent later. */
export interface OtklikSubmittedDetail { id: string; status: 'stored' | 'duplicate' | 'queued'; response: Record<string, unknown> }
/** detail of otklik:error */
export interface OtklikErrorDetail { reason: 'survey' | 'core' | 'rejected' | 'internal'; error?: unknown; errors?: Array<{ path: string; code: string; message: string }> }

declare global {
  interface HTMLElementEventMap {
    'otklik:ready': CustomEvent<OtklikReadyDetail>;
    'otklik:submitted': CustomEvent<OtklikSubmittedDetail>;
    'otklik:error': CustomEvent<OtklikErrorDetail>;
  }
  interface Window {
    /** Defined by the script tag (otklik.js). */
    Otklik?: {
      /** Options default to the script tag's and the element's data-* attributes. */
      mount(element: HTMLElement, options?: Partial<OtklikOptions>): Promise<OtklikWidget>;
      /** Loads the rest of the widget now instead of on first use. */
      load(): Promise<unknown>;
    };
  }
}

/** Renders the survey inline into `container`; resolves once the form is interactive. */
export function mount(container: HTMLElement, options: OtklikOptions): Promise<OtklikWidget>;
/** Opens the survey in a modal dialog inside `host`'s open shadow root; focus returns to `opener` on close. */
export function openDialog(host: HTMLElement, opener: HTMLElement, options: OtklikOptions): Promise<HTMLDialogElement>;
/** Sends whatever the offline queue holds now. */
export function flush(): Promise<unknown>;
