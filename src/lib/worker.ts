import type { Payload } from 'payload'

/**
 * Runs queued jobs (the mail outbox and other background work) in this process. Each tick takes a
 * batch; a failing job is retried by Payload with the backoff its task declares, so nothing is
 * lost when SMTP is down. Several app instances may run workers: Payload claims each job once.
 */
export function startJobWorker(payload: Payload, intervalMs: number) {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  const tick = async () => {
    try {
      // scheduled tasks (digests, purges) are queued when due; several instances queue each once
      await payload.jobs.handleSchedules({ allQueues: true })
      await payload.jobs.run({ limit: 50, allQueues: true })
    } catch (err) {
      payload.logger.error({ err, msg: 'Job worker tick failed' })
    }
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      running = tick().finally(schedule)
    }, intervalMs)
    timer.unref()
  }
  schedule()

  return {
    /** Stops scheduling and waits for the batch in progress. */
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
