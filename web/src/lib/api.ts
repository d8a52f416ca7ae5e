/**
 * Every call to the API: the session token, the UI language as Accept-Language (the API answers
 * errors in it), and one error type carrying the API's own localized message.
 */
import { storedLang, translate } from '../i18n/index.js';

const TOKEN_KEY = 'groupflow.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const session = {
  token: () => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

let onSessionLost: () => void = () => undefined;
/** Set by the router: a 401 on any call but the login itself leads to the login page and back. */
export function whenSessionLost(handler: () => void): void {
  onSessionLost = handler;
}

type Query = Record<string, string | number | boolean | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: string, path: string, body?: BodyInit, contentType?: string): Promise<Response> {
  const token = session.token();
  const headers: Record<string, string> = { 'accept-language': storedLang() };
  if (token) headers.authorization = `Bearer ${token}`;
  if (contentType) headers['content-type'] = contentType;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body });
  } catch {
    throw new ApiError(0, 'NETWORK', translate(storedLang(), 'networkError'));
  }
  if (response.ok) return response;
  const payload = (await response.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  const error = payload?.error;
  if (response.status === 401 && path !== '/api/auth/login') {
    session.clear();
    onSessionLost();
  }
  throw new ApiError(response.status, error?.code ?? 'HTTP', error?.message ?? translate(storedLang(), 'unknownError', { code: response.status }), error?.details);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json');
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/** Sends a text document as it is, e.g. a CSV list the API parses itself. */
export async function sendText<T>(method: string, path: string, text: string, contentType: string): Promise<T> {
  return (await (await send(method, path, text, contentType)).json()) as T;
}

export async function upload<T>(path: string, form: FormData): Promise<T> {
  return (await (await send('POST', path, form)).json()) as T;
}

/** Downloads a file the API answers (exports, templates) with the session's token. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await send('GET', path);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  saveBlob(await response.blob(), name ? decodeURIComponent(name) : fallbackName);
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
