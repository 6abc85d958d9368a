/** The transport under call.ts: JSON in and out, server errors turned into ApiError with a translatable code. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type QueryValue = string | number | boolean | undefined | null | (string | number)[];
export type Query = Record<string, QueryValue>;

/** Builds `?a=1&b=2`, dropping empty values so filters left blank are not sent. */
export function toQueryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

type SessionListener = (code: string) => void;
let sessionListener: SessionListener | undefined;
/** Lets the app react when any request finds the session gone or a password change required. */
export function onSessionProblem(listener: SessionListener): void {
  sessionListener = listener;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError('network', 'Network error', 0);
  }
  if (!res.ok) {
    const text = await res.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const code = err?.code ?? (res.status === 401 ? 'unauthenticated' : 'internal');
    if ((res.status === 401 && code !== 'invalid_credentials') || code === 'password_change_required') sessionListener?.(code);
    throw new ApiError(code, err?.message ?? res.statusText, res.status, err?.details);
  }
  return res;
}

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await send(url, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return json<T>(res);
}

/** Sends a file as multipart/form-data (the browser sets the boundary). */
export async function upload<T>(url: string, file: File, field = 'file', extra: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  form.append(field, file);
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  const res = await send(url, { method: 'POST', headers: { Accept: 'application/json' }, body: form });
  return json<T>(res);
}

/** Downloads a file the server builds (e.g. an Excel export) and hands it to the browser. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const res = await send(url, { method: 'GET' });
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
