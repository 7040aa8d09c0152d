import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// In development the shop runs on Vite's server and everything else goes to the gateway, so the page, the API,
// the sign-in round trip and the event streams share one origin there too (no CORS). The gateway keeps the
// browser's Host, so its sign-in redirects come back here.
const gateway = process.env.SAGASHOP_GATEWAY_URL ?? 'http://localhost:8080'
const toGateway = { target: gateway, changeOrigin: false, xfwd: true }

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': toGateway,
      '/oauth2': toGateway,
      '/login': toGateway,
      '/logout': toGateway,
    },
  },
  build: {
    // The gateway serves /assets/ with a year-long cache: every file there has its content hash in its name.
    assetsDir: 'assets',
  },
})
