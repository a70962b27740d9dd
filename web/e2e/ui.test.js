// End-to-end: Debian's Chromium drives the built web UI served by a real `zhiyou serve`.
// Steps that need a route from a later branch (observations, evaluation, reports) skip with
// the reason while the server lacks that route, and run as soon as it has it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DESKTOP, PHONE, USERS, apiCall, apiLogin, apiToken, explain, hasRoute, logIn, menuTitles, newPage, pageAs, shoot, sleep, startStack } from './harness.js';
import { IMPORTED, OFFICIAL_TEXT } from './fixtures.js';

const PERIOD = '2025';
let stack;
let office;
let routes = {};
let plan = null; // the plan imported through the UI, as the server stores it
let own = null; // its indicator led by 市经信局 (user jxj)
let other = null; // its indicator led by 市市场监管局

function needs(t, route) {
  if (!routes[route]) {
    t.skip(`服务器尚无 ${route} 接口`);
    return false;
  }
  if (!plan) {
    t.skip('规划导入步骤未完成');
    return false;
  }
  return true;
}

async function observations(token, query) {
  const r = await apiCall(stack.base, token, 'GET', `/observations?${new URLSearchParams(query)}`);
  assert.equal(r.status, 200, r.text);
  return r.json.observations;
}

// The text of a toast (ElMessage) of that kind; with `pattern`, of the one that matches it
// (an earlier toast may still be on screen).
async function visibleMessage(page, kind, pattern) {
  let message = page.locator(`.el-message--${kind} .el-message__content`);
  if (pattern) message = message.filter({ hasText: pattern });
  await message.first().waitFor();
  return (await message.first().textContent()).trim();
}

before(async () => {
  stack = await startStack();
  office = await apiToken(stack.base, 'office');
  const demo = 'p4ef8a67daf'; // 质优宁波 实施意见, in data/demo/plans.json
  const indicator = 'ief0304ef2357';
  routes = {
    observations: await hasRoute(stack.base, office, 'GET', `/observations?plan=${demo}&period=${PERIOD}`),
    'observations/import': await hasRoute(stack.base, office, 'POST', `/observations/import?plan=${demo}`),
    'observations/history': await hasRoute(stack.base, office, 'GET', `/observations/history?indicator=${indicator}&region=全市&period=${PERIOD}`),
    template: await hasRoute(stack.base, office, 'GET', `/plans/${demo}/template?period=${PERIOD}`),
    evaluation: await hasRoute(stack.base, office, 'GET', `/plans/${demo}/evaluation?period=${PERIOD}`),
    trajectory: await hasRoute(stack.base, office, 'GET', `/plans/${demo}/trajectory?indicator=${indicator}`),
    report: await hasRoute(stack.base, office, 'GET', `/plans/${demo}/report?period=${PERIOD}&format=html`),
  };
  console.log(`routes present: ${JSON.stringify(routes)}`);
});

after(async () => {
  if (stack) {
    console.log(`screenshots: ${stack.shots}`);
    await stack.stop();
  }
});

