// The benchmark's peer: what a trader's login script does, with Playwright driving the system's
// Chromium. Launch the browser, open the Kite login URL, fill the user id and password, submit,
// fill the TOTP code, catch the redirect carrying request_token, exchange it (POST /session/token
// with the checksum) and quit. Prints one line, PEER-RESULT {json}: marks on process.hrtime
// (CLOCK_MONOTONIC on Linux, the clock of the Java runner's System.nanoTime()).
//
// Settings come from the environment (bench/src/.../PeerBench.java sets them): PEER_BASE_URL,
// PEER_API_KEY, PEER_API_SECRET, PEER_REDIRECT_URL, PEER_USER_ID, PEER_PASSWORD, PEER_TOTP_SECRET,
// PEER_CHROMIUM, PEER_HEADLESS (1 or 0). The demo account's values only: nothing here is a real secret.
import { createHash, createHmac } from 'node:crypto';

const marks = [['node.main', process.hrtime.bigint()]];
const mark = (name) => marks.push([name, process.hrtime.bigint()]);
const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const STEP_TIMEOUT_MS = 20_000;

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), as scripts compute it (pyotp, otplib). */
function totp(base32Secret, nowMs) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32Secret.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const key = Buffer.alloc(Math.floor(bits.length / 8));
  for (let i = 0; i < key.length; i++) key[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(nowMs / 1000 / 30)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 0x0f;
  const code = ((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).toString();
  return code.padStart(6, '0');
}

/** POST /session/token with the checksum, as a script's Kite Connect client does; the token is not printed. */
async function exchange(base, apiKey, requestToken) {
  const checksum = createHash('sha256').update(apiKey + requestToken + env('PEER_API_SECRET')).digest('hex');
  const answer = await fetch(`${base}/session/token`, {
    method: 'POST',
    headers: { 'X-Kite-Version': '3', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ api_key: apiKey, request_token: requestToken, checksum }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await answer.json();
  if (answer.status !== 200 || !body.data || !body.data.access_token) {
    throw new Error(`the exchange answered ${answer.status} ${body.error_type || ''}`);
  }
}

async function main() {
  const base = env('PEER_BASE_URL');
  const apiKey = env('PEER_API_KEY');
  const redirectUrl = env('PEER_REDIRECT_URL');
  const headless = process.env.PEER_HEADLESS !== '0';
  // Loaded after the first mark: the script's own start-up is part of the measured time.
  const { chromium } = await import('playwright-core');
  mark('playwright.loaded');
  const browser = await chromium.launch({
    executablePath: env('PEER_CHROMIUM'),
    headless,
    args: ['--no-sandbox'], // root in the bench's container; a desktop user's script would not need it
    timeout: STEP_TIMEOUT_MS,
  });
  mark('browser.launched');
  const version = browser.version();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    mark('page.opened');
    // The redirect URL need not load (nothing listens there): its request carries the token.
    const redirect = page.waitForRequest((r) => r.url().startsWith(redirectUrl) && r.url().includes('request_token='),
      { timeout: STEP_TIMEOUT_MS });
    await page.goto(`${base}/connect/login?v=3&api_key=${encodeURIComponent(apiKey)}`);
    mark('login.loaded');
    await page.fill('#userid', env('PEER_USER_ID'));
    await page.fill('#password', env('PEER_PASSWORD'));
    await page.click('button[type=submit]');
    mark('password.submitted');
    const code = page.locator('form.twofa-form input');
    await code.waitFor({ state: 'visible' });
    mark('twofa.shown');
    await code.fill(totp(env('PEER_TOTP_SECRET'), Date.now())); // the page submits itself at six digits
    mark('twofa.filled');
    const requestToken = new URL((await redirect).url()).searchParams.get('request_token');
    mark('redirect.caught');
    await exchange(base, apiKey, requestToken);
    mark('token.exchanged');
  } finally {
    await browser.close();
    mark('browser.closed');
  }
  return { headless, chromium: version };
}

const watchdog = setTimeout(() => {
  console.log('PEER-RESULT ' + JSON.stringify({ ok: false, error: 'timed out after 60 s' }));
  process.exit(1);
}, 60_000);
main().then((about) => {
  clearTimeout(watchdog);
  console.log('PEER-RESULT ' + JSON.stringify({ ok: true, ...about, marks: marks.map(([n, t]) => [n, t.toString()]) }));
}, (e) => {
  clearTimeout(watchdog);
  console.log('PEER-RESULT ' + JSON.stringify({ ok: false, error: String(e && e.message || e).slice(0, 300) }));
  process.exitCode = 1;
});
