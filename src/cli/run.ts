import { prepareRuntime } from '../lib/runtime'

/**
 * Runs a CLI command against the app's database (started here when embedded) and always stops
 * that database before exiting: exit 1 on an error, or the command's own exit code.
 */
export async function runCommand(command: () => Promise<number | void>): Promise<never> {
  const runtime = await prepareRuntime()
  let exitCode = 0
  try {
    exitCode = (await command()) ?? 0
  } catch (err) {
    console.error(err instanceof Error ? err.message : err)
    exitCode = 1
  } finally {
    await runtime.database.stop()
  }
  // output to a pipe is written asynchronously: let it drain before exiting
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()))
  process.exit(exitCode)
}
