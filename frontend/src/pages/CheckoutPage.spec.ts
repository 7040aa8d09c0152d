import { render, screen } from '@testing-library/vue'
import userEvent from '@testing-library/user-event'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import CheckoutPage from '@/pages/CheckoutPage.vue'
import { useCartStore } from '@/stores/cart'

const ORDER_ID = '3f6b2c1e-8d4a-4c2b-9a7e-5b1d0c9e8f71'

function checkout() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/checkout', component: CheckoutPage, meta: { title: 'Checkout' } },
      { path: '/orders/:orderId', name: 'order', component: { template: '<p>order</p>' }, meta: { title: 'Order' } },
      { path: '/', component: { template: '<p>catalog</p>' }, meta: { title: 'Catalog' } },
    ],
  })
  const pinia = createPinia()
  const cart = useCartStore(pinia)
  cart.openFor('c1000000-0000-4000-8000-000000000001')
  cart.add({ sku: 'HIKE-MAP-ALPS', name: 'Alps Hiking Map Set', priceCents: 3200, currency: 'EUR', stock: 20 }, 2)
  render(CheckoutPage, { global: { plugins: [pinia, router] } })
  return { router, cart }
}

function sentOrders(fetch: { mock: { calls: unknown[][] } }): Request[] {
  return fetch.mock.calls.map(([request]) => request as Request)
}

describe('CheckoutPage', () => {
  it('places the order with the chosen test card, empties the cart and opens the order', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json({ orderId: ORDER_ID, status: 'PENDING' }, { status: 202 }))
    const { router, cart } = checkout()
    await userEvent.click(screen.getByLabelText('Flaky provider'))
    await userEvent.click(screen.getByRole('button', { name: 'Place order' }))

    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/orders/${ORDER_ID}`))
    const [sent] = sentOrders(fetch)
    expect(await sent!.json()).toEqual({ lines: [{ sku: 'HIKE-MAP-ALPS', quantity: 2 }], paymentToken: 'tok_flaky' })
    expect(cart.isEmpty).toBe(true)
  })

  it("shows the gateway's problem in words and sends a retry with the same idempotency key", async () => {
    const problem = {
      type: 'https://sagashop.io/problems/invalid-request',
      title: 'Invalid request',
      status: 400,
      detail: 'The order has 1 invalid field.',
      errors: [{ field: 'lines[0].quantity', reason: 'must be at most 100' }],
    }
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response(JSON.stringify(problem), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }))
      .mockResolvedValueOnce(new Response(JSON.stringify(problem), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }))
    const { cart } = checkout()
    await userEvent.click(screen.getByRole('button', { name: 'Place order' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Invalid request')
    expect(alert).toHaveTextContent('lines[0].quantity: must be at most 100')
    expect(cart.isEmpty).toBe(false)

    await userEvent.click(screen.getByRole('button', { name: 'Place order' }))
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2))
    const [first, second] = sentOrders(fetch)
    expect(first!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(second!.headers.get('Idempotency-Key')).toBe(first!.headers.get('Idempotency-Key'))
  })
})
