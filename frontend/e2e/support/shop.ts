import { mkdirSync, appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Browser, type Page, type TestInfo } from '@playwright/test'

/** The demo accounts of the sign-in server (auth-server's seed), all with one password. */
export const PASSWORD = 'saga-shop-demo'

export const accounts = {
  ada: { email: 'ada@example.com', name: 'Ada Lovelace', customerId: 'c1000000-0000-4000-8000-000000000001' },
  grace: { email: 'grace@example.com', name: 'Grace Hopper', customerId: 'c1000000-0000-4000-8000-000000000002' },
  alan: { email: 'alan@example.com', name: 'Alan Turing', customerId: 'c1000000-0000-4000-8000-000000000003' },
  bob: { email: 'bob@example.com', name: 'Bob Smallbudget', customerId: 'c1000000-0000-4000-8000-000000000005' },
  operator: { email: 'operator@example.com', name: 'Olivia Operator', customerId: '' },
} as const

export type Account = (typeof accounts)[keyof typeof accounts]

/** Where the system test wants reports, screenshots and figures. */
export const testOutput = process.env.SHOP_TEST_OUTPUT ?? 'test-results'

/** Signs in through the shop: its sign-in link, the sign-in server's form, back to the shop. */
export async function signIn(page: Page, account: Account, password = PASSWORD): Promise<void> {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Welcome to Saga Shop' })).toBeVisible()
  await page.getByRole('link', { name: 'Sign in' }).first().click()
  await page.getByLabel('Email').fill(account.email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
}

/** A new browser context (its own cookies and storage, as another person's browser) signed in. */
export async function signedInPage(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, account)
  return page
}

/** A screenshot kept with the report, and under docs/ when SHOP_DOCS_SCREENSHOTS names a folder. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ fullPage: true, animations: 'disabled' })
  await testInfo.attach(name, { body, contentType: 'image/png' })
  const folder = join(testOutput, 'screenshots')
  mkdirSync(folder, { recursive: true })
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true, animations: 'disabled' })
  const docs = process.env.SHOP_DOCS_SCREENSHOTS
  if (docs) {
    await page.screenshot({ path: join(docs, `${name}.png`), fullPage: false, animations: 'disabled' })
  }
}

/** A measured figure: printed, attached to the report and appended to measurements.jsonl. */
export function recordFigure(testInfo: TestInfo, name: string, millis: number): void {
  const line = JSON.stringify({ story: testInfo.title, name, millis: Math.round(millis) })
  console.log(`FIGURE ${line}`)
  testInfo.annotations.push({ type: 'figure', description: `${name}: ${Math.round(millis)} ms` })
  mkdirSync(testOutput, { recursive: true })
  appendFileSync(join(testOutput, 'measurements.jsonl'), `${line}\n`)
}
