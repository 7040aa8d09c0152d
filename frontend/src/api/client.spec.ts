import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, call, csrfToken } from './client'
import { ProblemError } from './problem'

function answering(response: Response) {
  return vi.spyOn(globalThis, 'fetch').mockResolvedValue(response)
}

function sentRequest(fetch: ReturnType<typeof answering>): Request {
  const request = fetch.mock.calls[0]?.[0]
  if (!(request instanceof Request)) {
    throw new Error('no request was sent')
  }
  return request
}

describe('the API client', () => {
  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
  })

  it('reads the CSRF cookie among others', () => {
    expect(csrfToken('a=1; XSRF-TOKEN=abc%3D%3D; b=2')).toBe('abc==')
    expect(csrfToken('a=1')).toBeUndefined()
  })

  it('sends the CSRF token on a write', async () => {
    document.cookie = 'XSRF-TOKEN=token-1'
    const fetch = answering(new Response(null, { status: 202 }))
    await api.POST('/api/orders/{orderId}/cancel', { params: { path: { orderId: 'o-1' } }, body: {} })
    expect(sentRequest(fetch).headers.get('X-XSRF-TOKEN')).toBe('token-1')
  })

  it('does not send it on a read', async () => {
    document.cookie = 'XSRF-TOKEN=token-1'
    const fetch = answering(Response.json({ subject: 's' }))
    await api.GET('/api/me')
    expect(sentRequest(fetch).headers.get('X-XSRF-TOKEN')).toBeNull()
  })

  it('turns a problem answer into a ProblemError with its fields', async () => {
    answering(
      new Response(
        JSON.stringify({
          type: 'https://sagashop.io/problems/invalid-request',
          title: 'Invalid request',
          status: 400,
          detail: 'The order has invalid fields.',
          errors: [{ field: 'lines[0].quantity', reason: 'must be at least 1' }],
        }),
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    )
    const failure = await call(api.GET('/api/me')).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ProblemError)
    expect((failure as ProblemError).problem.errors).toEqual([{ field: 'lines[0].quantity', reason: 'must be at least 1' }])
  })

  it('puts a non-JSON error answer in words', async () => {
    answering(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }))
    const failure = (await call(api.GET('/api/me')).catch((error: unknown) => error)) as ProblemError
    expect(failure.problem.status).toBe(502)
    expect(failure.problem.title).toBe('The server answered 502 Bad Gateway')
  })

  it('puts an unreachable server in words', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'))
    const failure = (await call(api.GET('/api/me')).catch((error: unknown) => error)) as ProblemError
    expect(failure.problem.title).toBe('The shop cannot reach its server')
  })
})
