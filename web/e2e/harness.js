// Starts what the end-to-end tests drive: a real `zhiyou serve` on a fresh SQLite database
// (the demo plans loaded, one account per role added through the CLI) and Debian's Chromium
// through playwright-core. Nothing here stands in for the server.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = path.resolve(webDir, '..');
export const PASSWORD = 'Zhiyou-e2e-口令-2026';

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 375, height: 812 };

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// GB 32100-2015: the 18th character of a 统一社会信用代码 is a check over the first 17.
function usccWithCheck(first17) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((acc, c, i) => acc + alphabet.indexOf(c) * weights[i], 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

export const USERS = {
  admin: { role: 'admin' },
  office: { role: 'office' },
  jxj: { role: 'unit_reporter', unit: '市经信局' },
  scj: { role: 'unit_reporter', unit: '市市场监管局' },
  inspector: { role: 'inspector' },
  firm: { role: 'enterprise', entity: usccWithCheck('91330200MA2GXXXX0') },
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function runCli(binary, args, input) {
  const result = spawnSync(binary, args, { input, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`zhiyou ${args.join(' ')} 失败（${result.status}）：${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

async function waitForHealth(base, server, logFile) {
  for (let i = 0; i < 300; i += 1) {
    if (server.exitCode !== null) break;
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`zhiyou serve did not become healthy:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
}

export async function startStack() {
  const binary = process.env.ZHIYOU_BINARY;
  if (!binary || !fs.existsSync(binary)) throw new Error('set ZHIYOU_BINARY to the zhiyou executable');
  const dist = path.join(webDir, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiyou-e2e-'));
  const shots = process.env.ZHIYOU_SCREENSHOTS || fs.mkdtempSync(path.join(os.tmpdir(), 'zhiyou-e2e-screens-'));
  fs.mkdirSync(shots, { recursive: true });
  const db = path.join(temp, 'zhiyou.db');
  runCli(binary, ['plan', 'load', path.join(repoDir, 'data/demo/plans.json'), '--db', db]);
  for (const [name, user] of Object.entries(USERS)) {
    const args = ['user', 'add', name, '--role', user.role, '--password-stdin', '--db', db];
    if (user.unit) args.push('--unit', user.unit);
    if (user.entity) args.push('--entity', user.entity);
    runCli(binary, args, `${PASSWORD}\n`);
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(temp, 'serve.log');
  const log = fs.openSync(logFile, 'w');
  const server = spawn(binary, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--web', dist], { stdio: ['ignore', log, log] });
  await waitForHealth(base, server, logFile);

  const browser = await chromium.launch({ executablePath: process.env.ZHIYOU_CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });

  const stack = {
    base,
    db,
    temp,
    shots,
    binary,
    browser,
    serverLog: () => fs.readFileSync(logFile, 'utf8'),
    async stop() {
      await browser.close().catch(() => {});
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      fs.closeSync(log);
      fs.rmSync(temp, { recursive: true, force: true });
    },
  };
  return stack;
}

// The server allows a client only a few logins a minute (src/server/session_api.cpp), and all
// the tests come from 127.0.0.1: each account signs in through the page once, later pages
// reuse that session, and a refused attempt waits for the window to pass.
const LOGIN_RETRIES = 8;
const sessions = new Map(); // username → Playwright storage state (holds the token)
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tokenIn(state) {
  for (const origin of state.origins) {
    const item = origin.localStorage.find((i) => i.name === 'zhiyou.token');
    if (item) return item.value;
  }
  return null;
}

// The API as the browser sees it, for setting the scene and for checking what the server
// stored after a step in the UI (never for answering in place of the server).
export async function apiToken(base, username, password = PASSWORD) {
  if (sessions.has(username) && password === PASSWORD) return tokenIn(sessions.get(username));
  const response = await apiLogin(base, username, password);
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()).token;
}

// POST /session, waiting out the login rate limit (429 + Retry-After) if it is hit.
export async function apiLogin(base, username, password) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 429 || attempt === LOGIN_RETRIES) return response;
    await sleep(1000 * Number(response.headers.get('Retry-After') || 10));
  }
}

export async function apiCall(base, token, method, pathAndQuery, body) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${base}/api/v1${pathAndQuery}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // a file or an empty body
  }
  return { status: response.status, json, text, headers: response.headers };
}

// Whether the server has a route yet (second-block routes land after other branches merge):
// asked with a known plan and indicator, a 404 or 405 can only mean the route is missing.
export async function hasRoute(base, token, method, pathAndQuery) {
  const response = await apiCall(base, token, method, pathAndQuery, method === 'POST' ? {} : undefined);
  return response.status !== 404 && response.status !== 405 && response.status !== 501;
}

export async function newPage(stack, viewport, storageState) {
  const context = await stack.browser.newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true, locale: 'zh-CN', storageState });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  // API answers that were errors or never came: what a failed assertion should be read with.
  page.network = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() >= 400) page.network.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => page.network.push(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  return page;
}

// For an assertion's message: the page's failed API calls and the end of the server's log.
export function explain(stack, page) {
  const log = stack.serverLog().split('\n').slice(-30).join('\n');
  return `API errors seen by the page: ${JSON.stringify(page.network)}\nzhiyou serve log (tail):\n${log}`;
}

// Signs in through the login page (a fresh session).
export async function logIn(stack, page, username, password = PASSWORD) {
  for (let attempt = 0; ; attempt += 1) {
    await page.goto(`${stack.base}/login`);
    await page.fill('[data-test=username]', username);
    await page.fill('[data-test=password]', password);
    await page.click('[data-test=login-submit]');
    const outcome = await page.waitForSelector('[data-test=who], [data-test=login-error]');
    if ((await outcome.getAttribute('data-test')) === 'who') return;
    const message = await outcome.textContent();
    if (!/频繁/.test(message) || attempt === LOGIN_RETRIES) throw new Error(`${username} 登录失败：${message}`);
    await sleep(10000);
  }
}

// A page signed in as `username`: through the login page the first time, then by reusing
// that session in a new browser context (`prepare` runs on that page before it loads).
export async function pageAs(stack, username, viewport, prepare = null) {
  if (!sessions.has(username)) {
    const page = await newPage(stack, viewport);
    await logIn(stack, page, username);
    sessions.set(username, await page.context().storageState());
    if (!prepare) return page;
    await page.context().close();
  }
  const page = await newPage(stack, viewport, sessions.get(username));
  if (prepare) await prepare(page);
  await page.goto(`${stack.base}/`);
  await page.waitForSelector('[data-test=who]');
  return page;
}

export async function shoot(stack, page, name) {
  await page.waitForTimeout(300); // let charts finish their entry animation frame
  await page.screenshot({ path: path.join(stack.shots, `${name}.png`), fullPage: false });
}

// The menu entries a signed-in user is offered, desktop or phone.
export async function menuTitles(page) {
  const drawerButton = await page.$('[data-test=menu-button]');
  if (drawerButton) {
    await drawerButton.click();
    await page.waitForSelector('.el-drawer [data-test=nav] .el-menu-item');
  }
  const titles = await page.$$eval('[data-test=nav] .el-menu-item', (items) => items.map((i) => i.textContent.trim()));
  if (drawerButton) await page.keyboard.press('Escape');
  return titles;
}
