import type { Problem } from './types'

/** An RFC 9457 problem document, as every error of the gateway is. */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) {
    return false
  }
  const candidate = value as Record<string, unknown>
  return typeof candidate.title === 'string' && typeof candidate.status === 'number'
}

/** The problem a failed call answered, or one in the same words when its body was not one (a proxy's page). */
export function problemOf(error: unknown, response: Response | undefined): Problem {
  if (isProblem(error)) {
    return error
  }
  const status = response?.status ?? 0
  return {
    type: 'about:blank',
    status,
    title: status === 0 ? 'The shop cannot reach its server' : `The server answered ${status} ${response?.statusText ?? ''}`.trim(),
    detail: typeof error === 'string' && error.length > 0 && error.length < 300 ? error : 'Please try again in a moment.',
  }
}

/** A problem for a call that never got an answer (offline, aborted). */
export function unreachable(cause: unknown): Problem {
  return {
    type: 'about:blank',
    status: 0,
    title: 'The shop cannot reach its server',
    detail: cause instanceof Error ? cause.message : 'Check your connection and try again.',
  }
}

/** Thrown by the stores and pages' calls so that a problem travels as one. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title)
    this.name = 'ProblemError'
  }
}
