import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './gateway'
import { ProblemError, problemOf, unreachable } from './problem'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE'])

/** The gateway's CSRF token: Spring Security's readable XSRF-TOKEN cookie, sent back as X-XSRF-TOKEN. */
export function csrfToken(cookies: string = document.cookie): string | undefined {
  for (const cookie of cookies.split(';')) {
    const [name, ...value] = cookie.trim().split('=')
    if (name === 'XSRF-TOKEN') {
      return decodeURIComponent(value.join('='))
    }
  }
  return undefined
}

/** Adds the CSRF header to every write; the session cookie authenticates, never a header a script sets. */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    const token = csrfToken()
    if (!SAFE_METHODS.has(request.method.toUpperCase()) && token) {
      request.headers.set('X-XSRF-TOKEN', token)
    }
    return request
  },
}

/** The one client of the gateway's API: same origin, typed by its OpenAPI description. */
export const api = createClient<paths>({
  // The page's own origin, spelled out: a Request needs an absolute address.
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  // Looked up on each call rather than captured once, so that tests can answer for the server.
  fetch: (request) => globalThis.fetch(request),
})
api.use(csrfMiddleware)

type Answer<T> = { data?: T; error?: unknown; response: Response }

/**
 * The data of a successful answer, or a ProblemError with the gateway's problem (or one in
 * its words when the answer was not a problem document, or there was none).
 */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>
  try {
    answer = await request
  } catch (cause) {
    throw new ProblemError(unreachable(cause))
  }
  if (!answer.response.ok) {
    throw new ProblemError(problemOf(answer.error, answer.response))
  }
  return answer.data as T
}

/** A key for one state-changing attempt: the same attempt retried keeps it, so it takes effect once. */
export function idempotencyKey(): string {
  return crypto.randomUUID()
}
