import { expect, test, type Page } from '@playwright/test'
import { orderRow, paymentOf, reservationOf, stockOf } from './support/databases'
import {
  addToCart,
  checkOut,
  compensations,
  csrfHeaders,
  orderStatus,
  restockToAtLeast,
  timelineStep,
} from './support/pages'
import { accounts, screenshot, signIn, signedInPage } from './support/shop'

const GRINDER = { sku: 'COF-GRINDER-HAND', name: 'Hand Grinder' }
const ESPRESSO = { sku: 'COF-ESPRESSO-250', name: 'Espresso Roast, 250 g' }

test("an operator approves a large order in another browser and the shopper's page follows by itself", async ({
  page,
  browser,
}, testInfo) => {
  const operator = await signedInPage(browser, accounts.operator)
  await restockToAtLeast(operator, GRINDER.sku, 12, await stockOf(GRINDER.sku))
  await signIn(page, accounts.grace)
  await addToCart(page, GRINDER.name, 12)
  const orderId = await checkOut(page, 'Visa that works')

  await expect(orderStatus(page)).toHaveText('Waiting for approval', { timeout: 60_000 })
  await expect(page.getByText(/Waiting for an operator's approval until/)).toBeVisible()
  await screenshot(page, testInfo, 'order-awaiting-approval')

  await operator.getByRole('link', { name: 'Operator console' }).click()
  await expect(operator.getByRole('heading', { name: 'Operator console' })).toBeVisible()
  const waiting = operator.getByRole('article', { name: `Order ${orderId}` })
  await expect(waiting).toBeVisible({ timeout: 30_000 })
  await waiting.getByRole('textbox', { name: 'Comment' }).fill('Known customer, approved')
  await screenshot(operator, testInfo, 'operator-console')
  await waiting.getByRole('button', { name: 'Approve' }).click()
  await expect(waiting).toHaveCount(0)

  // The shopper's page was not touched: the saga's events bring the change.
  await expect(orderStatus(page)).toHaveText('Confirmed', { timeout: 60_000 })
  await expect(timelineStep(page, 'AWAIT_APPROVAL')).toHaveAttribute('data-status', 'DONE')
  await expect(timelineStep(page, 'CHARGE_PAYMENT')).toHaveAttribute('data-status', 'DONE')
  expect((await orderRow(orderId))?.status).toBe('CONFIRMED')
  expect((await paymentOf(orderId))?.status).toBe('CAPTURED')
})

test('an operator breaks the payment provider from the console and a live order compensates', async ({
  page,
  browser,
}, testInfo) => {
  const operator = await signedInPage(browser, accounts.operator)
  try {
    await operator.getByRole('link', { name: 'Operator console' }).click()
    const processor = operator.getByRole('region', { name: 'Payment processor' })
    await processor.getByRole('spinbutton', { name: 'Fail the next charges' }).fill('1000')
    await processor.getByRole('button', { name: 'Apply faults' }).click()
    await expect(processor).toContainText('1000')

    await signIn(page, accounts.ada)
    const stockBefore = await stockOf(ESPRESSO.sku)
    await addToCart(page, ESPRESSO.name, 1)
    const orderId = await checkOut(page, 'Visa that works')

    // Retried with backoff while the provider is down, every attempt on the page as it fails...
    await expect(timelineStep(page, 'CHARGE_PAYMENT')).toHaveAttribute('data-attempt', /^([3-9]|\d\d)$/, {
      timeout: 30_000,
    })
    await expect(timelineStep(page, 'CHARGE_PAYMENT')).toContainText(/unavailable|503/i)
    await screenshot(page, testInfo, 'order-provider-down')
    // ...until the retry budget is spent: then the saga undoes what it did.
    await expect(orderStatus(page)).toHaveText('Cancelled', { timeout: 200_000 })
    await expect(timelineStep(page, 'CHARGE_PAYMENT')).toHaveAttribute('data-status', 'FAILED')
    await expect(compensations(page)).toHaveCount(2)
    await expect(compensations(page).nth(0)).toHaveAttribute('data-step', 'RESERVE_STOCK')
    await expect(compensations(page).nth(1)).toHaveAttribute('data-step', 'CREATE_ORDER')

    expect((await orderRow(orderId))?.status).toBe('CANCELLED')
    expect((await reservationOf(orderId))?.status).toBe('RELEASED')
    expect((await paymentOf(orderId))?.status).not.toBe('CAPTURED')
    expect(await stockOf(ESPRESSO.sku)).toBe(stockBefore)

    await operator.getByRole('region', { name: 'Payment processor' }).getByRole('button', { name: 'Clear faults' }).click()
    await expect(operator.getByRole('region', { name: 'Payment processor' })).not.toContainText('1000')
  } finally {
    await clearFaults(operator)
  }
})

/** Whatever happened above, the next story finds a working provider. */
async function clearFaults(operator: Page): Promise<void> {
  const response = await operator.request.delete('/api/operator/processor-faults', {
    headers: await csrfHeaders(operator),
  })
  expect(response.status(), await response.text()).toBeLessThan(300)
}
