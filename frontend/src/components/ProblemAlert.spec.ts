import { render, screen } from '@testing-library/vue'
import { describe, expect, it } from 'vitest'
import ProblemAlert from './ProblemAlert.vue'

describe('ProblemAlert', () => {
  it('says what went wrong, why, and each field with its reason', () => {
    render(ProblemAlert, {
      props: {
        problem: {
          type: 'https://sagashop.io/problems/invalid-request',
          title: 'Invalid request',
          status: 400,
          detail: 'The order has 2 invalid fields.',
          errors: [
            { field: 'lines[0].quantity', reason: 'must be at least 1' },
            { field: 'paymentToken', reason: 'must not be blank' },
          ],
        },
      },
    })
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Invalid request')
    expect(alert).toHaveTextContent('The order has 2 invalid fields.')
    expect(alert).toHaveTextContent('lines[0].quantity: must be at least 1')
    expect(alert).toHaveTextContent('paymentToken: must not be blank')
  })

  it('shows a problem without fields as its title and detail alone', () => {
    render(ProblemAlert, { props: { problem: { type: 'about:blank', title: 'Too late to cancel', status: 409, detail: 'The order is confirmed.' } } })
    expect(screen.getByRole('alert')).toHaveTextContent('Too late to cancel')
    expect(screen.queryByRole('list')).toBeNull()
  })
})
