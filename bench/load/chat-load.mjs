/**
 * Chat load generator (scenario 4 of issue 6), run as its own process (forked by lib/children.mjs
 * forkGenerator; several of them share the members of one run). Holds socket.io-client connections, one
 * per member, each in its room (Affluents: the thread it joined with `thread:join`; the relay: the room of
 * its handshake query). On `step`, this process sends its share of the message rate from its members in
 * turn; every receiver records arrival - send time of each message sent by someone else during that step.
 * The send time travels in the body (`bench <wall ms>`), so a message sent by one process is timed by the
 * receivers of every other process of this machine. Reports its own CPU and event-loop delay, so that
 * steps where the generator, not the server, is the bottleneck can be flagged.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { serveRunner } from '../lib/runner-ipc.mjs';

const wallMs = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** How often the sender wakes up to send what is due: small enough for a steady rate, not a burst. */
const TICK_MS = 5;
const ACK_TIMEOUT_MS = 10_000;

let config;
/** [{ tag, room, headers?, socket }] */
let members = [];
let step = -1;
let samples = [];
let delivered = 0;
let disconnects = 0;

/** Protocol differences between Affluents and the relay, in one place. */
const protocol = () =>
  config.kind === 'affluents'
    ? {
        sendEvent: 'message:send',
        newEvent: 'message:new',
        payload: (room, clientId, body) => ({ threadId: room, clientId, body }),
      }
    : {
        sendEvent: 'msg',
        newEvent: 'msg',
        payload: (_room, clientId, body) => ({ clientId, body }),
      };

/** clientId `b-<member tag>-<step>-<n>`: who sent it (to skip one's own) and in which step. */
function onMessage(member, message) {
  const parts = message?.clientId?.split('-');
  if (!parts || parts[1] === member.tag || Number(parts[2]) !== step) return;
  const sentAt = Number(message.body.slice(6));
  samples.push(wallMs() - sentAt);
  delivered++;
}

async function connectOne(member) {
  const { newEvent } = protocol();
  const socket = io(config.baseUrl, {
    path: '/socket.io/',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: member.headers ?? {},
    query: config.kind === 'relay' ? { room: member.room } : {},
  });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', (err) => reject(new Error(`connect ${member.tag}: ${err.message}`)));
  });
  socket.on('disconnect', () => disconnects++);
  socket.on(newEvent, (message) => onMessage(member, message));
  if (config.kind === 'affluents') {
    const joined = await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('thread:join', { threadId: member.room, afterSeq: 0, afterChange: 0 });
    if (!joined.ok) throw new Error(`thread:join ${member.tag}: ${JSON.stringify(joined.error)}`);
  }
  return { ...member, socket };
}

/** Connects (and joins) every member, `concurrency` at a time. */
async function connectAll({ concurrency = 25 } = {}) {
  const t0 = performance.now();
  members = new Array(config.members.length);
  let next = 0;
  const worker = async () => {
    while (next < config.members.length) {
      const i = next++;
      members[i] = await connectOne(config.members[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, config.members.length) }, worker));
  return { ms: performance.now() - t0, connected: members.length };
}

/**
 * Sends `rate` messages per second (this process's share) for `durationMs`, from each member in turn,
 * then waits `drainMs` for the deliveries still in flight (from every process).
 */
async function runStep({ rate, durationMs, drainMs, stepId }) {
  const { sendEvent, payload } = protocol();
  step = stepId;
  samples = [];
  delivered = 0;
  disconnects = 0;
  let sent = 0;
  let acked = 0;
  let errors = 0;
  let timeouts = 0;
  const errorCodes = {};
  const ackSamples = [];
  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let turn = Math.floor(Math.random() * members.length);
  while (performance.now() - t0 < durationMs) {
    const due = Math.floor((rate * (performance.now() - t0)) / 1000) - sent;
    for (let k = 0; k < due; k++) {
      const member = members[turn];
      turn = (turn + 1) % members.length;
      const sentAt = wallMs();
      const clientId = `b-${member.tag}-${stepId}-${sent}`;
      sent++;
      member.socket
        .timeout(ACK_TIMEOUT_MS)
        .emit(sendEvent, payload(member.room, clientId, `bench ${sentAt.toFixed(3)}`), (err, ack) => {
          if (err) timeouts++;
          else if (!ack?.ok) {
            errors++;
            const code = ack?.error?.code ?? 'unknown';
            errorCodes[code] = (errorCodes[code] ?? 0) + 1;
          } else {
            acked++;
            ackSamples.push(wallMs() - sentAt);
          }
        });
    }
    await sleep(TICK_MS);
  }
  const sendWallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await sleep(drainMs);
  eld.disable();
  return {
    sent,
    acked,
    // Still unanswered after the drain: the server is behind (a late ack would count in no step).
    pending: sent - acked - errors - timeouts,
    errors,
    timeouts,
    errorCodes,
    disconnects,
    delivered,
    samples: Float64Array.from(samples),
    ackSamples: Float64Array.from(ackSamples),
    sendWallMs,
    cpuCores: (cpu.user + cpu.system) / 1000 / sendWallMs,
    eldP99Ms: eld.percentile(99) / 1e6,
    eldMaxMs: eld.max / 1e6,
  };
}

async function closeAll() {
  for (const m of members) m?.socket.close();
  members = [];
  return {};
}

const handlers = { connect: connectAll, step: runStep, close: closeAll };

serveRunner({
  handlers,
  setConfig: (c) => {
    config = c;
  },
  closeAll,
});
