// One headless Chromium kept open for a whole test class, driven line by line from Java
// (org.plugvnc.interop.NoVncPage): each line on stdin is a JSON command {id, op, ...}, each answer
// a line "@@ reply=<JSON {id, ok, value | error}>".
//   node novnc-driver.cjs [SPKI_SHA256_BASE64]
// The optional argument makes Chromium trust exactly the certificate with that public key
// (--ignore-certificate-errors-spki-list), for the page over https and its wss.
//
// One page at a time: "open" closes the one before. The page is plugvnc's start page; with
// "encodings" the test (only the test) replaces what noVNC's RFB sends in SetEncodings, and a
// census counts the rectangles noVNC decoded, by encoding number.
'use strict';

const readline = require('readline');
const { chromium } = require('playwright-core');
const { CHROMIUM, chromiumArgs, report, watch } = require('./browser.cjs');

const [spki] = process.argv.slice(2);

let browser;
let context;
let page;
let problems;

async function launch() {
    const args = chromiumArgs();
    if (spki) {
        args.push('--ignore-certificate-errors-spki-list=' + spki);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args, timeout: 30000 });
    // One context for every page: a new context costs most of a second, a new page a quarter.
    // The pages keep nothing between them that the tests depend on.
    context = await browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
    return browser.version();
}

async function closePage() {
    if (page) {
        await page.close();
    }
    page = null;
}

// Loads the start page without connecting, patches noVNC's RFB class (census; forced encodings
// when asked), then connects through the page's own connect().
async function open({ url, encodings }) {
    await closePage();
    page = await context.newPage();
    problems = watch(page);
    const query = 'autoconnect=false&resize=off&reconnect=false';
    await page.goto(url + (url.includes('?') ? '&' : '?') + query, { waitUntil: 'load', timeout: 20000 });
    await page.waitForFunction(() => window.plugvnc !== undefined, null, { timeout: 20000 });
    await page.evaluate(async (forced) => {
        const RFB = (await import('./core/rfb.js')).default;
        window.plugvncTest = { census: {}, sentEncodings: null };
        const decode = RFB.prototype._handleDataRect;
        RFB.prototype._handleDataRect = function () {
            const encoding = this._FBU.encoding;
            const done = decode.call(this);
            if (done) {
                const census = window.plugvncTest.census;
                census[encoding] = (census[encoding] || 0) + 1;
            }
            return done;
        };
        if (forced) {
            RFB.prototype._sendEncodings = function () {
                window.plugvncTest.sentEncodings = forced;
                RFB.messages.clientEncodings(this._sock, forced);
            };
        }
        window.plugvnc.connect();
    }, encodings || null);
    return page.url();
}

async function awaitState({ state, timeoutMillis }) {
    await page.waitForFunction((s) => document.documentElement.dataset.state === s, state,
        { timeout: timeoutMillis || 20000 });
    return state;
}

// The credentials dialog as a person fills it in.
async function login({ username, password }) {
    await page.locator('#credentials').waitFor({ state: 'visible', timeout: 20000 });
    if (username !== undefined) {
        await page.fill('#username', username);
    }
    await page.fill('#password', password);
    await page.click('#credentials-send');
    return true;
}

// The server-key dialog (RA2ne): the fingerprint it shows, then Accept.
async function approveServer() {
    await page.locator('#server-key').waitFor({ state: 'visible', timeout: 20000 });
    await page.waitForFunction(() => document.getElementById('server-key-fingerprint').textContent.includes(':'),
        null, { timeout: 10000 });
    const fingerprint = await page.textContent('#server-key-fingerprint');
    await page.click('#server-key-accept');
    return fingerprint;
}

function canvas() {
    return page.locator('#screen canvas');
}

// The canvas at actual size, as Chromium shows it on the page: a screenshot of the page clipped
// to the canvas. Chromium paints a box at a fractional position (the bar above has a fractional
// height) snapped to whole pixels, so the clip is the box rounded; an element screenshot would
// take the fractional box and come out a row too tall.
async function screenshot({ path }) {
    const box = await canvas().boundingBox();
    const clip = { x: Math.round(box.x), y: Math.round(box.y),
        width: Math.round(box.width), height: Math.round(box.height) };
    await page.screenshot({ path, clip, animations: 'disabled', caret: 'hide', scale: 'css' });
    return await canvas().evaluate((c) => ({ width: c.width, height: c.height,
        cssWidth: c.clientWidth, cssHeight: c.clientHeight }));
}

async function type({ text }) {
    await canvas().focus();
    await page.keyboard.type(text);
    return text;
}

// A click at (x, y) of the remote desktop: the canvas is at actual size. Chromium gives mouse
// events whole CSS pixels, and noVNC takes the pixel under clientX - the canvas's (fractional)
// left, rounded down: the first whole pixel at or past the canvas's x + (x, y) hits (x, y).
async function click({ x, y }) {
    const box = await canvas().boundingBox();
    await page.mouse.click(Math.ceil(box.x + x), Math.ceil(box.y + y));
    return { x, y };
}

async function sendClipboard({ text }) {
    if (await page.locator('#clipboard').isHidden()) {
        await page.click('#clipboard-toggle');
    }
    await page.fill('#clipboard-text', text);
    await page.click('#clipboard-send');
    return text;
}

async function clipboard() {
    return await page.inputValue('#clipboard-text');
}

async function awaitClipboard({ text, timeoutMillis }) {
    await page.waitForFunction((t) => document.getElementById('clipboard-text').value === t, text,
        { timeout: timeoutMillis || 20000 });
    return text;
}

async function info() {
    return await page.evaluate(() => ({
        state: document.documentElement.dataset.state,
        status: document.getElementById('status').textContent,
        census: window.plugvncTest && window.plugvncTest.census,
        sentEncodings: window.plugvncTest && window.plugvncTest.sentEncodings,
        protocol: window.location.protocol,
    }));
}

const ops = {
    launch, open, awaitState, login, approveServer, screenshot, type, click, sendClipboard,
    clipboard, awaitClipboard, info,
    problems: async () => problems,
    close: async () => { await closePage(); return true; },
};

async function main() {
    const lines = readline.createInterface({ input: process.stdin });
    for await (const line of lines) {
        if (!line.trim()) {
            continue;
        }
        let command;
        try {
            command = JSON.parse(line);
        } catch (e) {
            report('reply', { id: null, ok: false, error: 'not JSON: ' + line });
            continue;
        }
        if (command.op === 'quit') {
            break;
        }
        const op = ops[command.op];
        try {
            if (!op) {
                throw new Error('no operation ' + command.op);
            }
            report('reply', { id: command.id, ok: true, value: await op(command) });
        } catch (e) {
            report('reply', { id: command.id, ok: false, error: String(e && e.message || e) });
        }
    }
}

// Ends on "quit" or at the end of the input. The open stdin would keep Node alive: exit explicitly.
main()
    .catch((e) => { console.error(e && e.stack || e); process.exitCode = 1; })
    .finally(async () => {
        if (browser) {
            await browser.close();
        }
        process.exit();
    });
