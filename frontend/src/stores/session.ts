import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '@/api/client'
import { problemOf, unreachable } from '@/api/problem'
import type { Caller, Problem } from '@/api/types'

export type SessionState = 'unknown' | 'signed-out' | 'signed-in' | 'failed'

/** Who is signed in, as the gateway says (GET /api/me): the session cookie is HttpOnly. */
export const useSessionStore = defineStore('session', () => {
  const state = ref<SessionState>('unknown')
  const caller = ref<Caller | null>(null)
  const problem = ref<Problem | null>(null)

  const isOperator = computed(() => caller.value?.roles?.includes('OPERATOR') ?? false)
  const subject = computed(() => caller.value?.subject ?? null)
  const displayName = computed(() => caller.value?.name ?? caller.value?.email ?? 'Signed in')

  async function load(): Promise<void> {
    try {
      const { data, error, response } = await api.GET('/api/me')
      if (response.status === 401) {
        state.value = 'signed-out'
        caller.value = null
      } else if (data) {
        caller.value = data
        state.value = 'signed-in'
      } else {
        problem.value = problemOf(error, response)
        state.value = 'failed'
      }
    } catch (cause) {
      problem.value = unreachable(cause)
      state.value = 'failed'
    }
  }

  /** The gateway refused the session (expired, or signed out in another tab): the shop offers to sign in again. */
  function ended(): void {
    caller.value = null
    state.value = 'signed-out'
  }

  /** The sign-in flow's address, bringing the browser back to this view afterwards. */
  function signInUrl(returnTo: string): string {
    return `/oauth2/authorization/sagashop?returnTo=${encodeURIComponent(returnTo)}`
  }

  return { state, caller, problem, isOperator, subject, displayName, load, ended, signInUrl }
})
