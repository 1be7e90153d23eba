// Preloaded with `node --import`: every way out to the network throws, and each attempt is appended to the file
// named by KUBEFIT_NETWORK_LOG (an attempt swallowed by a catch still shows up there).
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const log = process.env.KUBEFIT_NETWORK_LOG;

function blocked(name) {
  return function blockedCall() {
    if (log) appendFileSync(log, `${name}\n`);
    throw new Error(`network access blocked in this test: ${name}`);
  };
}

const targets = {
  'node:http': ['request', 'get'],
  'node:https': ['request', 'get'],
  'node:http2': ['connect'],
  'node:net': ['connect', 'createConnection'],
  'node:tls': ['connect'],
  'node:dgram': ['createSocket'],
  'node:dns': ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny'],
};
for (const [id, names] of Object.entries(targets)) {
  const module = require(id);
  for (const name of names) module[name] = blocked(`${id.slice(5)}.${name}`);
}
const dnsPromises = require('node:dns').promises;
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dnsPromises[name] = blocked(`dns.promises.${name}`);
require('node:net').Socket.prototype.connect = blocked('net.Socket.connect');
globalThis.fetch = blocked('fetch');
globalThis.WebSocket = blocked('WebSocket');
syncBuiltinESMExports();
