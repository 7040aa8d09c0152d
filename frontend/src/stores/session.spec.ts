import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useSessionStore } from '@/stores/session'

describe('the session', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('is the caller the gateway names, with their roles', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      Response.json({ subject: 'operator-1', name: 'Olivia Operator', email: 'operator@example.com', roles: ['OPERATOR'] }),
    )
    const session = useSessionStore()
    await session.load()
    expect(session.state).toBe('signed-in')
    expect(session.displayName).toBe('Olivia Operator')
    expect(session.isOperator).toBe(true)
  })

  it('is signed out when the gateway knows no session, and after it ends', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 401 }))
    const session = useSessionStore()
    await session.load()
    expect(session.state).toBe('signed-out')

    session.caller = { subject: 's', roles: ['SHOPPER'] }
    session.state = 'signed-in'
    session.ended()
    expect(session.state).toBe('signed-out')
    expect(session.subject).toBeNull()
  })

  it('says so when the gateway cannot be reached', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'))
    const session = useSessionStore()
    await session.load()
    expect(session.state).toBe('failed')
    expect(session.problem?.title).toBe('The shop cannot reach its server')
  })

  it('signs in through the gateway and comes back to the view', () => {
    expect(useSessionStore().signInUrl('/orders/abc?x=1')).toBe('/oauth2/authorization/sagashop?returnTo=%2Forders%2Fabc%3Fx%3D1')
  })
})
