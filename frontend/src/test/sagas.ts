import type { SagaEvent, SagaEventKind, SagaState, SagaStep, SagaStepState } from '@/api/types'
import { STEP_ORDER } from '@/composables/sagaTimeline'

/** Saga states and events as the gateway sends them, for the timeline's and the stream's tests. */

export const ORDER_ID = '3f6b2c1e-8d4a-4c2b-9a7e-5b1d0c9e8f71'

type StepChanges = Partial<Record<SagaStep, Partial<Omit<SagaStepState, 'step'>>>>

export function sagaState(changes: StepChanges = {}, saga: Partial<SagaState> = {}): SagaState {
  return {
    orderId: ORDER_ID,
    customerId: 'c1000000-0000-4000-8000-000000000001',
    orderStatus: 'PENDING',
    totalCents: 1980,
    currency: 'EUR',
    cancelReason: null,
    failureType: null,
    approvalDeadline: null,
    ...saga,
    steps: STEP_ORDER.map((step) => ({ step, status: 'PENDING', attempt: 0, lastFailure: null, ...changes[step] })),
  }
}

let sequence = 0

export function sagaEvent(kind: SagaEventKind, saga: SagaState, event: Partial<SagaEvent> = {}): SagaEvent {
  sequence += 1
  return {
    id: kind === 'ORDER_ENDED' ? 'end' : String(sequence),
    kind,
    step: null,
    attempt: null,
    failure: null,
    observedAt: new Date(Date.UTC(2026, 11, 2, 10, 0, sequence)).toISOString(),
    saga,
    ...event,
  }
}

export const done = { status: 'DONE', attempt: 1 } as const
