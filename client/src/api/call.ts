/**
 * The typed way to the server: an operation is named by its catalogue key
 * (`'GET /lawyers/:id'`, api/src/contracts/endpoints.ts), and its parameters, query, body and
 * answer follow from the contracts. This is the one place in the client that knows the
 * `/api` prefix; a test fails on any other hand-written API path.
 */
import type { BodyOf, EndpointKey, ParamsOf, QueryOf, ResponseOf } from '../../../api/src/contracts/endpoints';
import { download, request, toQueryString, upload, type Query } from './http';

export type { BodyOf, EndpointKey, ParamsOf, QueryOf, ResponseOf };

const API_PREFIX = '/api';

type ParamsPart<K extends EndpointKey> = keyof ParamsOf<K> extends never ? { params?: undefined } : { params: ParamsOf<K> };
type QueryPart<K extends EndpointKey> = [QueryOf<K>] extends [never] ? { query?: undefined } : { query?: QueryOf<K> };
type BodyPart<K extends EndpointKey> = [BodyOf<K>] extends [never] ? { body?: undefined } : { body: BodyOf<K> };
/** `params` is required when the path has parameters, `body` when the operation takes one. */
export type CallOptions<K extends EndpointKey> = ParamsPart<K> & QueryPart<K> & BodyPart<K>;
type Args<K extends EndpointKey> = keyof ParamsOf<K> extends never ? ([BodyOf<K>] extends [never] ? [options?: CallOptions<K>] : [options: CallOptions<K>]) : [options: CallOptions<K>];

function split(key: string): { method: string; path: string } {
  const space = key.indexOf(' ');
  return { method: key.slice(0, space), path: key.slice(space + 1) };
}

function fill(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z]\w*)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** The URL of an operation (for a download link, a widget's endpoint or a request made by hand). */
export function urlOf<K extends EndpointKey>(key: K, ...[options]: Args<K>): string {
  const opts = (options ?? {}) as { params?: Record<string, string | number>; query?: unknown };
  return API_PREFIX + fill(split(key).path, opts.params) + toQueryString(opts.query as Query | undefined);
}

/** Calls an operation and answers its success body; a failure throws ApiError. */
export function call<K extends EndpointKey>(key: K, ...args: Args<K>): Promise<ResponseOf<K>> {
  const { method } = split(key);
  const body = (args[0] as { body?: unknown } | undefined)?.body;
  // A POST without a body sends `{}`, as the server's JSON parser expects.
  return request<ResponseOf<K>>(method, urlOf(key, ...args), method === 'POST' ? (body ?? {}) : body);
}

/** Downloads the file an operation answers. */
export function downloadFrom<K extends EndpointKey>(key: K, fallbackName: string, ...args: Args<K>): Promise<void> {
  return download(urlOf(key, ...args), fallbackName);
}

/** Sends a file to an upload operation (multipart, field `file`). */
export function uploadTo<K extends EndpointKey>(key: K, file: File, ...args: Args<K>): Promise<ResponseOf<K>> {
  return upload<ResponseOf<K>>(urlOf(key, ...args), file);
}
