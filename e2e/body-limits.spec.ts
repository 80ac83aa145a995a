import fs from 'node:fs';
import net from 'node:net';
import { SEED } from './fixtures/apply';
import { startExtraServer, type ExtraServer } from './fixtures/servers';
import { expect, test } from './fixtures/test';

// Every body is refused before it is read when it is larger than its route needs. Measured on a server of
// its own, whose memory the test can read.

test.describe.configure({ mode: 'serial' });
let server: ExtraServer;
test.beforeAll(async () => {
  server = await startExtraServer('bodies', 12, {});
});
test.afterAll(async () => server?.stop());

const MB = 1024 * 1024;
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Declares `size` bytes and keeps sending zeros until the server answers or hangs up; returns its status. */
function post(origin: string, path: string, size: number, extraHeaders = ''): Promise<number> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let answer = '';
    let sent = 0;
    const chunk = Buffer.alloc(MB);
    const pump = () => {
      while (sent < size && !answer.includes('\r\n')) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\n` +
          `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${size}\r\n${extraHeaders}\r\n`,
      );
      pump();
    });
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (status) {
        resolve(Number(status[1]));
        socket.destroy();
      }
    });
    socket.on('error', () => {}); // the server hangs up on a refused upload; the answer came first
    socket.on('close', () => reject(new Error(`no answer from ${path}; got ${JSON.stringify(answer.slice(0, 200))}`)));
  });
}

test('a 200 MB body to every POST endpoint is refused with 413 before it is read; memory stays flat', async () => {
  const paths = [SEED, '/admin/session', '/admin/sign-out', '/admin/applications/1', '/', '/careers', '/api/postings'];
  await fetch(`${server.origin}${SEED}`); // warm up, so the baseline includes the posting page
  const before = rssMb(server.pid);
  for (const path of paths) expect(await post(server.origin, path, 200 * MB), path).toBe(413);
  const after = rssMb(server.pid);
  console.log(
    `server memory: ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after ${paths.length} uploads of 200 MB`,
  );
  expect(after - before).toBeLessThan(50);
});

test('each route’s limit is its own: any sign-in form of 9 KB and a note of 40 KB are refused, an application of 9 MB is read', async () => {
  for (const path of ['/admin/session', '/admin/session/code', '/admin/sso/start', '/admin/password-reset/request'])
    expect(await post(server.origin, path, 9 * 1024), path).toBe(413);
  expect(await post(server.origin, '/admin/applications/1', 40 * 1024)).toBe(413);
  // The apply route reads 9 MB (and then refuses it as not being the form: it is zeros).
  expect(await post(server.origin, SEED, 9 * MB)).toBe(400);
});

test('a body without a declared length is refused with 411', async () => {
  const response = await fetch(`${server.origin}/admin/session`, {
    method: 'POST',
    body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('email=a')), c.close()) }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    duplex: 'half',
  } as RequestInit);
  expect(response.status).toBe(411);
  expect(await response.text()).toContain('did not say how large it is');
});
