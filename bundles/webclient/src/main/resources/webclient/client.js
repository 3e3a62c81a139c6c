// plugvnc's start page: noVNC's RFB library (served beside this file from noVNC's npm package)
// connected back to the server that served the page, on the WebSocket path the server preset.
//
// The npm package of noVNC holds its library (core/, vendor/) but not its application UI
// (vnc.html, app/), so this page is the small UI around it: status, connect and disconnect,
// a credentials dialog, the clipboard, scaling or remote resize, full screen, Ctrl+Alt+Del.
//
// Settings come from the JSON the server wrote into the page (configuration PID
// org.plugvnc.webclient); query parameters override them for one page, as in noVNC's own UI:
// ?autoconnect=false&resize=remote&reconnect=false&path=websockify&shared=false
//
// State for tests and scripts: <html data-state="..."> (loading, disconnected, connecting,
// credentials, connected, reconnecting, failed) and window.plugvnc.

import RFB from '../core/rfb.js';

const $ = (id) => document.getElementById(id);

const settings = readSettings();
let rfb = null;
let userDisconnect = false;
let securityFailed = false;
let reconnectTimer = null;
let desktopName = '';

function readSettings() {
    const preset = JSON.parse($('plugvnc-settings').textContent);
    const query = new URLSearchParams(window.location.search);
    const flag = (name) => {
        if (!query.has(name)) {
            return preset[name];
        }
        const value = query.get(name).toLowerCase();
        return value === 'true' || value === '1' || value === 'yes' || value === '';
    };
    const resize = query.get('resize');
    const path = query.get('path');
    return {
        autoconnect: flag('autoconnect'),
        reconnect: flag('reconnect'),
        shared: flag('shared'),
        reconnectDelayMillis: preset.reconnectDelayMillis,
        resize: ['scale', 'remote', 'off'].includes(resize) ? resize : preset.resize,
        // Only a path of unreserved characters: the page never connects elsewhere than its own
        // host and port.
        path: path !== null && /^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(path) ? path : preset.path,
    };
}

// The page's own origin: http gives ws, https gives wss; the host carries the port.
function webSocketUrl() {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    return scheme + '://' + window.location.host + '/' + settings.path;
}

function setState(state, text) {
    document.documentElement.dataset.state = state;
    $('status').textContent = text;
    const live = state === 'connecting' || state === 'credentials' || state === 'connected';
    $('connect').hidden = live;
    $('disconnect').hidden = !live && state !== 'reconnecting';
    $('ctrl-alt-del').disabled = state !== 'connected';
    $('clipboard-send').disabled = state !== 'connected';
}

function applyResize() {
    const mode = $('resize').value;
    if (rfb) {
        rfb.scaleViewport = mode === 'scale';
        rfb.resizeSession = mode === 'remote';
        rfb.clipViewport = false;
    }
}

function connect() {
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    if (rfb) {
        return;
    }
    userDisconnect = false;
    securityFailed = false;
    setState('connecting', 'Connecting to ' + window.location.host);
    rfb = new RFB($('screen'), webSocketUrl(), { shared: settings.shared });
    applyResize();
    rfb.addEventListener('connect', () => {
        setState('connected', 'Connected' + (desktopName ? ' to ' + desktopName : ''));
        rfb.focus();
    });
    rfb.addEventListener('disconnect', (e) => disconnected(e.detail.clean));
    rfb.addEventListener('credentialsrequired', (e) => askCredentials(e.detail.types));
    rfb.addEventListener('securityfailure', (e) => {
        securityFailed = true;
        setState('failed', 'Authentication failed' + (e.detail.reason ? ': ' + e.detail.reason : ''));
    });
    rfb.addEventListener('clipboard', (e) => {
        $('clipboard-text').value = e.detail.text;
    });
    rfb.addEventListener('desktopname', (e) => {
        desktopName = e.detail.name;
        document.title = desktopName + ' - plugvnc';
        if (document.documentElement.dataset.state === 'connected') {
            $('status').textContent = 'Connected to ' + desktopName;
        }
    });
}

function disconnected(clean) {
    rfb = null;
    closeCredentials();
    if (securityFailed) {
        // The status already says why; connecting again with the same answer would only feed
        // the server's failed-login blacklist.
        setState('failed', $('status').textContent);
    } else if (userDisconnect) {
        setState('disconnected', 'Disconnected');
    } else if (settings.reconnect) {
        setState('reconnecting', (clean ? 'Disconnected' : 'Connection lost')
            + ': connecting again in ' + Math.round(settings.reconnectDelayMillis / 1000) + ' s');
        reconnectTimer = setTimeout(connect, settings.reconnectDelayMillis);
    } else {
        setState('disconnected', clean ? 'Disconnected' : 'Connection lost');
    }
}

function disconnect() {
    userDisconnect = true;
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    if (rfb) {
        rfb.disconnect();
    } else {
        setState('disconnected', 'Disconnected');
    }
}

function askCredentials(types) {
    const wantsUser = types.includes('username');
    $('username-row').hidden = !wantsUser;
    $('password-row').hidden = !types.includes('password');
    $('credentials-prompt').textContent = wantsUser
        ? 'The server asks for a user name and password.'
        : 'The server asks for a password.';
    $('password').value = '';
    setState('credentials', 'Waiting for credentials');
    const dialog = $('credentials');
    if (!dialog.open) {
        dialog.showModal();
    }
    (wantsUser ? $('username') : $('password')).focus();
}

function closeCredentials() {
    const dialog = $('credentials');
    if (dialog.open) {
        dialog.close('closed');
    }
}

$('credentials').addEventListener('close', () => {
    const dialog = $('credentials');
    if (!rfb || document.documentElement.dataset.state !== 'credentials') {
        return;
    }
    if (dialog.returnValue === 'send') {
        const credentials = { password: $('password').value };
        if (!$('username-row').hidden) {
            credentials.username = $('username').value;
        }
        $('password').value = '';
        setState('connecting', 'Authenticating');
        rfb.sendCredentials(credentials);
    } else {
        disconnect();
    }
});

function sendClipboard() {
    if (rfb && document.documentElement.dataset.state === 'connected') {
        rfb.clipboardPasteFrom($('clipboard-text').value);
    }
}

function toggleFullscreen() {
    if (document.fullscreenElement) {
        document.exitFullscreen();
    } else {
        document.documentElement.requestFullscreen().catch(() => {});
    }
}

$('connect').addEventListener('click', connect);
$('disconnect').addEventListener('click', disconnect);
$('resize').value = settings.resize;
$('resize').addEventListener('change', applyResize);
$('clipboard-toggle').addEventListener('click', () => {
    const panel = $('clipboard');
    panel.hidden = !panel.hidden;
    $('clipboard-toggle').setAttribute('aria-expanded', String(!panel.hidden));
});
$('clipboard-text').addEventListener('change', sendClipboard);
$('clipboard-send').addEventListener('click', sendClipboard);
$('ctrl-alt-del').addEventListener('click', () => rfb && rfb.sendCtrlAltDel());
$('fullscreen').hidden = !document.fullscreenEnabled;
$('fullscreen').addEventListener('click', toggleFullscreen);

window.plugvnc = {
    settings,
    connect,
    disconnect,
    get rfb() { return rfb; },
    get state() { return document.documentElement.dataset.state; },
};

if (settings.autoconnect) {
    connect();
} else {
    setState('disconnected', 'Not connected');
}
