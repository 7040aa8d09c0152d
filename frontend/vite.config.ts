import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// In development the shop runs on Vite's server and passes everything else to the gateway, so the page, the API
// and the event streams share one origin there too (no CORS). The gateway sees its own address (the sign-in
// server knows only that one), so signing in ends on the gateway's copy of the shop; the session cookie is the
// host's, not the port's, so this server's pages are signed in too.
const gateway = process.env.SAGASHOP_GATEWAY_URL ?? 'http://localhost:8080'
const toGateway = { target: gateway, changeOrigin: true }

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
