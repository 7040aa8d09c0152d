import { ref } from 'vue'
import { ProblemError, unreachable } from '@/api/problem'
import type { Problem } from '@/api/types'

/**
 * Runs a page's call with a busy flag and keeps the problem it ended with, for a ProblemAlert. The one way
 * pages and components turn a failed call into words.
 */
export function useProblem() {
  const problem = ref<Problem | null>(null)
  const busy = ref(false)

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    problem.value = null
    try {
      return await action()
    } catch (error) {
      problem.value = error instanceof ProblemError ? error.problem : unreachable(error)
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { problem, busy, run }
}
