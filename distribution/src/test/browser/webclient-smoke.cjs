// Loads the web client's start page from BASE_URL twice and reports what the Java test checks:
//   node webclient-smoke.cjs BASE_URL SCREENSHOT.png
// 1. with ?autoconnect=false: the page and noVNC's modules load with no error, RFB is a class
//    with noVNC's API, and the page waits for the Connect button;
// 2. as preset (autoconnect): the page opens a WebSocket to its own host and port.
'use strict';

const { report, run, watch } = require('./browser.cjs');

const [base, screenshot] = process.argv.slice(2);

run(async (browser) => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 640 } });
    const problems = watch(page);
    await page.goto(base + '?autoconnect=false', { waitUntil: 'load', timeout: 20000 });
    await page.waitForFunction(() => window.plugvnc !== undefined, null, { timeout: 20000 });
    report('title', await page.title());
    report('state', await page.evaluate(() => window.plugvnc.state));
    report('settings', await page.evaluate(() => window.plugvnc.settings));
    report('rfb', await page.evaluate(async () => {
        const RFB = (await import('./core/rfb.js')).default;
        return {
            type: typeof RFB,
            methods: ['sendCredentials', 'clipboardPasteFrom', 'sendCtrlAltDel', 'disconnect']
                .filter((name) => typeof RFB.prototype[name] === 'function'),
        };
    }));
    report('controls', await page.evaluate(() =>
        ['connect', 'resize', 'clipboard-toggle', 'fullscreen', 'credentials']
            .filter((id) => document.getElementById(id) !== null)));
    if (screenshot) {
        await page.screenshot({ path: screenshot });
    }
    report('problems', problems);
    await page.close();

    const second = await browser.newPage();
    const webSocket = second.waitForEvent('websocket', { timeout: 20000 });
    await second.goto(base, { waitUntil: 'load', timeout: 20000 });
    report('webSocketUrl', (await webSocket).url());
    await second.close();
});
