#!/usr/bin/env node
// Recipe: a kiteconnectjs script that survives the 06:00 IST expiry by asking kite-session for a new token.
// npm install kiteconnect; then: KITE_API_KEY=your_api_key node node-session-hook.js
// Against the simulator, also set KITE_API_ROOT to its base-url (see docs/examples/simulator).
const { execFileSync } = require("child_process");
const { KiteConnect } = require("kiteconnect");

// `kite-session token --wait` prints only the token once a session is live (it waits for your login).
function freshToken() {
  return execFileSync("kite-session", ["token", "--wait"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
}

const kc = new KiteConnect({ api_key: process.env.KITE_API_KEY, root: process.env.KITE_API_ROOT || undefined });
kc.setAccessToken(process.env.KITE_ACCESS_TOKEN || freshToken());

// kiteconnectjs calls the hook on a TokenException, then rejects the call: the hook fetches a new token,
// the caller retries the call once.
kc.setSessionExpiryHook(() => kc.setAccessToken(freshToken()));

async function withRetry(call) {
  try {
    return await call();
  } catch (err) {
    if (err.error_type !== "TokenException") throw err;
    return call(); // the hook has already set the new token
  }
}

withRetry(() => kc.getProfile())
  .then((profile) => console.log("logged in as", profile.user_name))
  .catch((err) => { console.error(err.message || err); process.exit(1); });
