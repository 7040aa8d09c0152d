import { render, screen, within } from '@testing-library/vue'
import { describe, expect, it } from 'vitest'
import type { SagaState } from '@/api/types'
import OrderSagaTimeline from '@/components/OrderSagaTimeline.vue'
import { done, sagaState } from '@/test/sagas'

const UNAVAILABLE = 'payment-service answered 503 processor-unavailable: the processor is unavailable'

function timeline(saga: SagaState) {
  const view = render(OrderSagaTimeline, { props: { saga } })
  const steps = () => within(screen.getByRole('list', { name: 'Saga timeline' })).getAllByRole('listitem')
  const step = (name: string) => steps().find((item) => item.dataset.step === name)!
  return { ...view, steps, step }
}

describe('OrderSagaTimeline', () => {
  it('shows every step in the order the saga runs them', () => {
    const { steps } = timeline(sagaState({ CREATE_ORDER: done, RESERVE_STOCK: { status: 'RUNNING', attempt: 1 } }))
    expect(steps().map((item) => item.dataset.step)).toEqual([
      'CREATE_ORDER',
      'RESERVE_STOCK',
      'CHECK_CUSTOMER',
      'AWAIT_APPROVAL',
      'CHARGE_PAYMENT',
      'CONFIRM_ORDER',
      'NOTIFY_SHOPPER',
    ])
    expect(steps()[0]).toHaveTextContent('Order recordedDone')
    expect(steps()[1]).toHaveTextContent('In progress')
    expect(steps()[2]).toHaveTextContent('Not started')
    expect(screen.queryByRole('list', { name: 'Compensations' })).toBeNull()
  })

  it('shows a retry with its attempt and the last failure, and drops the failure once it succeeds', async () => {
    const before = { CREATE_ORDER: done, RESERVE_STOCK: done, CHECK_CUSTOMER: done, AWAIT_APPROVAL: { status: 'SKIPPED' as const } }
    const view = timeline(
      sagaState({ ...before, CHARGE_PAYMENT: { status: 'RUNNING', attempt: 2, lastFailure: UNAVAILABLE } }),
    )
    expect(view.step('CHARGE_PAYMENT').dataset.attempt).toBe('2')
    expect(view.step('CHARGE_PAYMENT')).toHaveTextContent('Retrying, attempt 2')
    expect(view.step('CHARGE_PAYMENT')).toHaveTextContent(`Last failure: ${UNAVAILABLE}`)
    expect(view.step('AWAIT_APPROVAL')).toHaveTextContent('Not needed')

    await view.rerender({ saga: sagaState({ ...before, CHARGE_PAYMENT: { status: 'RUNNING', attempt: 3, lastFailure: UNAVAILABLE } }) })
    expect(view.step('CHARGE_PAYMENT').dataset.attempt).toBe('3')

    await view.rerender({ saga: sagaState({ ...before, CHARGE_PAYMENT: { status: 'DONE', attempt: 3, lastFailure: UNAVAILABLE } }) })
    expect(view.step('CHARGE_PAYMENT').dataset.status).toBe('DONE')
    expect(view.step('CHARGE_PAYMENT')).toHaveTextContent('Done after 3 attempts')
    expect(view.step('CHARGE_PAYMENT')).not.toHaveTextContent('failure')
  })

  it('shows a declined payment undone: the stock released, then the order, in that order', () => {
    const { step } = timeline(
      sagaState(
        {
          CREATE_ORDER: { status: 'COMPENSATED', attempt: 1 },
          RESERVE_STOCK: { status: 'COMPENSATED', attempt: 1 },
          CHECK_CUSTOMER: done,
          AWAIT_APPROVAL: { status: 'SKIPPED' },
          CHARGE_PAYMENT: { status: 'FAILED', attempt: 1, lastFailure: 'The card was declined' },
        },
        { orderStatus: 'CANCELLED', cancelReason: 'Payment declined: card-declined', failureType: 'card-declined' },
      ),
    )
    expect(step('CHARGE_PAYMENT')).toHaveTextContent('Failure: The card was declined')
    expect(step('RESERVE_STOCK')).toHaveTextContent('Undone')
    const undone = within(screen.getByRole('list', { name: 'Compensations' })).getAllByRole('listitem')
    expect(undone.map((item) => [item.dataset.step, item.dataset.status])).toEqual([
      ['RESERVE_STOCK', 'COMPENSATED'],
      ['CREATE_ORDER', 'COMPENSATED'],
    ])
    expect(undone[0]).toHaveTextContent('Stock released')
    expect(undone[1]).toHaveTextContent('Order marked cancelled')
  })

  it('shows a compensation in progress as being undone', () => {
    timeline(
      sagaState({
        CREATE_ORDER: done,
        RESERVE_STOCK: { status: 'COMPENSATING', attempt: 1 },
        CHECK_CUSTOMER: { status: 'FAILED', attempt: 1, lastFailure: 'Over the credit limit' },
      }),
    )
    const undone = within(screen.getByRole('list', { name: 'Compensations' })).getAllByRole('listitem')
    expect(undone).toHaveLength(1)
    expect(undone[0]!.dataset.status).toBe('COMPENSATING')
    expect(undone[0]).toHaveTextContent('Stock releasedIn progress')
  })

  it("shows the approval wait with its deadline, and none once it is approved", async () => {
    const upTo = { CREATE_ORDER: done, RESERVE_STOCK: done, CHECK_CUSTOMER: done }
    const deadline = '2026-12-02T11:00:00Z'
    const view = timeline(
      sagaState({ ...upTo, AWAIT_APPROVAL: { status: 'RUNNING', attempt: 1 } }, { orderStatus: 'AWAITING_APPROVAL', approvalDeadline: deadline }),
    )
    const shown = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(deadline))
    expect(view.step('AWAIT_APPROVAL')).toHaveTextContent(`Waiting for an operator's approval until ${shown}`)

    await view.rerender({
      saga: sagaState({ ...upTo, AWAIT_APPROVAL: done, CHARGE_PAYMENT: { status: 'RUNNING', attempt: 1 } }, { approvalDeadline: deadline }),
    })
    expect(view.step('AWAIT_APPROVAL').dataset.status).toBe('DONE')
    expect(screen.queryByText(/Waiting for an operator's approval/)).toBeNull()
  })

  it("shows a shopper's cancel during the approval wait undone in reverse", () => {
    timeline(
      sagaState(
        {
          CREATE_ORDER: { status: 'COMPENSATED', attempt: 1 },
          RESERVE_STOCK: { status: 'COMPENSATED', attempt: 1 },
          CHECK_CUSTOMER: done,
          AWAIT_APPROVAL: { status: 'FAILED', attempt: 1, lastFailure: 'Cancelled by the shopper' },
        },
        { orderStatus: 'CANCELLED', cancelReason: 'Cancelled by the shopper' },
      ),
    )
    const undone = within(screen.getByRole('list', { name: 'Compensations' })).getAllByRole('listitem')
    expect(undone.map((item) => item.dataset.step)).toEqual(['RESERVE_STOCK', 'CREATE_ORDER'])
  })
})