describe('web UI against zhiyou serve', () => {
  test('a wrong password is refused with the server’s Chinese message', async () => {
    const page = await newPage(stack, DESKTOP);
    await page.goto(`${stack.base}/login`);
    await shoot(stack, page, 'desktop-login');
    await page.fill('[data-test=username]', 'office');
    await page.fill('[data-test=password]', 'not-the-password');
    await page.click('[data-test=login-submit]');
    const error = await page.waitForSelector('[data-test=login-error]');
    assert.match(await error.textContent(), /[\u4e00-\u9fff]/);
    assert.match(page.url(), /\/login/);
    await page.context().close();
  });

  test('signed out, a page that needs an account leads to the login page', async () => {
    const page = await newPage(stack, DESKTOP);
    await page.goto(`${stack.base}/entry`);
    await page.waitForSelector('[data-test=login-submit]');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/entry');
    await page.context().close();
  });

  const expectedMenus = {
    admin: ['总览', '数据填报', '规划导入', '报告', '质量追溯', '产品赋码', '用户管理', '审计日志'],
    office: ['总览', '数据填报', '规划导入', '报告', '质量追溯', '产品赋码'],
    jxj: ['总览', '数据填报'],
    inspector: ['总览', '报告', '质量追溯'],
    firm: ['总览', '产品赋码'],
  };
  for (const [username, menu] of Object.entries(expectedMenus)) {
    test(`${username} (${USERS[username].role}) signs in and is offered only its pages`, async () => {
      for (const [viewport, label] of [
        [DESKTOP, 'desktop'],
        [PHONE, 'phone'],
      ]) {
        const page = await pageAs(stack, username, viewport);
        assert.match(await page.textContent('[data-test=who]'), new RegExp(username), explain(stack, page));
        await page.goto(`${stack.base}/`);
        await page.waitForSelector('[data-test=who]');
        // The home page redirects in the browser, possibly after the layout has rendered:
        // wait for it (a timeout fails the test) rather than read the URL at once.
        const home = { jxj: /\/entry/, firm: /\/products/ }[username] || /\/overview/;
        await page.waitForURL(home, { timeout: 10000 });
        await page.waitForLoadState('networkidle');
        await shoot(stack, page, `${label}-home-${username}`);
        assert.deepEqual(await menuTitles(page), menu);
        assert.deepEqual(page.errors, []);
        await page.context().close();
      }
    });
  }

  test('a signed-in user never sees the public view while the server is slow to say who they are', async () => {
    // The browser holds /me answers back for 1.5 s; the real server still gives them.
    const page = await pageAs(stack, 'inspector', DESKTOP, async (p) => {
      await p.route('**/api/v1/me', async (route) => {
        await sleep(1500);
        await route.continue();
      });
    });
    assert.match(await page.textContent('[data-test=who]'), /inspector/, explain(stack, page));
    assert.deepEqual(await menuTitles(page), expectedMenus.inspector);
    await page.context().close();
  });

  test('a dropped connection while asking who is signed in does not sign the user out', async () => {
    let dropped = 0;
    const page = await pageAs(stack, 'office', DESKTOP, async (p) => {
      await p.route('**/api/v1/me', async (route) => {
        if (dropped++ === 0) await route.abort('connectionreset');
        else await route.continue();
      });
    });
    assert.equal(dropped, 2, 'the page asked again after the dropped connection');
    assert.match(await page.textContent('[data-test=who]'), /office/, explain(stack, page));
    assert.ok(await page.evaluate(() => localStorage.getItem('zhiyou.token')), 'the session token is kept');
    await page.context().close();
  });

  test('a page outside the role is not offered: office typing /users lands on the overview', async () => {
    const page = await pageAs(stack, 'office', DESKTOP);
    await page.goto(`${stack.base}/users`);
    await page.waitForURL(/\/overview/);
    await page.context().close();
  });

  test('office imports a plan: preview first, stored only on confirm', async () => {
    const file = path.join(stack.temp, '甬政办发2026-9.txt');
    fs.writeFileSync(file, OFFICIAL_TEXT);
    const page = await pageAs(stack, 'office', DESKTOP);
    await page.goto(`${stack.base}/import`);
    await page.setInputFiles('[data-test=import-input]', file);
    const card = await page.waitForSelector('[data-test=preview-plan]');
    const text = await card.textContent();
    assert.match(text, new RegExp(IMPORTED.title));
    assert.match(text, new RegExp(IMPORTED.doc_number.replace(/[〔〕]/g, '.')));
    assert.match(text, /2 项指标/);
    assert.match(text, /1 项任务/);
    await shoot(stack, page, 'desktop-import-preview');

    const listed = async () => (await apiCall(stack.base, office, 'GET', '/plans')).json.plans.find((p) => p.doc_number === IMPORTED.doc_number);
    assert.equal(await listed(), undefined, 'the preview must not store the plan');

    await page.click('[data-test=confirm-import]');
    await page.waitForSelector('[data-test=import-done]');
    const stored = await listed();
    assert.ok(stored, 'confirm stores the plan');
    assert.equal(stored.indicator_count, 2);
    const detail = (await apiCall(stack.base, office, 'GET', `/plans/${stored.id}`)).json;
    plan = detail.plans ? detail.plans[0] : detail;
    own = plan.indicators.find((i) => i.lead_units.includes('市经信局'));
    other = plan.indicators.find((i) => i.lead_units.includes('市市场监管局'));
    assert.ok(own && other);
    await page.context().close();

    const phone = await pageAs(stack, 'office', PHONE);
    await phone.goto(`${stack.base}/import`);
    await phone.setInputFiles('[data-test=import-input]', file);
    await phone.waitForSelector('[data-test=preview-plan]');
    await shoot(stack, phone, 'phone-import-preview');
    assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth)) <= PHONE.width);
    await phone.context().close();
  });

  test('the overview lists the imported plan’s indicators by domain, none reported yet', async (t) => {
    if (!plan) return t.skip('规划导入步骤未完成');
    const page = await pageAs(stack, 'office', DESKTOP);
    await page.goto(`${stack.base}/overview?plan=${plan.id}&period=${PERIOD}`);
    await page.waitForSelector(`[data-indicator="${own.id}"]`);
    assert.equal(await page.getAttribute(`[data-indicator="${own.id}"]`, 'data-status'), 'no_data');
    assert.equal(await page.getAttribute(`[data-indicator="${other.id}"]`, 'data-status'), 'no_data');
    assert.equal((await page.textContent('[data-test=count-no_data]')).trim(), '2');
    assert.match(await page.textContent('[data-test=domain]'), /制造业/);
    await page.context().close();
  });

  test('a unit reporter sees only its unit’s indicators and reports a value', async (t) => {
    if (!needs(t, 'observations')) return;
    const page = await pageAs(stack, 'jxj', DESKTOP);
    await page.goto(`${stack.base}/entry?plan=${plan.id}&period=${PERIOD}`);
    await page.waitForSelector('[data-test=entry-row]');
    const rows = await page.$$eval('[data-test=entry-row]', (list) => list.map((r) => r.dataset.indicator));
    assert.deepEqual(rows, [own.id]);
    const row = `[data-test=entry-row][data-indicator="${own.id}"]`;
    await page.fill(`${row} [data-test=value-input]`, '97');
    await page.click(`${row} [data-test=save]`);
    assert.match(await visibleMessage(page, 'success'), /已保存/);
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent.includes('97'), `${row} [data-test=current-value]`);
    // A correction: the second value replaces the first and leaves a revision behind.
    await page.fill(`${row} [data-test=value-input]`, '98.5');
    await page.click(`${row} [data-test=save]`);
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent.includes('98.5'), `${row} [data-test=current-value]`);
    await shoot(stack, page, 'desktop-entry-jxj');

    const jxj = await apiToken(stack.base, 'jxj');
    const stored = (await observations(jxj, { plan: plan.id, period: PERIOD, region: '全市' })).filter((o) => o.indicator_id === own.id);
    assert.equal(stored.length, 1);
    assert.equal(Number(stored[0].value), 98.5);
    await page.context().close();
  });

  test('the revision history shows both values', async (t) => {
    if (!needs(t, 'observations/history')) return;
    const page = await pageAs(stack, 'jxj', PHONE);
    await page.goto(`${stack.base}/entry?plan=${plan.id}&period=${PERIOD}`);
    const row = `[data-test=entry-row][data-indicator="${own.id}"]`;
    await page.click(`${row} [data-test=history]`);
    const timeline = await page.waitForSelector('[data-test=revisions]');
    const text = await timeline.textContent();
    assert.match(text, /97/);
    assert.match(text, /98\.5/);
    await shoot(stack, page, 'phone-entry-history');
    await page.context().close();
  });

  test('a unit reporter is refused another unit’s indicator, and nothing is stored', async (t) => {
    if (!needs(t, 'observations')) return;
    const page = await pageAs(stack, 'jxj', DESKTOP);
    // The indicator page's 填报数据 link opens the form for any indicator; the server decides.
    await page.goto(`${stack.base}/entry?plan=${plan.id}&period=${PERIOD}&indicator=${other.id}`);
    const row = `[data-test=entry-row][data-indicator="${other.id}"]`;
    await page.waitForSelector(row);
    assert.match(await page.textContent(row), /非本单位指标/);
    await page.fill(`${row} [data-test=value-input]`, '130');
    await page.click(`${row} [data-test=save]`);
    const message = await visibleMessage(page, 'error');
    assert.match(message, /[\u4e00-\u9fff]/);
    await shoot(stack, page, 'desktop-entry-refused');

    const jxj = await apiToken(stack.base, 'jxj');
    const direct = await apiCall(stack.base, jxj, 'POST', '/observations', { indicator_id: other.id, region: '全市', period: PERIOD, value: 130 });
    assert.equal(direct.status, 403);
    assert.equal(direct.json.error.message, message, 'the page shows the server’s own message');
    const stored = (await observations(office, { plan: plan.id, period: PERIOD })).filter((o) => o.indicator_id === other.id);
    assert.deepEqual(stored, []);
    await page.context().close();
  });

  test('an upload with a bad row is shown row by row and saves nothing', async (t) => {
    if (!needs(t, 'observations/import')) return;
    const page = await pageAs(stack, 'jxj', DESKTOP);
    await page.goto(`${stack.base}/entry?plan=${plan.id}&period=${PERIOD}`);
    await page.waitForSelector('[data-test=entry-row]');
    if (routes.template) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=template]')]);
      const saved = path.join(stack.shots, 'template.xlsx');
      await download.saveAs(saved);
      assert.equal(fs.readFileSync(saved).subarray(0, 2).toString(), 'PK', 'the template is an XLSX (zip) file');
    }
    const before = await observations(office, { plan: plan.id, period: PERIOD });
    const csv = path.join(stack.temp, 'bad.csv');
    fs.writeFileSync(csv, `indicator_id,region,period,value\n${own.id},全市,${PERIOD},99\n${own.id},海曙区,${PERIOD},不是数字\n`);
    await page.setInputFiles('[data-test=upload-input]', csv);
    await page.waitForSelector('[data-test=upload-error]');
    const rows = await page.$$eval('[data-test=upload-rows] .el-table__body tr', (list) => list.map((r) => r.textContent));
    assert.ok(rows.length >= 1, 'each bad row is listed');
    await shoot(stack, page, 'desktop-entry-upload-errors');
    assert.deepEqual(await observations(office, { plan: plan.id, period: PERIOD }), before, 'nothing saved');
    await page.context().close();
  });

  test('the overview shows the reported indicator as met', async (t) => {
    if (!needs(t, 'evaluation') || !needs(t, 'observations')) return;
    for (const [viewport, label] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ]) {
      const page = await pageAs(stack, 'office', viewport);
      await page.goto(`${stack.base}/overview?plan=${plan.id}&period=${PERIOD}`);
      await page.waitForSelector(`[data-indicator="${own.id}"][data-status="met"]`);
      assert.equal(await page.getAttribute(`[data-indicator="${other.id}"]`, 'data-status'), 'no_data');
      assert.equal((await page.textContent('[data-test=count-met]')).trim(), '1');
      await shoot(stack, page, `${label}-overview-after-entry`);
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= viewport.width);
      await page.context().close();
    }
  });

  test('the indicator page shows the target, the reported value and the source line', async (t) => {
    if (!plan) return t.skip('规划导入步骤未完成');
    const page = await pageAs(stack, 'office', DESKTOP);
    await page.goto(`${stack.base}/overview?plan=${plan.id}&period=${PERIOD}`);
    await page.click(`[data-indicator="${own.id}"]`);
    await page.waitForSelector('[data-test=indicator-source]');
    assert.equal((await page.textContent('[data-test=indicator-name]')).trim(), own.name);
    assert.match(await page.textContent('[data-test=indicator-source]'), new RegExp(`第 ${own.source.line} 行`));
    assert.ok(await page.$('[data-test=trajectory-chart] canvas'), 'the chart is drawn');
    if (routes.trajectory && routes.observations) {
      await page.waitForFunction(() => document.querySelector('[data-test=trajectory-table]')?.textContent.includes('98.5'));
    }
    await shoot(stack, page, 'desktop-indicator');
    await page.context().close();
  });

  test('office downloads the report as HTML and as XLSX', async (t) => {
    if (!needs(t, 'report')) return;
    const page = await pageAs(stack, 'office', DESKTOP);
    await page.goto(`${stack.base}/reports?plan=${plan.id}&period=${PERIOD}`);
    await page.waitForSelector('[data-test=report-html]:not([disabled])');
    const [html] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=report-html]')]);
    const htmlFile = path.join(stack.shots, 'report.html');
    await html.saveAs(htmlFile);
    const body = fs.readFileSync(htmlFile, 'utf8');
    assert.match(body, /<html/i);
    assert.match(body, new RegExp(IMPORTED.title));
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=report-xlsx]')]);
    const xlsxFile = path.join(stack.shots, 'report.xlsx');
    await xlsx.saveAs(xlsxFile);
    assert.equal(fs.readFileSync(xlsxFile).subarray(0, 2).toString(), 'PK');
    await shoot(stack, page, 'desktop-reports');
    await page.context().close();
  });

  // A maker's batch with codes issued and events captured through the CLI, one unit sold, one
  // scanned from three districts and a serial never issued scanned once; then the inspector
  // finds the batch's scope, downloads it, announces the recall, and reads the signals.
  test('an inspector finds a batch’s recall scope, downloads it, announces the recall and sees counterfeit signals', async () => {
    const gtin = '09506000134352';
    const uscc = '91330212MA2G00001N';
    const cli = (args, input) => {
      const r = spawnSync(stack.binary, [...args, '--db', stack.db], { input, encoding: 'utf8' });
      assert.equal(r.status, 0, `zhiyou ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    cli(['entity', 'add', '--uscc', uscc, '--name', '宁波网页测试电器有限公司', '--region', '鄞州']);
    cli(['product', 'add', '--gtin', gtin, '--name', '网页测试电热水壶', '--entity', uscc]);
    const codes = cli(['trace', 'issue', '--gtin', gtin, '--lot', 'W1', '--count', '4', '--serials', 'sequential'])
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[2]);
    assert.equal(codes.length, 4);
    const unit = (serial) => `https://id.gs1.org/01/${gtin}/10/W1/21/${serial}`;
    const event = (serial, time, step, extra = '') =>
      `{"type":"ObjectEvent","eventTime":"${time}","eventTimeZoneOffset":"+08:00","action":"OBSERVE","bizStep":"${step}","epcList":["${unit(serial)}"]${extra}}`;
    const document = `{"@context":"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld","type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-10-05T00:00:00Z","epcisBody":{"eventList":[${[
      event(codes[0], '2026-10-01T08:00:00+08:00', 'shipping', ',"bizLocation":{"id":"urn:epc:id:sgln:9506000.13430.0"}'),
      event(codes[0], '2026-10-03T15:00:00+08:00', 'retail_selling', ',"disposition":"retail_sold","bizLocation":{"id":"urn:epc:id:sgln:9506001.00002.0"}'),
    ].join(',')}]}}`;
    const documentFile = path.join(stack.shots, 'trace-events.json');
    fs.writeFileSync(documentFile, document);
    cli(['trace', 'capture', documentFile]);
    for (const place of ['yinzhou', 'beilun', '%E5%AE%9A%E6%B5%B7']) {
      const r = await fetch(`${stack.base}/01/${gtin}/10/W1/21/${codes[1]}?loc=${place}`, { headers: { Accept: 'application/json' } });
      assert.equal(r.status, 200);
    }
    assert.equal((await fetch(`${stack.base}/01/${gtin}/21/NEVER1?loc=beilun`, { headers: { Accept: 'application/json' } })).status, 404);

    const page = await pageAs(stack, 'inspector', DESKTOP);
    await page.goto(`${stack.base}/trace`);
    await page.fill('[data-test=recall-gtin]', gtin);
    await page.fill('[data-test=recall-lots]', 'W1');
    await page.click('[data-test=recall-find]');
    await page.waitForSelector('[data-test=recall-summary]');
    // The four issued units, one of them sold, none in a case.
    assert.equal((await page.textContent('[data-test=recall-units] .value')).trim(), '4');
    assert.equal((await page.textContent('[data-test=recall-reached] .value')).trim(), '1');
    assert.equal((await page.$$('[data-test=recall-unit-table] tbody tr')).length, 4);
    const table = await page.textContent('[data-test=recall-unit-table]');
    const serials = await page.$$eval('[data-test=recall-unit-table] tbody tr td:first-child', (cells) => cells.map((c) => c.textContent.trim()));
    assert.deepEqual(serials.sort(), [...codes].sort());
    assert.match(table, /已售出/);
    assert.match(table, /零售售出/);
    await shoot(stack, page, 'desktop-trace-recall');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=recall-csv]')]);
    const csvFile = path.join(stack.shots, 'recall.csv');
    await csv.saveAs(csvFile);
    const rows = fs.readFileSync(csvFile, 'utf8').trim().split('\n');
    assert.equal(rows.length, 1 + codes.length, rows.join('\n'));
    const sold = rows.find((row) => row.startsWith(`https://id.gs1.org/01/${gtin}/21/${codes[0]},`));
    assert.ok(sold, rows.join('\n'));
    assert.match(sold, /retail_sold,yes,yes/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=recall-xlsx]')]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
    const xlsxFile = path.join(stack.shots, 'recall.xlsx');
    await xlsx.saveAs(xlsxFile);
    assert.equal(fs.readFileSync(xlsxFile).subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip');

    await page.click('[data-test=recall-announce]');
    await page.fill('[data-test=recall-reason]', '抽检不合格（耐压试验）');
    await page.click('[data-test=recall-announce-confirm]');
    assert.match(await visibleMessage(page, 'success', /召回公告已发布/), /召回公告已发布/);
    const notices = await apiCall(stack.base, await apiToken(stack.base, 'inspector'), 'GET', `/recalls?gtin=${gtin}`);
    assert.equal(notices.json.recalls.length, 1);
    assert.deepEqual(notices.json.recalls[0].lots, ['W1']);
    const scanPage = await (await fetch(`${stack.base}/01/${gtin}/10/W1/21/${codes[2]}`, { headers: { Accept: 'text/html' } })).text();
    assert.match(scanPage, /抽检不合格（耐压试验）/);
    // On a phone, the unit scanned from three districts shows both warnings above the product.
    const consumer = await newPage(stack, PHONE);
    await consumer.goto(`${stack.base}/01/${gtin}/10/W1/21/${codes[1]}`);
    const alerts = await consumer.$$eval('[role=alert]', (nodes) => nodes.map((n) => n.textContent));
    assert.equal(alerts.length, 2, alerts.join('\n'));
    assert.match(alerts[0], /召回警示.*抽检不合格（耐压试验）/s);
    assert.match(alerts[1], /疑似假冒.*3 个不同地点/s);
    const alertColor = await consumer.$eval('[role=alert]', (n) => getComputedStyle(n).color);
    assert.equal(alertColor, 'rgb(192, 57, 43)', 'the recall warning is red');
    assert.ok((await consumer.evaluate(() => document.documentElement.scrollWidth)) <= PHONE.width);
    await shoot(stack, consumer, 'phone-scan-recalled');
    await consumer.context().close();

    await page.click('.el-tabs__item:has-text("假冒信号")');
    await page.waitForSelector('[data-test=signals-many-places] tbody tr');
    assert.match(await page.textContent('[data-test=signals-many-places]'), new RegExp(codes[1]));
    assert.match(await page.textContent('[data-test=signals-never-issued]'), /NEVER1/);
    await shoot(stack, page, 'desktop-trace-signals');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  // The maker's own page: it registers a product, issues codes for a batch, downloads them
  // and a phone scanning one of the downloaded codes finds the product and its batch.
  test('an enterprise registers its product, issues a batch’s codes, downloads them, and a downloaded code scans', async () => {
    const gtin = '06901234567892';
    const r = spawnSync(stack.binary, ['entity', 'add', '--uscc', USERS.firm.entity, '--name', '宁波网页赋码电器有限公司', '--region', '北仑', '--db', stack.db], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr); // the office registers the maker; the maker does the rest
    const page = await pageAs(stack, 'firm', DESKTOP);
    await page.waitForURL(/\/products/);
    await page.click('[data-test=product-add]');
    await page.fill('[data-test=product-gtin]', '06901234567893'); // wrong check digit
    await page.fill('[data-test=product-name]', '网页赋码电热水壶');
    await page.click('.el-checkbox:has-text("品字标浙江制造")');
    await page.click('[data-test=product-save]');
    assert.match(await visibleMessage(page, 'error', /校验/), /校验/);
    await page.fill('[data-test=product-gtin]', gtin);
    await page.click('[data-test=product-save]');
    assert.match(await visibleMessage(page, 'success', /已登记产品/), /网页赋码电热水壶/);
    await page.waitForSelector(`[data-test=product-open-${gtin}]`);
    assert.match(await page.textContent('[data-test=product-table]'), /品字标浙江制造/);

    await page.click(`[data-test=product-open-${gtin}]`);
    await page.waitForSelector('[data-test=batch-card]');
    await page.click('[data-test=issue-open]');
    await page.fill('[data-test=issue-lot]', 'WEB 1'); // a space is not allowed in a lot
    await page.fill('[data-test=issue-expiry]', '271231');
    await page.fill('[data-test=issue-count] input', '2500');
    await page.click('[data-test=issue-submit]');
    assert.match(await visibleMessage(page, 'error', /批号|字符/), /批号|字符/);
    await page.fill('[data-test=issue-lot]', 'WEB1');
    await page.click('[data-test=issue-submit]');
    assert.match(await visibleMessage(page, 'success', /已赋码/), /已赋码 2,500 个/);
    await page.waitForSelector('[data-test=issue-result]');
    await page.waitForFunction(() => document.querySelector('[data-test=batch-table]')?.textContent.includes('2,500'));
    const batchRow = await page.textContent('[data-test=batch-table]');
    assert.match(batchRow, /WEB1/);
    assert.match(batchRow, /2027-12-31/);
    await shoot(stack, page, 'desktop-products');

    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=codes-download-WEB1]')]);
    const saved = path.join(stack.shots, 'codes.csv');
    await file.saveAs(saved);
    const bytes = fs.readFileSync(saved, 'utf8');
    assert.ok(bytes.startsWith('\ufeff'), 'a BOM, so that Excel reads the file as UTF-8');
    const rows = bytes.slice(1).trim().split('\r\n');
    assert.equal(rows.length, 2501);
    assert.equal(rows[0], 'gtin,lot,serial,element_string,digital_link');
    const link = rows[1234].split(',')[4];
    assert.ok(link.startsWith(`${stack.base}/01/${gtin}/10/WEB1/21/`), link); // the codes lead to this server
    const scan = await fetch(link, { headers: { Accept: 'application/json' } });
    assert.equal(scan.status, 200, link);
    const answer = JSON.stringify(await scan.json());
    assert.match(answer, /网页赋码电热水壶/);
    assert.match(answer, /WEB1/);

    // The maker's system exports its shipping record as EPCIS; uploaded in the page, a document
    // with one bad event is refused whole naming event and field, the corrected one is stored
    // and the unit's scan then shows the shipment.
    const epcisFile = (name, events) => {
      const file = path.join(stack.shots, name);
      fs.writeFileSync(
        file,
        JSON.stringify({
          '@context': 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
          type: 'EPCISDocument',
          schemaVersion: '2.0',
          creationDate: '2026-11-20T00:00:00Z',
          epcisBody: { eventList: events },
        }),
      );
      return file;
    };
    const shipping = { type: 'ObjectEvent', eventTime: '2026-11-20T09:00:00+08:00', eventTimeZoneOffset: '+08:00', action: 'OBSERVE', bizStep: 'shipping', epcList: [link.split('?')[0]] };
    const { action, ...noAction } = shipping;
    assert.equal(action, 'OBSERVE');
    await page.setInputFiles('[data-test=epcis-input]', epcisFile('bad-events.json', [shipping, { ...noAction, eventTime: '2026-11-20T10:00:00+08:00' }]));
    const refused = await (await page.waitForSelector('[data-test=epcis-error]')).textContent();
    assert.match(refused, /第 2 个事件/);
    assert.match(refused, /action/);
    assert.match(refused, /均未存储/);
    await page.setInputFiles('[data-test=epcis-input]', epcisFile('events.json', [shipping]));
    assert.match(await (await page.waitForSelector('[data-test=epcis-result]')).textContent(), /新保存 1 个/);
    assert.equal(await page.$('[data-test=epcis-error]'), null, 'the earlier error is cleared');
    const journey = await (await fetch(link, { headers: { Accept: 'application/json' } })).text();
    assert.match(journey, /shipping/);
    // The product's own records list it, in Chinese, newest first.
    await page.waitForFunction(() => document.querySelector('[data-test=event-table]')?.textContent.includes('发货'));
    assert.match(await page.textContent('[data-test=event-table] tbody tr:first-child'), /2026\/11\/20/);
    await shoot(stack, page, 'desktop-products-epcis');
    // A consumer scans the printed code with a phone: no account, the page in Chinese, it fits
    // the screen, and says what, by whom, which batch and where the unit has been.
    const consumer = await newPage(stack, PHONE);
    const scanned = await consumer.goto(link);
    assert.equal(scanned.status(), 200);
    const scanPage = await consumer.textContent('body');
    for (const expected of ['网页赋码电热水壶', '品字标浙江制造', 'WEB1', '发货']) assert.ok(scanPage.includes(expected), `the scan page shows ${expected}`);
    await shoot(stack, consumer, 'phone-scan');
    const scanWidth = await consumer.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scanWidth <= PHONE.width, `the scan page is ${scanWidth}px wide on a ${PHONE.width}px screen`);
    // A serial the maker never issued, scanned the same way: 404, a warning that it may be fake.
    const fake = await consumer.goto(link.replace(/\/21\/[^?]+/, '/21/NEVERISSUED1'));
    assert.equal(fake.status(), 404);
    assert.match(await consumer.textContent('body'), /疑似假冒/);
    const fakeWidth = await consumer.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(fakeWidth <= PHONE.width, `the warning page is ${fakeWidth}px wide on a ${PHONE.width}px screen`);
    await shoot(stack, consumer, 'phone-scan-never-issued');
    assert.deepEqual(consumer.errors, []);
    await consumer.context().close();
    // The firm sees only its own products; the office sees every maker's.
    const mine = await apiCall(stack.base, await apiToken(stack.base, 'firm'), 'GET', '/products');
    assert.deepEqual(mine.json.products.map((p) => p.gtin), [gtin]);
    assert.equal(mine.json.products[0].codes, 2500);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('admin sees every account, adds one, and reads the audit log', async () => {
    const page = await pageAs(stack, 'admin', DESKTOP);
    await page.goto(`${stack.base}/users`);
    await page.waitForSelector('[data-test=users] .el-table__body tr');
    const table = await page.textContent('[data-test=users]');
    for (const name of Object.keys(USERS)) assert.match(table, new RegExp(name));
    await page.click('[data-test=add-user]');
    await page.fill('[data-test=new-username]', 'newreporter');
    await page.click('[data-test=new-role]');
    await page.click('.el-select-dropdown__item:has-text("责任单位填报员")');
    await page.fill('[data-test=new-unit]', '市住建局');
    await page.fill('[data-test=new-password]', 'Newreporter-口令-1');
    await page.click('[data-test=create-user]');
    assert.match(await visibleMessage(page, 'success'), /newreporter/);
    await page.waitForFunction(() => document.querySelector('[data-test=users]').textContent.includes('newreporter'));
    await shoot(stack, page, 'desktop-users');
    const login = await apiLogin(stack.base, 'newreporter', 'Newreporter-口令-1');
    assert.equal(login.status, 200, 'the account made in the page can sign in');

    // Disabling the account in the page locks it out.
    await page.click('[data-test="toggle-newreporter"]');
    assert.match(await visibleMessage(page, 'success', /停用/), /newreporter 已停用/);
    const locked = await apiLogin(stack.base, 'newreporter', 'Newreporter-口令-1');
    assert.notEqual(locked.status, 200, 'a disabled account cannot sign in');

    await page.goto(`${stack.base}/audit`);
    await page.waitForSelector('[data-test=audit] .el-table__body tr');
    const audit = await page.textContent('[data-test=audit]');
    assert.match(audit, /newreporter/, 'the new account is in the audit log');
    await page.click('[data-test=verify]');
    assert.match(await page.textContent('[data-test=verdict]'), /哈希链完整/);
    await shoot(stack, page, 'desktop-audit');
    await page.context().close();
  });

  test('without an account, the login page leads to the published plans', async () => {
    const page = await newPage(stack, PHONE);
    await page.goto(`${stack.base}/login`);
    await page.click('text=以公众身份查看公开结果');
    await page.waitForSelector('[data-test=domain] [data-indicator]');
    assert.match(await page.textContent('[data-test=who]'), /公众/);
    assert.deepEqual(await menuTitles(page), ['总览']);
    await shoot(stack, page, 'phone-public-overview');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('on a phone the pages fit the screen and the menu opens in a drawer', async () => {
    const page = await pageAs(stack, 'admin', PHONE);
    for (const where of ['overview', 'entry', 'import', 'reports', 'trace', 'products', 'users', 'audit']) {
      await page.goto(`${stack.base}/${where}`);
      await page.waitForLoadState('networkidle');
      await shoot(stack, page, `phone-${where}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.width, `${where}: page is ${width}px wide on a ${PHONE.width}px screen`);
    }
    assert.equal(await page.$('.aside'), null, 'no side menu on a phone');
    assert.equal((await menuTitles(page)).length, 8);
    await page.context().close();
  });

  test('signing out revokes the session', async () => {
    const page = await newPage(stack, DESKTOP);
    await logIn(stack, page, 'inspector'); // a session of its own, so the others stay valid
    const token = await page.evaluate(() => localStorage.getItem('zhiyou.token'));
    assert.equal((await apiCall(stack.base, token, 'GET', '/me')).status, 200);
    await page.click('[data-test=logout]');
    await page.waitForSelector('[data-test=login-submit]');
    assert.equal((await apiCall(stack.base, token, 'GET', '/me')).status, 401);
    await page.context().close();
  });
});
