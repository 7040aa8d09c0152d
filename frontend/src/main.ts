import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
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

void session.load()
app.mount('#app')
