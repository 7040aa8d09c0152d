import { expect, test } from '@playwright/test'
import { orderRow, paymentOf, processorAttempts, reservationOf, stockOf } from './support/databases'
import {
  addToCart,
  checkOut,
  compensations,
  orderStatus,
  pageNow,
  placeOrderByApi,
  recordTimeline,
  recordedTimeline,
  restockToAtLeast,
  timelineStep,
} from './support/pages'
import { accounts, recordFigure, screenshot, signIn, signedInPage } from './support/shop'

const ESPRESSO = { sku: 'COF-ESPRESSO-250', name: 'Espresso Roast, 250 g' }
const MAPS = { sku: 'HIKE-MAP-ALPS', name: 'Alps Hiking Map Set' }
const STOVE = { sku: 'CAMP-STOVE-TITAN', name: 'Titanium Backpacking Stove' }

test('a shopper buys two bags of espresso and watches the saga confirm the order', async ({ page }, testInfo) => {
  await signIn(page, accounts.ada)
  await expect(page.getByRole('heading', { name: 'Catalog', level: 1 })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search products' }).fill('espresso')
  await expect(page.getByRole('article', { name: ESPRESSO.name })).toBeVisible()
  await expect(page.getByRole('article', { name: MAPS.name })).toHaveCount(0)
  await screenshot(page, testInfo, 'catalog')
  const stockBefore = await stockOf(ESPRESSO.sku)

  await addToCart(page, ESPRESSO.name, 2)
  await page.reload()
  await page.getByRole('link', { name: /^Cart/ }).click()
  await expect(page.getByRole('spinbutton', { name: `Quantity of ${ESPRESSO.name}` })).toHaveValue('2')
  await screenshot(page, testInfo, 'cart')

  let clickedAt = 0
  const orderId = await checkOut(page, 'Visa that works', async () => {
    await screenshot(page, testInfo, 'checkout')
    await recordTimeline(page)
    clickedAt = await pageNow(page)
  })

  await expect(orderStatus(page)).toHaveText('Confirmed', { timeout: 60_000 })
  const changes = await recordedTimeline(page)
  const firstUpdate = changes.find((change) => change.status !== 'PENDING')
  expect(firstUpdate, JSON.stringify(changes)).toBeDefined()
  recordFigure(testInfo, 'click on place order to the first timeline update', firstUpdate!.at - clickedAt)
  const confirmed = changes.find((change) => change.step === 'CONFIRM_ORDER' && change.status === 'DONE')
  expect(confirmed, JSON.stringify(changes)).toBeDefined()
  recordFigure(testInfo, 'click on place order to the confirmed state', confirmed!.at - clickedAt)
  for (const step of ['CREATE_ORDER', 'RESERVE_STOCK', 'CHECK_CUSTOMER', 'CHARGE_PAYMENT', 'CONFIRM_ORDER']) {
    await expect(timelineStep(page, step)).toHaveAttribute('data-status', 'DONE')
  }
  await expect(page.getByTestId('stream-state')).toHaveText('Finished')
  await screenshot(page, testInfo, 'order-confirmed')

  expect(await orderRow(orderId)).toMatchObject({ status: 'CONFIRMED', total_cents: '1980', cancel_reason: null })
  expect(await paymentOf(orderId)).toMatchObject({ status: 'CAPTURED', amount_cents: '1980', refunded: false })
  expect(await stockOf(ESPRESSO.sku)).toBe(stockBefore - 2)

  // A reload tells the same story, from the gateway's snapshot.
  await page.reload()
  await expect(orderStatus(page)).toHaveText('Confirmed')
  await expect(timelineStep(page, 'CHARGE_PAYMENT')).toHaveAttribute('data-status', 'DONE')

  // The run in the Temporal UI.
  const temporalUi = page.waitForEvent('popup')
  await page.getByRole('link', { name: 'Open in Temporal UI' }).click()
  const run = await temporalUi
  await expect(run).toHaveURL(new RegExp(`/namespaces/default/workflows/order-${orderId}`))
  await expect(run.getByText(`order-${orderId}`).first()).toBeVisible()
  await expect(run.getByText('Completed').first()).toBeVisible()
  await screenshot(run, testInfo, 'temporal-ui-run')

  // The same order on a phone-sized screen.
  await page.setViewportSize({ width: 390, height: 844 })
  await screenshot(page, testInfo, 'order-confirmed-phone')
})

test('an item out of stock cannot be added, and a cart that outlived the stock is cancelled unpaid', async ({
  page,
  browser,
}) => {
  await signIn(page, accounts.ada)
  const stove = page.getByRole('article', { name: STOVE.name })
  await expect(stove.getByText('Out of stock')).toBeVisible()
  await expect(stove.getByRole('button', { name: 'Add to cart' })).toBeDisabled()

  // Ada puts every map left into her cart; Bob buys one before she checks out.
  let stock = await stockOf(MAPS.sku)
  const bob = await signedInPage(browser, accounts.bob)
  if (stock < 2) {
    const operator = await signedInPage(browser, accounts.operator)
    await restockToAtLeast(operator, MAPS.sku, 5, stock)
    stock = await stockOf(MAPS.sku)
    await page.reload()
  }
  await addToCart(page, MAPS.name, stock)
  const bobsOrder = await placeOrderByApi(bob, [{ sku: MAPS.sku, quantity: 1 }])
  await expect.poll(async () => (await orderRow(bobsOrder))?.status, { timeout: 60_000 }).toBe('CONFIRMED')

  const orderId = await checkOut(page, 'Visa that works')
  await expect(orderStatus(page)).toHaveText('Cancelled', { timeout: 60_000 })
  await expect(timelineStep(page, 'RESERVE_STOCK')).toHaveAttribute('data-status', 'FAILED')
  await expect(page.getByText(/out of stock|not enough stock|insufficient stock/i).first()).toBeVisible()
  await expect(compensations(page)).toHaveCount(1)
  await expect(compensations(page).first()).toHaveAttribute('data-step', 'CREATE_ORDER')

  expect((await orderRow(orderId))?.status).toBe('CANCELLED')
  expect(await paymentOf(orderId)).toBeUndefined()
  // The saga releases a reservation whose step failed as well (the release is recorded, so a late attempt
  // could not take stock): nothing is held for the order.
  expect((await reservationOf(orderId))?.status).toBe('RELEASED')
  expect(await stockOf(MAPS.sku)).toBe(stock - 1)
})

test('a declined card cancels the order and the timeline shows each step undone in reverse', async ({
  page,
}, testInfo) => {
  await signIn(page, accounts.ada)
  const stockBefore = await stockOf(ESPRESSO.sku)
  await addToCart(page, ESPRESSO.name, 1)
  const orderId = await checkOut(page, 'Declined card')

  await expect(orderStatus(page)).toHaveText('Cancelled', { timeout: 60_000 })
  await expect(timelineStep(page, 'CHARGE_PAYMENT')).toHaveAttribute('data-status', 'FAILED')
  await expect(timelineStep(page, 'CONFIRM_ORDER')).not.toHaveAttribute('data-status', 'DONE')
  await expect(compensations(page)).toHaveCount(2)
  await expect(compensations(page).nth(0)).toHaveAttribute('data-step', 'RESERVE_STOCK')
  await expect(compensations(page).nth(1)).toHaveAttribute('data-step', 'CREATE_ORDER')
  await expect(compensations(page).nth(0)).toHaveAttribute('data-status', 'COMPENSATED')
  await expect(compensations(page).nth(1)).toHaveAttribute('data-status', 'COMPENSATED')
  await expect(page.getByText(/declined/i).first()).toBeVisible()
  await screenshot(page, testInfo, 'order-declined')

  expect((await orderRow(orderId))?.status).toBe('CANCELLED')
  expect((await paymentOf(orderId))?.status).toBe('DECLINED')
  expect((await reservationOf(orderId))?.status).toBe('RELEASED')
  expect(await stockOf(ESPRESSO.sku)).toBe(stockBefore)
})

test('a flaky provider is retried with its attempts shown as they happen, and the order is confirmed', async ({
  page,
}, testInfo) => {
  await signIn(page, accounts.ada)
  await addToCart(page, ESPRESSO.name, 1)
  const orderId = await checkOut(page, 'Flaky provider', () => recordTimeline(page))

  await expect(timelineStep(page, 'CHARGE_PAYMENT')).toHaveAttribute('data-attempt', /^[23]$/, { timeout: 30_000 })
  await screenshot(page, testInfo, 'order-retrying')
  await expect(orderStatus(page)).toHaveText('Confirmed', { timeout: 60_000 })

  const charge = (await recordedTimeline(page)).filter((change) => change.step === 'CHARGE_PAYMENT')
  const retrying = charge.filter((change) => change.status === 'RUNNING' && Number(change.attempt) >= 2)
  expect(retrying.length, JSON.stringify(charge)).toBeGreaterThan(0)
  expect(retrying[0]!.text, 'the last failure is shown while it retries').toMatch(/unavailable|503/i)
  const done = charge.findIndex((change) => change.status === 'DONE')
  expect(done, 'seen retrying before it was done').toBeGreaterThan(charge.indexOf(retrying[0]!))

  expect(await processorAttempts(orderId)).toBe(3)
  expect((await paymentOf(orderId))?.status).toBe('CAPTURED')
  expect((await orderRow(orderId))?.status).toBe('CONFIRMED')
})

test('a shopper cancels an order while it waits for approval, and it is undone', async ({ page, browser }, testInfo) => {
  const poles = { sku: 'HIKE-POLES-CARBON', name: 'Carbon Trekking Poles' }
  let stock = await stockOf(poles.sku)
  if (stock < 9) {
    const operator = await signedInPage(browser, accounts.operator)
    await restockToAtLeast(operator, poles.sku, 20, stock)
    stock = await stockOf(poles.sku)
  }
  await signIn(page, accounts.alan)
  await addToCart(page, poles.name, 9)
  const orderId = await checkOut(page, 'Visa that works')

  await expect(orderStatus(page)).toHaveText('Waiting for approval', { timeout: 60_000 })
  await expect(page.getByText(/Waiting for an operator's approval until/)).toBeVisible()
  expect(await stockOf(poles.sku)).toBe(stock - 9)
  await page.getByRole('button', { name: 'Cancel order' }).click()

  await expect(orderStatus(page)).toHaveText('Cancelled', { timeout: 60_000 })
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0)
  await expect(compensations(page)).toHaveCount(2)
  await expect(compensations(page).nth(0)).toHaveAttribute('data-step', 'RESERVE_STOCK')
  await expect(compensations(page).nth(1)).toHaveAttribute('data-step', 'CREATE_ORDER')
  await screenshot(page, testInfo, 'order-cancelled-by-shopper')

  const order = await orderRow(orderId)
  expect(order?.status).toBe('CANCELLED')
  expect(order?.cancel_reason).toBeTruthy()
  expect(await paymentOf(orderId)).toBeUndefined()
  expect((await reservationOf(orderId))?.status).toBe('RELEASED')
  expect(await stockOf(poles.sku)).toBe(stock)
})

test("a shopper cannot open another shopper's order, and signs out", async ({ page, browser }) => {
  const ada = await signedInPage(browser, accounts.ada)
  const adasOrder = await placeOrderByApi(ada, [{ sku: ESPRESSO.sku, quantity: 1 }])

  await signIn(page, accounts.bob)
  await page.goto(`/orders/${adasOrder}`)
  await expect(page.getByRole('alert')).toContainText(`No order ${adasOrder}`)
  await expect(orderStatus(page)).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Saga timeline' })).toHaveCount(0)
  expect((await page.request.get(`/api/orders/${adasOrder}/events`)).status()).toBe(404)
  expect((await page.request.get(`/api/orders/${adasOrder}`)).status()).toBe(404)

  // Signing out ends the session: the shop greets a stranger again, and the API knows nobody.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome to Saga Shop' })).toBeVisible()
  expect((await page.request.get('/api/me')).status()).toBe(401)
})

test('a wrong password does not sign in', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Sign in' }).first().click()
  await page.getByLabel('Email').fill(accounts.ada.email)
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  await expect(page.getByLabel('Password')).toBeVisible()

  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Welcome to Saga Shop' })).toBeVisible()
  expect((await page.request.get('/api/me')).status()).toBe(401)
})
