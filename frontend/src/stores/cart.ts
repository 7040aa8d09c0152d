import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Product } from '@/api/types'

export interface CartLine {
  sku: string
  name: string
  priceCents: number
  currency: string
  quantity: number
  /** The stock when the line was last changed: the cart never holds more. */
  stock: number
}

const KEY_PREFIX = 'saga-shop.cart.'

/**
 * The shopper's cart, kept in localStorage per signed-in subject so that it survives a reload and is never
 * another person's on a shared browser.
 */
export const useCartStore = defineStore('cart', () => {
  const owner = ref<string | null>(null)
  const lines = ref<CartLine[]>([])

  const count = computed(() => lines.value.reduce((sum, line) => sum + line.quantity, 0))
  const totalCents = computed(() => lines.value.reduce((sum, line) => sum + line.quantity * line.priceCents, 0))
  const currency = computed(() => lines.value[0]?.currency ?? 'EUR')
  const isEmpty = computed(() => lines.value.length === 0)

  /** Loads the cart of this subject (null: signed out, no cart). */
  function openFor(subject: string | null): void {
    owner.value = subject
    lines.value = subject ? read(subject) : []
  }

  function quantityOf(sku: string): number {
    return lines.value.find((line) => line.sku === sku)?.quantity ?? 0
  }

  /** Adds up to the product's stock; answers how many were added. */
  function add(product: Product, quantity: number): number {
    const sku = product.sku ?? ''
    const stock = product.stock ?? 0
    const existing = lines.value.find((line) => line.sku === sku)
    const before = existing?.quantity ?? 0
    const after = Math.min(stock, before + Math.max(0, Math.floor(quantity)))
    if (after <= before) {
      return 0
    }
    if (existing) {
      existing.quantity = after
      existing.stock = stock
    } else {
      lines.value.push({
        sku,
        name: product.name ?? sku,
        priceCents: product.priceCents ?? 0,
        currency: product.currency ?? 'EUR',
        quantity: after,
        stock,
      })
    }
    return after - before
  }

  /** Sets a line's quantity, kept between 1 and the stock; 0 removes the line. */
  function setQuantity(sku: string, quantity: number): void {
    const line = lines.value.find((each) => each.sku === sku)
    if (!line || Number.isNaN(quantity)) {
      return
    }
    if (quantity <= 0) {
      remove(sku)
      return
    }
    line.quantity = Math.min(line.stock, Math.floor(quantity))
  }

  function remove(sku: string): void {
    lines.value = lines.value.filter((line) => line.sku !== sku)
  }

  function clear(): void {
    lines.value = []
  }

  watch(
    lines,
    (current) => {
      if (owner.value) {
        localStorage.setItem(KEY_PREFIX + owner.value, JSON.stringify(current))
      }
    },
    // At once, not on the next tick: a reload right after a click keeps it.
    { deep: true, flush: 'sync' },
  )

  return { owner, lines, count, totalCents, currency, isEmpty, openFor, quantityOf, add, setQuantity, remove, clear }
})

function read(subject: string): CartLine[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY_PREFIX + subject) ?? '[]')
    return Array.isArray(stored) ? stored.filter(isLine) : []
  } catch {
    return []
  }
}

function isLine(value: unknown): value is CartLine {
  const line = value as Partial<CartLine> | null
  return (
    typeof line?.sku === 'string' &&
    typeof line.name === 'string' &&
    typeof line.priceCents === 'number' &&
    typeof line.quantity === 'number' &&
    line.quantity > 0 &&
    typeof line.stock === 'number'
  )
}
