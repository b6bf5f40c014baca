/**
 * Scenario 7, files (Affluents only: neither reference server stores files). Fiche files live in
 * PostgreSQL in 256 KiB chunks, streamed both ways (docs/FILES.md); this measures, through the HTTP
 * routes a browser uses, with session cookies:
 * - upload and download of a 20 MiB PDF (time, MiB/s, server CPU per MiB; download also time to first byte);
 * - upload of a 5 MiB JPEG photo (12 Mpx of noise: the screen version, decoded and resized by sharp, is
 *   part of the upload's time), download of its original and of its screen version;
 * - 4 uploads of a 20 MiB PDF at once (to 4 fiches, by 4 members), then 4 downloads at once: aggregate MiB/s;
 * - the point of streaming: the server's peak RSS during a transfer minus its RSS just before (idle),
 *   sampled from /proc every 10 ms, for 20 MiB (and, full size, 100 MiB) up and down; it must stay far
 *   below the file's size. Measured first, after a small warm-up, before the timed runs grow the heap.
 * The server runs with FILE_MAX_BYTES = 100 MiB and FICHE_FILES_MAX_BYTES = 4 GiB so that the 100 MiB
 * file and the fiche totals of the repeated runs are accepted (the limits change no work per byte; the
 * 20 MiB files are also within the default 20 MiB limit).
 * Clients: Node's fetch in the runner process, FormData with a Blob (undici streams it to the socket),
 * responses read as streams and counted, never kept.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { cpuWindow, rssKiB } from '../lib/proc.mjs';
import { affluentsRow } from '../lib/rows.mjs';
import { bringUp } from '../lib/servers.mjs';
import { median } from '../lib/stats.mjs';

const MiB = 2 ** 20;
const CONCURRENT = 4;
const settle = (ms) => new Promise((r) => setTimeout(r, ms));

/** Bytes that file-type recognises as a PDF: the header, random filler, the end marker. */
function pdfBytes(size) {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

/** A 4000 x 3000 photo of gaussian noise (does not compress to nothing): about 5 MiB of JPEG. */
function jpegBytes() {
  return sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: { r: 120, g: 140, b: 110 },
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .jpeg({ quality: 84 })
    .toBuffer();
}

/**
 * Peak RSS of `pid` (KiB) from now until the returned function is called, read every 10 ms; also when
 * the peak came (share of the transfer) and how often RSS fell by more than 4 MiB (memory given back).
 */
function rssPeak(pid) {
  const t0 = performance.now();
  let peak = rssKiB(pid);
  let peakAt = t0;
  let last = peak;
  let drops = 0;
  let samples = 1;
  const timer = setInterval(() => {
    const r = rssKiB(pid);
    samples++;
    if (r > peak) {
      peak = r;
      peakAt = performance.now();
    }
    if (r < last - 4096) drops++;
    last = r;
  }, 10);
  return () => {
    clearInterval(timer);
    const end = performance.now();
    return { peakKiB: Math.max(peak, rssKiB(pid)), samples, peakShare: (peakAt - t0) / (end - t0), drops };
  };
}

function client(up) {
  const base = up.servers[0].publicUrl;
  const headers = (token) => up.servers[0].headersFor(token);
  return {
    /** POST multipart; resolves with { ms, file } once the 201 and its JSON are in. */
    async upload(token, ficheId, bytes, name, type) {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type }), name);
      const t0 = performance.now();
      const res = await fetch(`${base}/api/fiches/${ficheId}/files`, {
        method: 'POST',
        body: form,
        headers: headers(token),
      });
      const body = await res.json();
      const ms = performance.now() - t0;
      if (res.status !== 201) throw new Error(`upload of ${name}: ${res.status} ${JSON.stringify(body)}`);
      if (body.byteSize !== bytes.length) throw new Error(`upload of ${name}: stored ${body.byteSize} bytes`);
      return { ms, file: body };
    },
    /** GET, body read as it streams and counted; { ms, ttfbMs, bytes }. */
    async download(token, path, expectedBytes) {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers: headers(token) });
      const ttfbMs = performance.now() - t0;
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      let bytes = 0;
      for await (const chunk of res.body) bytes += chunk.length;
      const ms = performance.now() - t0;
      if (expectedBytes != null && bytes !== expectedBytes)
        throw new Error(`GET ${path}: ${bytes} bytes, expected ${expectedBytes}`);
      return { ms, ttfbMs, bytes };
    },
  };
}

