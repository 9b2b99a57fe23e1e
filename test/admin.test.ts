import { chromium, type Browser } from 'playwright-core'

import { dropDatabase } from '../src/lib/database'
import { createTestDatabase } from './support/harness'
import { startServerProcess, type ServerProcess } from './support/server-process'

/**
 * The admin panel in a real browser (Debian's chromium driven by playwright-core), served by the
 * real server process with Next.js.
 */
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

let databaseUrl: string
let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  databaseUrl = await createTestDatabase()
  server = await startServerProcess({
    DATABASE_URL: databaseUrl,
    ADMIN_UI: 'true',
    SEED_DEMO: 'true',
    ADMIN_EMAIL: 'editor-in-chief@use.example',
    ADMIN_PASSWORD: 'admin-password-for-the-browser-test',
    NEXT_DIST_DIR: '.next-test',
    DATA_DIR: undefined,
  })
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  if (server) expect(await server.stop()).toBe(0)
  if (databaseUrl) await dropDatabase(databaseUrl)
})

test('an admin logs in and sees the collections and the demo case studies', async () => {
  const page = await browser.newPage()
  await page.goto(`${server.baseUrl}/admin/login`, { timeout: 180_000 })
  await page.fill('input[name="email"]', 'editor-in-chief@use.example')
  await page.fill('input[name="password"]', 'admin-password-for-the-browser-test')
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 120_000 })
  for (const label of ['Case studies', 'Citymakers', 'Cities', 'SDGs']) {
    await expect(page.getByText(label, { exact: true }).first().isVisible()).resolves.toBe(true)
  }
  await page.goto(`${server.baseUrl}/admin/collections/case-studies`, { timeout: 120_000 })
  await page.waitForSelector('table tbody tr', { timeout: 60_000 })
  // the 30 demo cases, ten on the first page
  expect(await page.locator('table tbody tr').count()).toBe(10)
  await page.getByText(/of 30/).first().waitFor({ timeout: 30_000 })
  await page.close()
})

test('a wrong password is refused on the login page', async () => {
  const page = await browser.newPage()
  await page.goto(`${server.baseUrl}/admin/login`, { timeout: 120_000 })
  await page.fill('input[name="email"]', 'editor-in-chief@use.example')
  await page.fill('input[name="password"]', 'not-the-password')
  await page.click('button[type="submit"]')
  await page.getByText(/incorrect/i).first().waitFor({ timeout: 30_000 })
  expect(page.url()).toMatch(/\/admin\/login/)
  await page.close()
})
