import { expect, type Locator, type Page } from '@playwright/test'

/** What the shopper does in the shop, in the words of its pages (their accessible names). */

export type TestCard = 'Visa that works' | 'Declined card' | 'Insufficient funds' | 'Flaky provider'

export async function addToCart(page: Page, product: string, quantity: number): Promise<void> {
  await page.getByRole('link', { name: 'Catalog' }).click()
  const card = page.getByRole('article', { name: product })
  await card.getByLabel('Quantity').fill(String(quantity))
  await card.getByRole('button', { name: 'Add to cart' }).click()
}

/** From the cart to the placed order's page; answers the order's id. */
export async function checkOut(page: Page, card: TestCard, beforePlacing?: () => Promise<void>): Promise<string> {
  await page.getByRole('link', { name: /^Cart/ }).click()
  await page.getByRole('link', { name: 'Checkout' }).click()
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible()
  await page.getByRole('group', { name: 'Test card' }).getByLabel(card).check()
  await beforePlacing?.()
  await page.getByRole('button', { name: 'Place order' }).click()
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/)
  return orderIdOf(page)
}

export function orderIdOf(page: Page): string {
  const id = new URL(page.url()).pathname.split('/').pop()
  if (!id) {
    throw new Error(`not an order page: ${page.url()}`)
  }
  return id
}

export function orderStatus(page: Page): Locator {
  return page.getByTestId('order-status')
}

export function timelineStep(page: Page, step: string): Locator {
  return page.getByRole('list', { name: 'Saga timeline' }).locator(`li[data-step="${step}"]`)
}

export function compensations(page: Page): Locator {
  return page.getByRole('list', { name: 'Compensations' }).locator('li[data-step]')
}

/** One change of the timeline as the page showed it, with the page's clock. */
export type TimelineChange = { at: number; step: string; status: string; attempt: string; text: string }

/**
 * Records every change of the timeline's steps in the page, from now on (the shop is a
 * single-page app, so the record survives its navigation from checkout to the order):
 * what a person saw, however briefly, and when.
 */
export async function recordTimeline(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: TimelineChange[] = []
    const last = new Map<string, string>()
    const note = () => {
      document.querySelectorAll<HTMLElement>('[aria-label="Saga timeline"] li[data-step]').forEach((item) => {
        const change = {
          at: performance.now(),
          step: item.dataset.step ?? '',
          status: item.dataset.status ?? '',
          attempt: item.dataset.attempt ?? '',
          text: item.textContent ?? '',
        }
        const key = `${change.status}/${change.attempt}/${change.text}`
        if (last.get(change.step) !== key) {
          last.set(change.step, key)
          seen.push(change)
        }
      })
    }
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    })
    Object.assign(window, { sagaTimeline: seen })
  })
}

export async function recordedTimeline(page: Page): Promise<TimelineChange[]> {
  return page.evaluate(() => (window as unknown as { sagaTimeline: TimelineChange[] }).sagaTimeline)
}

/** The page's clock, to measure against recorded changes. */
export async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now())
}

/** The XSRF token the gateway gave this browser, for a write the page's own fetch would make. */
export async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const cookies = await page.context().cookies()
  const token = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value
  if (!token) {
    throw new Error('no XSRF-TOKEN cookie: is the page signed in?')
  }
  return { 'X-XSRF-TOKEN': token }
}

/** An order placed by the shop's API from this signed-in browser, as the checkout does. */
export async function placeOrderByApi(
  page: Page,
  lines: { sku: string; quantity: number }[],
  paymentToken = 'tok_visa',
): Promise<string> {
  const response = await page.request.post('/api/orders', {
    headers: { ...(await csrfHeaders(page)), 'Idempotency-Key': `story-${Date.now()}-${Math.random().toString(36).slice(2)}` },
    data: { lines, paymentToken },
  })
  expect(response.status(), await response.text()).toBe(202)
  return ((await response.json()) as { orderId: string }).orderId
}

/** Makes sure a product has at least this much stock, restocking as an operator's browser. */
export async function restockToAtLeast(operator: Page, sku: string, stock: number, current: number): Promise<void> {
  if (current >= stock) {
    return
  }
  const response = await operator.request.post(`/api/operator/products/${sku}/restocks`, {
    headers: { ...(await csrfHeaders(operator)), 'Idempotency-Key': `story-restock-${Date.now()}` },
    data: { quantity: stock - current },
  })
  expect(response.ok(), await response.text()).toBe(true)
}
