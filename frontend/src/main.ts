import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import { api } from './api/client'
import App from './App.vue'
import { router } from './router'
import { useCartStore } from './stores/cart'
import { useSessionStore } from './stores/session'
import './styles/main.css'

const app = createApp(App)
app.use(createPinia())
app.use(router)

const session = useSessionStore()
const cart = useCartStore()
// Each signed-in person has their own cart in this browser.
watch(
  () => session.subject,
  (subject) => cart.openFor(subject),
  { immediate: true },
)

// A call refused for want of a session means it has ended: back to the welcome page and its sign-in link,
// which returns to the view the person was on.
api.use({
  onResponse({ response }) {
    if (response.status === 401 && session.state === 'signed-in') {
      session.ended()
    }
    return response
  },
})

void session.load()
app.mount('#app')
