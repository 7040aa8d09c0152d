import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import type { SagaEvent, SagaState } from '@/api/types'

/** Live: events flow. Reconnecting: the browser is getting the stream back by itself. Finished: the saga ended. */
export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'finished' | 'closed'

/** What the composable needs of an EventSource, so that a test can hand it a fake one. */
export interface EventStream {
  readonly readyState: number
  onopen: ((this: EventSource, event: Event) => unknown) | null
  onmessage: ((this: EventSource, event: MessageEvent<string>) => unknown) | null
  onerror: ((this: EventSource, event: Event) => unknown) | null
  close(): void
}

export type EventStreamFactory = (url: string) => EventStream

const CLOSED = 2
const LOG_SIZE = 200

const browserEventStream: EventStreamFactory = (url) => new EventSource(url)

/**
 * The order's saga as the gateway's event stream tells it: every event carries the whole saga after the change,
 * so the latest one is the state and a reload (whose stream opens with a SNAPSHOT) shows the same. The browser's
 * EventSource reconnects by itself and resumes after the last event it saw (Last-Event-ID); on ORDER_ENDED the
 * stream is closed here, as the gateway has nothing more to say.
 */
export function useSagaEvents(orderId: MaybeRefOrGetter<string>, open: EventStreamFactory = browserEventStream) {
  const saga = shallowRef<SagaState | null>(null)
  const events = ref<SagaEvent[]>([])
  const streamState = ref<StreamState>('connecting')
  let stream: EventStream | null = null

  function receive(event: SagaEvent): void {
    if (event.saga) {
      saga.value = event.saga
    }
    if (event.kind === 'SNAPSHOT' && events.value.length > 0) {
      // A reconnect the gateway could not resume: its snapshot replaces what came before.
      events.value = []
    }
    events.value = [...events.value, event].slice(-LOG_SIZE)
    if (event.kind === 'ORDER_ENDED') {
      stop('finished')
    }
  }

  function start(id: string): void {
    stop('connecting')
    saga.value = null
    events.value = []
    if (!id) {
      return
    }
    const source = open(`/api/orders/${encodeURIComponent(id)}/events`)
    stream = source
    source.onopen = () => {
      streamState.value = 'live'
    }
    source.onmessage = (message) => {
      streamState.value = 'live'
      try {
        receive(JSON.parse(message.data) as SagaEvent)
      } catch {
        // Not an event of this stream (nothing else is sent on it but comments, which never arrive here).
      }
    }
    source.onerror = () => {
      if (stream !== source) {
        return
      }
      // CONNECTING: the browser retries by itself. CLOSED: the gateway refused the stream (it answers why to
      // the page's own read of the order), or had nothing more to send.
      streamState.value = source.readyState === CLOSED ? 'closed' : 'reconnecting'
    }
  }

  function stop(state: StreamState): void {
    stream?.close()
    stream = null
    streamState.value = state
  }

  watch(() => toValue(orderId), start, { immediate: true })
  onScopeDispose(() => stop('closed'))

  return { saga, events, streamState }
}
