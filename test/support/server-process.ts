import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

import { projectRoot } from '../../src/lib/paths'

/** `npm start` as a real child process: what a user runs, with its output captured. */
export type ServerProcess = {
  child: ChildProcess
  baseUrl: string
  output: () => string
  /** Sends a signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

export async function startServerProcess(env: Record<string, string | undefined>, readyTimeoutMs = 240_000): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort()
  const childEnv: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...process.env, NODE_OPTIONS: '', NODE_ENV: 'development', PORT: String(port), LOG_LEVEL: 'warn', ...env })) {
    if (value !== undefined) childEnv[key] = value
  }
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/server.ts'], { cwd: projectRoot, env: childEnv as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] as const })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready after ${readyTimeoutMs} ms:\n${output}`)), readyTimeoutMs)
    const check = () => {
      if (/\[use\] REST: \/api/.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`))
    })
  }).catch(async (err) => {
    if (child.exitCode === null) {
      child.kill('SIGKILL')
      await exited
    }
    throw err
  })

  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null) return child.exitCode
      child.kill(signal)
      return exited
    },
  }
}

/** Runs the server expecting it to refuse to start; resolves with exit code and output. */
export async function runServerExpectingFailure(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const childEnv: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...process.env, NODE_OPTIONS: '', ...env })) if (value !== undefined) childEnv[key] = value
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/server.ts'], { cwd: projectRoot, env: childEnv as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] as const })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { code, output }
}
