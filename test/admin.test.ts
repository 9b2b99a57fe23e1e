import pg from 'pg'
import { chromium, type Browser, type Page } from 'playwright-core'

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
  // the first page compiles the admin panel in dev mode: allow it more time
  await login(page, 'editor-in-chief@use.example', 'admin-password-for-the-browser-test', 180_000)
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

async function login(page: Page, email: string, password: string, loadTimeout = 120_000) {
  await page.goto(`${server.baseUrl}/admin/login`, { timeout: loadTimeout })
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 120_000 })
}

async function createMember(email: string, password: string, roles: string[]) {
  const adminLogin = await fetch(`${server.baseUrl}/api/citymakers/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor-in-chief@use.example', password: 'admin-password-for-the-browser-test' }),
  })
  const { token } = await adminLogin.json()
  const created = await fetch(`${server.baseUrl}/api/citymakers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ email, password, displayName: email.split('@')[0], roles }),
  })
  expect(created.status).toBe(201)
  // stands in for following the activation link, which the community tests cover
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  await db.query('UPDATE citymakers SET _verified = true WHERE email = $1', [email])
  await db.end()
}

test('a citymaker drafts and submits a case in the admin panel; an editor finds it in the review queue and publishes it', async () => {
  await createMember('amina@use.example', 'citymaker-password-123', ['citymaker'])
  await createMember('esteban@use.example', 'editor-password-1234', ['editor'])
  const title = `Cool roofs for social housing ${Date.now()}`

  const author = await browser.newContext()
  const page = await author.newPage()
  await login(page, 'amina@use.example', 'citymaker-password-123')
  // citymakers see their own work, not the editorial collections
  await expect(page.getByText('Reference data', { exact: true }).count()).resolves.toBe(0)
  await page.goto(`${server.baseUrl}/admin/collections/case-studies/create`, { timeout: 120_000 })
  await page.fill('input[name="title"]', title)
  await expect(page.getByRole('button', { name: /publish/i }).count()).resolves.toBe(0)
  await page.getByRole('button', { name: 'Save Draft' }).click()
  await page.waitForURL(/\/case-studies\/\d+/, { timeout: 60_000 })
  await page.getByRole('button', { name: 'Submit for review' }).click()
  await page.getByTestId('workflow-state').filter({ hasText: 'submitted' }).waitFor({ timeout: 60_000 })
  await author.close()

  const editorContext = await browser.newContext()
  const editor = await editorContext.newPage()
  await login(editor, 'esteban@use.example', 'editor-password-1234')
  await editor.getByText('Review queue').waitFor({ timeout: 60_000 })
  await editor.getByRole('link', { name: title }).click()
  await editor.waitForURL(/\/case-studies\/\d+/, { timeout: 60_000 })
  await editor.getByRole('button', { name: 'Publish', exact: true }).click()
  await editor.getByTestId('workflow-state').filter({ hasText: 'published' }).waitFor({ timeout: 60_000 })
  await editorContext.close()

  const pub = await (await fetch(`${server.baseUrl}/api/case-studies?where[title][equals]=${encodeURIComponent(title)}&depth=0`)).json()
  expect(pub.totalDocs).toBe(1)
  expect(pub.docs[0]).toMatchObject({ workflowState: 'published', _status: 'published' })
})
