import { onMounted, onScopeDispose } from 'vue'

/** Calls `refresh` now and every `everyMillis` while the page is visible, never two at once. */
export function usePolling(refresh: () => Promise<unknown>, everyMillis: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  async function tick(): Promise<void> {
    if (stopped) {
      return
    }
    if (document.visibilityState !== 'hidden') {
      await refresh()
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), everyMillis)
    }
  }

  function onVisible(): void {
    if (document.visibilityState === 'visible') {
      clearTimeout(timer)
      void tick()
    }
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisible)
    void tick()
  })
  onScopeDispose(() => {
    stopped = true
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisible)
  })
}
