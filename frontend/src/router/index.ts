import { nextTick } from 'vue'
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** The view's name in the browser's title bar and history. */
    title: string
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'catalog', component: () => import('@/pages/CatalogPage.vue'), meta: { title: 'Catalog' } },
  { path: '/cart', name: 'cart', component: () => import('@/pages/CartPage.vue'), meta: { title: 'Cart' } },
  { path: '/checkout', name: 'checkout', component: () => import('@/pages/CheckoutPage.vue'), meta: { title: 'Checkout' } },
  { path: '/orders', name: 'my-orders', component: () => import('@/pages/MyOrdersPage.vue'), meta: { title: 'My orders' } },
  {
    path: '/orders/:orderId',
    name: 'order',
    component: () => import('@/pages/OrderPage.vue'),
    props: true,
    meta: { title: 'Order' },
  },
  {
    path: '/operator',
    name: 'operator',
    component: () => import('@/pages/OperatorPage.vue'),
    meta: { title: 'Operator console' },
  },
  { path: '/:unknown(.*)*', name: 'not-found', component: () => import('@/pages/NotFoundPage.vue'), meta: { title: 'Not found' } },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.afterEach((to, from) => {
  document.title = `${to.meta.title} · Saga Shop`
  // After a navigation within the shop, a screen reader (and the keyboard) starts at the new view's content, as
  // after a page load; not on the first view, where the browser already starts at the top.
  if (from.matched.length > 0) {
    void nextTick(() => document.getElementById('main')?.focus({ preventScroll: true }))
  }
})
