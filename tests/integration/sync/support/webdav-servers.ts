/**
 * Real WebDAV servers for the sync tests, started on 127.0.0.1 on a free port with their own
 * configuration in a temporary folder: Apache 2 with mod_dav (Debian's `apache2`) and
 * `rclone serve webdav` (Debian's `rclone`). scripts/ensure-browsers.sh installs both.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WebDavServer {
  name: 'apache' | 'rclone';
  /** The sync folder's address, ending in `/`. */
  url: string;
  origin: string;
  username: string;
  password: string;
  /** Where the files are on disk. */
  root: string;
  stop(): Promise<void>;
}

export const USERNAME = 'reader';
export const PASSWORD = 'app-password-ü';

const APACHE = process.env.APACHE2_PATH ?? '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
const RCLONE = process.env.RCLONE_PATH ?? 'rclone';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForAnswer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null && child.exitCode !== 0) throw new Error(`server exited: ${log()}`);
    try {
      await fetch(url, { method: 'OPTIONS' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server at ${url} did not answer: ${log()}`);
}

/** An htpasswd line (Apache's SHA-1 form, which mod_authn_file reads without `htpasswd`). */
async function htpasswdLine(user: string, password: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(password));
  return `${user}:{SHA}${Buffer.from(digest).toString('base64')}\n`;
}

export async function startApache(): Promise<WebDavServer> {
  if (!existsSync(APACHE) || !existsSync(join(MODULES, 'mod_dav_fs.so'))) {
    throw new Error('Apache 2 with mod_dav is missing: run scripts/ensure-browsers.sh (apt-get install apache2)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'tidy-apache-'));
  const root = join(dir, 'dav');
  mkdirSync(join(root, 'library'), { recursive: true });
  mkdirSync(join(dir, 'logs'));
  // Started as root, Apache's workers drop to an unprivileged user: they must be able to write.
  for (const d of [dir, root, join(root, 'library')]) chmodSync(d, 0o777);
  const port = await freePort();
  writeFileSync(join(dir, 'htpasswd'), await htpasswdLine(USERNAME, PASSWORD));
  const modules = ['mpm_event', 'authz_core', 'authn_core', 'authn_file', 'auth_basic', 'authz_user', 'dav', 'dav_fs'];
  writeFileSync(
    join(dir, 'httpd.conf'),
    [
      `ServerRoot "${dir}"`,
      'ServerName 127.0.0.1',
      `Listen 127.0.0.1:${port}`,
      `PidFile ${dir}/httpd.pid`,
      `ErrorLog ${dir}/logs/error.log`,
      'LogLevel warn',
      ...modules.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
      `DAVLockDB ${dir}/DAVLock`,
      `DocumentRoot ${root}`,
      `<Directory ${root}>`,
      '  Dav On',
      '  AuthType Basic',
      '  AuthName "Tidy Reader sync test"',
      `  AuthUserFile ${dir}/htpasswd`,
      '  Require valid-user',
      '</Directory>',
      '',
    ].join('\n'),
  );
  const child = spawn(APACHE, ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], {
    stdio: 'ignore',
    env: { ...process.env, APACHE_RUN_DIR: dir },
  });
  const log = () => (existsSync(join(dir, 'logs/error.log')) ? readFileSync(join(dir, 'logs/error.log'), 'utf8') : '');
  const origin = `http://127.0.0.1:${port}`;
  await waitForAnswer(origin, child, log);
  return {
    name: 'apache',
    url: `${origin}/library/`,
    origin,
    username: USERNAME,
    password: PASSWORD,
    root: join(root, 'library'),
    stop: () => stopChild(child, dir),
  };
}

export async function startRclone(): Promise<WebDavServer> {
  if (spawnSync(RCLONE, ['version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('rclone is missing: run scripts/ensure-browsers.sh (apt-get install rclone)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'tidy-rclone-'));
  const root = join(dir, 'dav');
  mkdirSync(join(root, 'library'), { recursive: true });
  const port = await freePort();
  let output = '';
  const child = spawn(
    RCLONE,
    [
      'serve',
      'webdav',
      root,
      '--addr',
      `127.0.0.1:${port}`,
      '--user',
      USERNAME,
      '--pass',
      PASSWORD,
      '--config',
      join(dir, 'rclone.conf'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  await waitForAnswer(origin, child, () => output);
  return {
    name: 'rclone',
    url: `${origin}/library/`,
    origin,
    username: USERNAME,
    password: PASSWORD,
    root: join(root, 'library'),
    stop: () => stopChild(child, dir),
  };
}

async function stopChild(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
}

export const SERVERS = { apache: startApache, rclone: startRclone } as const;
