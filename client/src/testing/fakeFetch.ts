/**
 * A stand-in for the server in client unit tests: `fetch` answers from a table of
 * "METHOD url" → answer, and every request is recorded so a test can check what was sent.
 */
export interface SentRequest {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

type Answer = { status: number; body?: unknown; raw?: string } | 'network-down';

function response(status: number, text: string): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 200 ? 'OK' : `Status ${status}`,
    headers: { get: () => null },
    text: async () => text,
    json: async () => JSON.parse(text),
  } as unknown as Response;
}

export function fakeFetch() {
  const sent: SentRequest[] = [];
  const answers = new Map<string, Answer[]>();

  async function fetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const method = init.method ?? 'GET';
    const url = String(input);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    sent.push({ method, url, body, headers: { ...(init.headers as Record<string, string> | undefined) } });
    const queue = answers.get(`${method} ${url}`);
    // The last answer for a request repeats; earlier ones are used once each, in order.
    const answer = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (!answer) return response(404, JSON.stringify({ error: { code: 'not_found', message: `No answer for ${method} ${url}` } }));
    if (answer === 'network-down') throw new TypeError('Failed to fetch');
    return response(answer.status, answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
  }
  globalThis.fetch = fetch as typeof globalThis.fetch;

  function add(key: string, answer: Answer) {
    answers.set(key, [...(answers.get(key) ?? []), answer]);
  }
  return {
    sent,
    /** Answers `method url` with `body` (status 200 unless given). */
    answer(method: string, url: string, body?: unknown, status = 200) {
      add(`${method} ${url}`, { status, body });
    },
    /** Answers with the server's error shape. */
    fail(method: string, url: string, status: number, code: string, message = code, details?: unknown) {
      add(`${method} ${url}`, { status, body: { error: { code, message, ...(details === undefined ? {} : { details }) } } });
    },
    /** Answers with a body that is not JSON (e.g. a proxy's HTML error page). */
    answerRaw(method: string, url: string, status: number, raw: string) {
      add(`${method} ${url}`, { status, raw });
    },
    networkDown(method: string, url: string) {
      add(`${method} ${url}`, 'network-down');
    },
  };
}
