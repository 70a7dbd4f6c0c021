// The offline queue: every submission is written here before it is sent (so a closed tab or a lost
// connection never loses it), removed when the collector answers "stored" or "duplicate", and retried
// with exponential backoff, when the browser comes back online, and on the next page load.
// localStorage rather than IndexedDB: it is synchronous, so it still works inside a pagehide handler.

const KEY = 'otklik.queue';
const FIRST_RETRY_MS = 2000;
const LAST_RETRY_MS = 5 * 60 * 1000;
let memory = [];  // where storage is blocked (sandboxed frames, some private modes)
let timer = 0;

function load() {
  try {
    const stored = localStorage.getItem(KEY);
    return stored ? JSON.parse(stored) : [];
  } catch {
    return memory;
  }
}

function save(items) {
  memory = items;
  try {
    if (items.length) localStorage.setItem(KEY, JSON.stringify(items));
    else localStorage.removeItem(KEY);
  } catch {
    // Kept in memory only: still retried while this page lives.
  }
}

// Whether anything waits for delivery (the loader asks before loading the rest of the widget).
export const pending = () => load().length > 0;

let chain = Promise.resolve();
const outcomes = new Map();  // what the collector said about ids this page already sent

// Sends one queued submission; resolves to {status: 'stored'|'duplicate'|'queued'|'rejected', errors?}.
async function deliver(id) {
  const item = load().find((one) => one.id === id);
  if (!item) return outcomes.get(id) ?? { status: 'stored' };  // sent meanwhile by this page or another
  let answer = null;
  if (navigator.onLine !== false) {
    try {
      answer = await fetch(item.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': item.locale },
        body: item.body,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
    } catch {
      // Offline, DNS, CORS or a reset connection: worth retrying.
    }
  }
  const status = answer?.status ?? 0;
  const reply = status ? await answer.json().catch(() => ({})) : {};
  let outcome = { status: 'queued' };
  if (status === 200 || status === 201) {
    outcome = { status: reply.status === 'duplicate' ? 'duplicate' : 'stored' };
  } else if (status === 400 || status === 413 || status === 415) {
    outcome = { status: 'rejected', errors: reply.errors ?? [] };  // would never be accepted: not retried
  }
  const items = load();
  if (outcome.status === 'queued') {
    const kept = items.find((one) => one.id === id);
    if (kept) {
      kept.tries = (kept.tries ?? 0) + 1;
      const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** (kept.tries - 1));
      kept.due = Date.now() + delay * (0.5 + Math.random() / 2);
    }
    save(items);
  } else {
    outcomes.set(id, outcome);
    save(items.filter((one) => one.id !== id));
  }
  return outcome;
}

// One delivery at a time per page, so that an id is never in flight twice from here.
function enqueue(id) {
  const run = chain.then(() => deliver(id));
  chain = run.catch(() => {});
  return run;
}

function schedule() {
  clearTimeout(timer);
  const items = load();
  if (!items.length) return;
  const wait = Math.max(0, Math.min(...items.map((item) => item.due ?? 0)) - Date.now());
  timer = setTimeout(flush, wait);
}

// Sends every due submission.
export function flush() {
  const now = Date.now();
  const runs = load().filter((item) => (item.due ?? 0) <= now).map((item) => enqueue(item.id));
  return Promise.all(runs).finally(schedule);
}

// Queues a submission (write-ahead) and sends it at once.
export async function submit(url, id, body, locale) {
  save([...load().filter((one) => one.id !== id), { url, id, body, locale, due: 0 }]);
  const outcome = await enqueue(id);
  schedule();
  return outcome;
}

let listening = false;

// Retries when the browser is online again, and hands what is left over when the page goes away (the
// collector stores an id once, so this and a later retry cannot make a duplicate). A keepalive fetch is
// what navigator.sendBeacon does inside the browser, minus the cookies: a beacon is always sent with
// credentials, and a cross-origin one is then refused by a collector that never allows credentials.
// sendBeacon remains the fallback where keepalive is missing.
export function listen() {
  if (listening) return;
  listening = true;
  addEventListener('online', () => {
    save(load().map((item) => ({ ...item, due: 0 })));
    flush();
  });
  addEventListener('pagehide', () => {
    for (const item of load()) {
      try {
        fetch(item.url, {
          method: 'POST', keepalive: true, credentials: 'omit', referrerPolicy: 'no-referrer',
          headers: { 'Content-Type': 'application/json', 'Accept-Language': item.locale }, body: item.body,
        }).catch(() => {});
      } catch {
        navigator.sendBeacon?.(item.url, new Blob([item.body], { type: 'application/json' }));
      }
    }
  });
}
