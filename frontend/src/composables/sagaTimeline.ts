import type { SagaState, SagaStep, SagaStepState, SagaStepStatus } from '@/api/types'

/** The saga's steps in the order the workflow runs them, in the shopper's words. */
export const STEP_LABELS: Record<SagaStep, { label: string; undo: string }> = {
  CREATE_ORDER: { label: 'Order recorded', undo: 'Order marked cancelled' },
  RESERVE_STOCK: { label: 'Stock reserved', undo: 'Stock released' },
  CHECK_CUSTOMER: { label: 'Credit limit checked', undo: 'Credit check withdrawn' },
  AWAIT_APPROVAL: { label: "Operator's approval", undo: 'Approval withdrawn' },
  CHARGE_PAYMENT: { label: 'Payment charged', undo: 'Payment refunded' },
  CONFIRM_ORDER: { label: 'Order confirmed', undo: 'Confirmation withdrawn' },
  NOTIFY_SHOPPER: { label: 'Shopper notified', undo: 'Notification withdrawn' },
}

export const STEP_ORDER = Object.keys(STEP_LABELS) as SagaStep[]

export const STATUS_LABELS: Record<SagaStepStatus, string> = {
  PENDING: 'Not started',
  RUNNING: 'In progress',
  DONE: 'Done',
  FAILED: 'Failed',
  SKIPPED: 'Not needed',
  COMPENSATING: 'Being undone',
  COMPENSATED: 'Undone',
}

export interface TimelineStep {
  step: SagaStep
  status: SagaStepStatus
  attempt: number
  lastFailure: string | null
}

/** Every step in run order, those the saga has not reached yet as pending. */
export function timelineSteps(saga: SagaState | null): TimelineStep[] {
  const known = new Map((saga?.steps ?? []).map((each) => [each.step, each]))
  return STEP_ORDER.map((step) => toTimelineStep(step, known.get(step)))
}

/** The steps undone, in the order the saga undoes them: the reverse of the order they were done. */
export function compensationSteps(saga: SagaState | null): TimelineStep[] {
  return timelineSteps(saga)
    .filter((each) => each.status === 'COMPENSATING' || each.status === 'COMPENSATED')
    .reverse()
}

/** A step being retried: it runs again after a failed attempt. */
export function isRetrying(step: TimelineStep): boolean {
  return step.status === 'RUNNING' && step.attempt > 1 && step.lastFailure !== null
}

function toTimelineStep(step: SagaStep, state: SagaStepState | undefined): TimelineStep {
  return {
    step,
    status: state?.status ?? 'PENDING',
    attempt: state?.attempt ?? 0,
    lastFailure: state?.lastFailure ?? null,
  }
}
