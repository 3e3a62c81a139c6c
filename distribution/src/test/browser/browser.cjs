// Shared by the browser tests' scripts: Debian's Chromium driven by playwright-core (found through
// NODE_PATH, installed by scripts/install-test-deps.sh outside the repository; never a browser
// download), and a line format the Java side (org.plugvnc.interop.Browser) reads back.
'use strict';

const { chromium } = require('playwright-core');

// Debian's package path, the same on every machine with the chromium package.
const CHROMIUM = '/usr/bin/chromium';

// --force-color-profile=srgb: pixels compared with the server's framebuffer are not colour
// managed. The rest keep a headless run quiet and offline. Playwright adds --no-sandbox itself
// (chromiumSandbox defaults to false), which root needs; it is repeated here so that the
// requirement is visible.
function chromiumArgs() {
    const args = [
        '--force-color-profile=srgb',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
    ];
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
        args.push('--no-sandbox');
    }
    return args;
}

// A fresh browser with a temporary profile (playwright makes and removes it).
async function launch() {
    return chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: chromiumArgs(),
        timeout: 30000,
    });
}

// One result line: "@@ key=<JSON>". Browser.Result.value(key) returns the JSON text.
function report(key, value) {
    console.log('@@ ' + key + '=' + JSON.stringify(value === undefined ? null : value));
}

// Collects what would show as errors in the developer console: uncaught exceptions, console
// errors, failed requests and HTTP error statuses.
function watch(page) {
    const problems = { pageErrors: [], consoleErrors: [], failedRequests: [], httpErrors: [] };
    page.on('pageerror', (e) => problems.pageErrors.push(String(e && e.stack || e)));
    page.on('console', (m) => {
        if (m.type() === 'error') {
            problems.consoleErrors.push(m.text());
        }
    });
    page.on('requestfailed', (r) => problems.failedRequests.push(r.url() + ' ' + (r.failure() || {}).errorText));
    page.on('response', (r) => {
        if (r.status() >= 400) {
            problems.httpErrors.push(r.status() + ' ' + r.url());
        }
    });
    return problems;
}

// Runs body(browser); any failure is reported as "@@ error=..." with exit code 1, and the
// browser is always closed.
async function run(body) {
    let browser;
    try {
        browser = await launch();
        report('browserVersion', browser.version());
        await body(browser);
    } catch (e) {
        console.error(e && e.stack || e);
        report('error', String(e && e.message || e));
        process.exitCode = 1;
    } finally {
        if (browser) {
            await browser.close();
        }
    }
}

module.exports = { CHROMIUM, chromiumArgs, launch, report, watch, run };
