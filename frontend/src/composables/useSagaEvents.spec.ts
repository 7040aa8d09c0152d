import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import type { SagaEvent } from '@/api/types'
import { useSagaEvents, type EventStream } from '@/composables/useSagaEvents'
import { ORDER_ID, done, sagaEvent, sagaState } from '@/test/sagas'

/** An EventSource the test drives: it opens, delivers, drops and closes when told. */
class FakeEventStream implements EventStream {
  readyState = 0
  closed = false
  onopen: EventStream['onopen'] = null
  onmessage: EventStream['onmessage'] = null
  onerror: EventStream['onerror'] = null

  constructor(readonly url: string) {}

  open(): void {
    this.readyState = 1
    this.onopen?.call(this as unknown as EventSource, new Event('open'))
  }

  deliver(event: SagaEvent): void {
    this.onmessage?.call(this as unknown as EventSource, new MessageEvent('message', { data: JSON.stringify(event), lastEventId: event.id }))
  }

  /** The connection drops; a browser then reconnects by itself (CONNECTING), or gives up (CLOSED). */
  drop(readyState: 0 | 2 = 0): void {
    this.readyState = readyState
    this.onerror?.call(this as unknown as EventSource, new Event('error'))
  }

  close(): void {
    this.closed = true
    this.readyState = 2
  }
}

function watched(orderId = ref(ORDER_ID)) {
  const streams: FakeEventStream[] = []
  const scope = effectScope()
  const events = scope.run(() =>
    useSagaEvents(orderId, (url) => {
      const stream = new FakeEventStream(url)
      streams.push(stream)
      return stream
    }),
  )!
  return { ...events, streams, scope, orderId, stream: () => streams[streams.length - 1]! }
}

describe('useSagaEvents', () => {
  it("opens the order's stream and takes each event's saga as the state", () => {
    const { saga, events, streamState, stream } = watched()
    expect(stream().url).toBe(`/api/orders/${ORDER_ID}/events`)
    expect(streamState.value).toBe('connecting')

    stream().open()
    stream().deliver(sagaEvent('SNAPSHOT', sagaState({ CREATE_ORDER: done })))
    const running = sagaState({ CREATE_ORDER: done, RESERVE_STOCK: { status: 'RUNNING', attempt: 1 } })
    stream().deliver(sagaEvent('STEP_STARTED', running, { step: 'RESERVE_STOCK', attempt: 1 }))

    expect(streamState.value).toBe('live')
    expect(saga.value).toEqual(running)
    expect(events.value.map((event) => event.kind)).toEqual(['SNAPSHOT', 'STEP_STARTED'])
  })

  it('says it is reconnecting while the browser gets the stream back, and live again once it has', () => {
    const { streamState, stream, streams } = watched()
    stream().open()
    stream().deliver(sagaEvent('SNAPSHOT', sagaState()))

    stream().drop()
    expect(streamState.value).toBe('reconnecting')
    expect(stream().closed).toBe(false)

    stream().open()
    expect(streamState.value).toBe('live')
    expect(streams).toHaveLength(1)
  })

  it('starts its log afresh when a reconnect answers with a new snapshot', () => {
    const { events, stream } = watched()
    stream().open()
    stream().deliver(sagaEvent('SNAPSHOT', sagaState()))
    stream().deliver(sagaEvent('STEP_DONE', sagaState({ CREATE_ORDER: done }), { step: 'CREATE_ORDER' }))
    stream().drop()
    stream().open()
    stream().deliver(sagaEvent('SNAPSHOT', sagaState({ CREATE_ORDER: done })))
    expect(events.value.map((event) => event.kind)).toEqual(['SNAPSHOT'])
  })

  it('closes the stream itself when the order has ended', () => {
    const { streamState, stream, saga } = watched()
    stream().open()
    const confirmed = sagaState({ CREATE_ORDER: done, CONFIRM_ORDER: done }, { orderStatus: 'CONFIRMED' })
    stream().deliver(sagaEvent('ORDER_ENDED', confirmed))
    expect(streamState.value).toBe('finished')
    expect(stream().closed).toBe(true)
    expect(saga.value?.orderStatus).toBe('CONFIRMED')
  })

  it('reports a stream the gateway refused as not live', () => {
    const { streamState, stream } = watched()
    stream().drop(2)
    expect(streamState.value).toBe('closed')
  })

  it("follows another order's stream when the page shows another order, and closes when it goes away", async () => {
    const { streams, scope, orderId } = watched()
    orderId.value = 'aaaaaaaa-0000-4000-8000-000000000000'
    await nextTick()
    expect(streams).toHaveLength(2)
    expect(streams[0]!.closed).toBe(true)
    expect(streams[1]!.url).toBe('/api/orders/aaaaaaaa-0000-4000-8000-000000000000/events')

    scope.stop()
    expect(streams[1]!.closed).toBe(true)
  })
})