/** Peak RSS increase over idle during one upload then one download of `bytes` (PDF). */
async function memoryDuring(http, pid, fiche, token, bytes, log) {
  await settle(1000);
  const idle = rssKiB(pid);
  let stopPeak = rssPeak(pid);
  const { file } = await http.upload(token, fiche, bytes, 'grand.pdf', 'application/pdf');
  const upPeak = stopPeak();
  await settle(1000);
  const idleDown = rssKiB(pid);
  stopPeak = rssPeak(pid);
  await http.download(token, `/api/files/${file.id}`, bytes.length);
  const downPeak = stopPeak();
  const res = {
    idleMiB: idle / 1024,
    upMiB: (upPeak.peakKiB - idle) / 1024,
    downMiB: (downPeak.peakKiB - idleDown) / 1024,
    samples: upPeak.samples + downPeak.samples,
    shape: `peak at ${(upPeak.peakShare * 100).toFixed(0)}% / ${(downPeak.peakShare * 100).toFixed(0)}% of the transfer, RSS fell by > 4 MiB ${upPeak.drops} / ${downPeak.drops} times`,
  };
  log(
    `  ${(bytes.length / MiB).toFixed(0)} MiB: idle ${res.idleMiB.toFixed(0)} MiB, peak +${res.upMiB.toFixed(1)} MiB up, +${res.downMiB.toFixed(1)} MiB down (${res.samples} samples; ${res.shape})`,
  );
  return res;
}

/** `runs` uploads then `runs` downloads of `bytes`; times, server CPU, the stored files. */
async function timed(http, pid, { runs, fiches, tokens, bytes, name, type }) {
  const uploads = [];
  const files = [];
  let cpu = cpuWindow(pid);
  for (let i = 0; i < runs; i++) {
    const { ms, file } = await http.upload(
      tokens[i % tokens.length],
      fiches[i % fiches.length],
      bytes,
      name,
      type,
    );
    uploads.push(ms);
    files.push(file);
  }
  const upCpu = cpu();
  const downloads = [];
  cpu = cpuWindow(pid);
  for (let i = 0; i < runs; i++)
    downloads.push(await http.download(tokens[0], `/api/files/${files[i].id}`, bytes.length));
  const downCpu = cpu();
  const mib = (bytes.length * runs) / MiB;
  return {
    files,
    up: { p50: median(uploads), max: Math.max(...uploads), cpuMsPerMiB: upCpu.cpuMs / mib },
    down: {
      p50: median(downloads.map((d) => d.ms)),
      max: Math.max(...downloads.map((d) => d.ms)),
      ttfb: median(downloads.map((d) => d.ttfbMs)),
      cpuMsPerMiB: downCpu.cpuMs / mib,
    },
  };
}

async function concurrently(http, pid, { fiches, tokens, bytes, n }) {
  await settle(1000);
  const idle = rssKiB(pid);
  let stopPeak = rssPeak(pid);
  let t0 = performance.now();
  const stored = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      http.upload(tokens[i], fiches[i], bytes, `ensemble-${i}.pdf`, 'application/pdf'),
    ),
  );
  const upMs = performance.now() - t0;
  const upPeak = stopPeak();
  await settle(1000);
  const idleDown = rssKiB(pid);
  stopPeak = rssPeak(pid);
  t0 = performance.now();
  await Promise.all(
    stored.map(({ file }, i) => http.download(tokens[i], `/api/files/${file.id}`, bytes.length)),
  );
  const downMs = performance.now() - t0;
  const downPeak = stopPeak();
  const mib = (bytes.length * n) / MiB;
  return {
    upMiBs: mib / (upMs / 1000),
    downMiBs: mib / (downMs / 1000),
    upMs,
    downMs,
    upRssMiB: (upPeak.peakKiB - idle) / 1024,
    downRssMiB: (downPeak.peakKiB - idleDown) / 1024,
  };
}

/** The code paths of an upload, a download and an image (sharp) loaded and compiled. */
async function warmUp(http, fiche, token) {
  const small = await http.upload(token, fiche, pdfBytes(MiB), 'petit.pdf', 'application/pdf');
  await http.download(token, `/api/files/${small.file.id}`, MiB);
  const smallJpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  const image = await http.upload(token, fiche, smallJpeg, 'petite.jpg', 'image/jpeg');
  await http.download(token, `/api/files/${image.file.id}/display`);
}

async function startServer() {
  const up = await bringUp('affluents', {
    users: CONCURRENT,
    docs: CONCURRENT,
    affluentsEnv: { FILE_MAX_BYTES: String(100 * MiB), FICHE_FILES_MAX_BYTES: String(4 * 1024 * MiB) },
  });
  const fiches = (
    await up.db.query(`SELECT id FROM fiches WHERE doc_name = ANY($1) ORDER BY doc_name`, [up.docNames])
  ).map((r) => r.id);
  return { up, fiches, tokens: up.tokens, http: client(up), pid: up.servers[0].pid };
}

async function memoryOnFreshServer(bytes, log) {
  const { up, fiches, tokens, http, pid } = await startServer();
  try {
    await warmUp(http, fiches[0], tokens[0]);
    return await memoryDuring(http, pid, fiches[1], tokens[1], bytes, log);
  } finally {
    await up.stop();
  }
}

