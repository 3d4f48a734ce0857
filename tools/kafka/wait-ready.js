#!/usr/bin/env node
// Waits until the broker started by start.sh answers metadata requests.
//
// An open port is not enough: the listener accepts connections before the broker has
// joined its KRaft quorum and been unfenced. A kafkajs admin describeCluster() that
// lists a broker is the moment clients can actually use it. One Node process that
// retries is far cheaper than a JVM (kafka-topics.sh) per probe.
//
// Usage: node wait-ready.js --broker 127.0.0.1:9092 --pid 1234 [--cluster-id ID] [--started-at MS]
// Env:   KAFKA_READY_TIMEOUT_MS (default 60000)
// Exits 0 when ready, 1 if the broker process dies or the deadline passes.
'use strict';

const fs = require('fs');

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    args[key] = argv[i + 1];
  }
  return args;
}

function fail(message) {
  console.error(`wait-ready: ${message}`);
  process.exit(1);
}

// True while the pid exists (signal 0 only checks; EPERM means it exists but is not ours)
// and is not a zombie: an exited child its parent has not reaped yet still has a pid.
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const broker = args.broker || '127.0.0.1:9092';
  const pid = Number(args.pid);
  const startedAt = Number(args['started-at']) || Date.now();
  const timeoutMs = Number(process.env.KAFKA_READY_TIMEOUT_MS) || 60000;
  const deadline = Date.now() + timeoutMs;
  if (!Number.isInteger(pid) || pid <= 0) fail('--pid <broker pid> is required');

  let Kafka, logLevel;
  try {
    ({ Kafka, logLevel } = require('kafkajs'));
  } catch {
    fail('kafkajs is not installed: run `npm ci` at the repository root first');
  }

  // Short timeouts and no kafkajs-internal retries: this loop does the retrying, so it
  // notices a dead broker process or the deadline promptly.
  const kafka = new Kafka({
    clientId: 'newsflow-kafka-wait-ready',
    brokers: [broker],
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });

  let lastError = 'no attempt yet';
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      fail(`broker process ${pid} exited before it was ready (last probe: ${lastError})`);
    }

    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      // A different cluster id means something else answers on this port.
      if (args['cluster-id'] && cluster.clusterId !== args['cluster-id']) {
        fail(
          `${broker} answers with cluster id ${cluster.clusterId}, expected ${args['cluster-id']}: another broker owns this port`,
        );
      }
      if (cluster.brokers.length > 0) {
        const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
        console.log(`kafka ready on ${broker} in ${seconds} s (pid ${pid})`);
        return;
      }
      lastError = 'metadata lists no broker yet';
    } catch (err) {
      lastError = err && err.message ? err.message : String(err);
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await sleep(250);
  }
  fail(
    `broker on ${broker} (pid ${pid}) not ready after ${timeoutMs} ms (last probe: ${lastError})`,
  );
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
