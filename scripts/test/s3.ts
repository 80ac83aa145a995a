// A real S3-compatible server for the tests (s3rver from npm), in a process of its own, on loopback, with
// its files in a temporary folder. It takes any well-formed signature with its default keys.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type S3Server = { endpoint: string; dir: string; env: Record<string, string>; stop: () => Promise<void> };

export async function startS3(
  port = Number(process.env.TEST_S3_PORT ?? 54568),
  buckets: string[] = [],
): Promise<S3Server> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-s3-'));
  const args = [
    '-d',
    dir,
    '-a',
    '127.0.0.1',
    '-p',
    String(port),
    '--silent',
    ...buckets.flatMap((b) => ['--configure-bucket', b]),
  ];
  const child = spawn(process.execPath, [path.join('node_modules', 's3rver', 'bin', 's3rver.js'), ...args], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 20_000; ;) {
    if (child.exitCode !== null) throw new Error(`s3rver exited with ${child.exitCode} (is port ${port} free?)`);
    if (
      await fetch(endpoint).then(
        () => true,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`s3rver did not answer on ${endpoint}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    endpoint,
    dir,
    env: {
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    },
    stop: async () => {
      child.kill();
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