export default async function run({ quick, log }) {
  const runs = quick ? 2 : 5;
  const concurrent = CONCURRENT;
  const pdf = pdfBytes(20 * MiB);
  const big = quick ? null : pdfBytes(100 * MiB);
  const jpeg = await jpegBytes();
  const { up, fiches, tokens, http, pid } = await startServer();
  const row = affluentsRow(`files${quick ? ' (quick)' : ''}`);
  const rows = [];
  try {
    log('files: warm-up');
    await warmUp(http, fiches[0], tokens[0]);
    log('files: server RSS during a transfer');
    const mem20 = await memoryDuring(http, pid, fiches[1], tokens[1], pdf, log);

    log(`files: 20 MiB PDF, ${runs} uploads then ${runs} downloads`);
    const p = await timed(http, pid, {
      runs,
      fiches,
      tokens,
      bytes: pdf,
      name: 'rapport.pdf',
      type: 'application/pdf',
    });
    log(`files: ${(jpeg.length / MiB).toFixed(2)} MiB JPEG, ${runs} uploads then ${runs} downloads`);
    const j = await timed(http, pid, {
      runs,
      fiches,
      tokens,
      bytes: jpeg,
      name: 'photo.jpg',
      type: 'image/jpeg',
    });
    const displays = [];
    for (const f of j.files) displays.push(await http.download(tokens[0], `/api/files/${f.id}/display`));

    log(`files: ${concurrent} uploads of 20 MiB at once, then ${concurrent} downloads`);
    const c = await concurrently(http, pid, { fiches, tokens, bytes: pdf, n: concurrent });

    const mibs = (bytes, ms) => bytes / MiB / (ms / 1000);
    const pdfLabel = 'PDF 20 MiB';
    const jpegLabel = `JPEG ${(jpeg.length / MiB).toFixed(1)} MiB`;
    const once = `median of ${runs}`;
    rows.push(
      row(`upload ${pdfLabel}, time (${once})`, 'ms', p.up.p50, `max ${p.up.max.toFixed(0)} ms`),
      row(`upload ${pdfLabel}, throughput`, 'MiB/s', mibs(pdf.length, p.up.p50)),
      row(`upload ${pdfLabel}, server CPU`, 'ms/MiB', p.up.cpuMsPerMiB),
      row(`download ${pdfLabel}, time (${once})`, 'ms', p.down.p50, `max ${p.down.max.toFixed(0)} ms`),
      row(`download ${pdfLabel}, time to first byte`, 'ms', p.down.ttfb),
      row(`download ${pdfLabel}, throughput`, 'MiB/s', mibs(pdf.length, p.down.p50)),
      row(`download ${pdfLabel}, server CPU`, 'ms/MiB', p.down.cpuMsPerMiB),
      row(
        `upload ${jpegLabel} 12 Mpx, time incl. screen version (${once})`,
        'ms',
        j.up.p50,
        `max ${j.up.max.toFixed(0)} ms; the screen version (1600 px JPEG) is made by sharp before the 201`,
      ),
      row(`upload ${jpegLabel}, throughput`, 'MiB/s', mibs(jpeg.length, j.up.p50)),
      row(`upload ${jpegLabel}, server CPU`, 'ms/MiB', j.up.cpuMsPerMiB),
      row(`download ${jpegLabel} original, time (${once})`, 'ms', j.down.p50),
      row(`download ${jpegLabel} original, throughput`, 'MiB/s', mibs(jpeg.length, j.down.p50)),
      row(
        `download its screen version, time (${once})`,
        'ms',
        median(displays.map((d) => d.ms)),
        `${(displays[0].bytes / 1024).toFixed(0)} KiB`,
      ),
      row(
        `${concurrent} uploads of ${pdfLabel} at once, aggregate`,
        'MiB/s',
        c.upMiBs,
        `${c.upMs.toFixed(0)} ms in all`,
      ),
      row(
        `${concurrent} downloads of ${pdfLabel} at once, aggregate`,
        'MiB/s',
        c.downMiBs,
        `${c.downMs.toFixed(0)} ms in all`,
      ),
      row('server RSS idle, before the transfers', 'MiB', mem20.idleMiB),
      row(
        `server RSS peak increase, upload ${pdfLabel}`,
        'MiB',
        mem20.upMiB,
        `peak during the transfer minus RSS just before, /proc every 10 ms; up / down: ${mem20.shape}`,
      ),
      row(`server RSS peak increase, download ${pdfLabel}`, 'MiB', mem20.downMiB),
      row(`server RSS peak increase, ${concurrent} uploads of ${pdfLabel} at once`, 'MiB', c.upRssMiB),
      row(`server RSS peak increase, ${concurrent} downloads of ${pdfLabel} at once`, 'MiB', c.downRssMiB),
    );
    rows[0].note = `${rows[0].note}; no reference server stores files (Affluents only); FILE_MAX_BYTES 100 MiB, FICHE_FILES_MAX_BYTES 4 GiB`;
  } finally {
    await up.stop();
  }
  if (big) {
    // On a server of its own, warmed up the same way as the first: the 20 and 100 MiB increases compare.
    log('files: server RSS during a 100 MiB transfer, on a fresh server');
    const mem100 = await memoryOnFreshServer(big, log);
    rows.push(
      row(
        'server RSS peak increase, upload PDF 100 MiB',
        'MiB',
        mem100.upMiB,
        `on a fresh server, same warm-up; up / down: ${mem100.shape}`,
      ),
      row('server RSS peak increase, download PDF 100 MiB', 'MiB', mem100.downMiB),
    );
  }
  return rows;
}
