// Driving the lite pages (/lite/<code>) over plain HTTP, as a phone without JavaScript would:
// forms posted urlencoded, redirects read by hand, the cookie carried by hand.

export interface LitePage {
  status: number;
  html: string;
  location: string | null;
  setCookie: string | null;
}

export async function liteRequest(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { cookie?: string; form?: Record<string, string | string[]>; headers?: Record<string, string> } = {},
): Promise<LitePage> {
  const headers: Record<string, string> = { connection: 'close', ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(options.form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    body = params.toString();
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
  return { status: response.status, html: await response.text(), location: response.headers.get('location'), setCookie: response.headers.get('set-cookie') };
}

export interface LiteMember {
  /** `ot_lite_<code>=<token>`, to send back as the Cookie header. */
  cookie: string;
  /** The raw Set-Cookie header of the join. */
  setCookie: string;
  token: string;
}

/** Joins through the lite join form; answers the cookie the server set. */
export async function liteJoin(baseUrl: string, code: string, form: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<LiteMember> {
  const res = await liteRequest(baseUrl, 'POST', `/lite/${code}/join`, { form: { stakeholderGroup: 'academia', mode: 'remote', ...form }, headers });
  if (res.status !== 303 || !res.setCookie) throw new Error(`lite join failed: ${res.status} ${res.html.slice(0, 300)}`);
  const cookie = res.setCookie.split(';')[0]!;
  return { cookie, setCookie: res.setCookie, token: cookie.split('=')[1]! };
}

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error(`no CSRF field on the page: ${html.slice(0, 300)}`);
  return match[1]!;
}

/** GET a page then POST one of its forms with its CSRF token: what a person's browser does. */
export async function litePostForm(baseUrl: string, code: string, cookie: string, action: string, form: Record<string, string | string[]>): Promise<LitePage> {
  const page = await liteRequest(baseUrl, 'GET', `/lite/${code}`, { cookie });
  return liteRequest(baseUrl, 'POST', `/lite/${code}/${action}`, { cookie, form: { csrf: csrfOf(page.html), ...form } });
}
