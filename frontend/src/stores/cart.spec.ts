import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Product } from '@/api/types'
import { useCartStore } from '@/stores/cart'

const ADA = 'c1000000-0000-4000-8000-000000000001'
const GRACE = 'c1000000-0000-4000-8000-000000000002'
const espresso: Product = { sku: 'COF-ESPRESSO-250', name: 'Espresso Roast, 250 g', priceCents: 990, currency: 'EUR', stock: 5 }
const map: Product = { sku: 'HIKE-MAP-ALPS', name: 'Alps Hiking Map Set', priceCents: 3200, currency: 'EUR', stock: 20 }
const stove: Product = { sku: 'CAMP-STOVE-TITAN', name: 'Titanium Backpacking Stove', priceCents: 5900, currency: 'EUR', stock: 0 }

function freshCart(subject: string | null = ADA) {
  setActivePinia(createPinia())
  const cart = useCartStore()
  cart.openFor(subject)
  return cart
}

describe('the cart', () => {
  beforeEach(() => localStorage.clear())

  it('adds products, adds to a line already there, and totals in cents', () => {
    const cart = freshCart()
    cart.add(espresso, 2)
    cart.add(map, 1)
    cart.add(espresso, 1)
    expect(cart.lines.map((line) => [line.sku, line.quantity])).toEqual([
      ['COF-ESPRESSO-250', 3],
      ['HIKE-MAP-ALPS', 1],
    ])
    expect(cart.count).toBe(4)
    expect(cart.totalCents).toBe(3 * 990 + 3200)
  })

  it('never holds more than the stock, and nothing out of stock', () => {
    const cart = freshCart()
    expect(cart.add(espresso, 4)).toBe(4)
    expect(cart.add(espresso, 4)).toBe(1)
    expect(cart.add(espresso, 1)).toBe(0)
    expect(cart.quantityOf(espresso.sku!)).toBe(5)
    expect(cart.add(stove, 1)).toBe(0)
    expect(cart.isEmpty).toBe(false)
    cart.setQuantity(espresso.sku!, 9)
    expect(cart.quantityOf(espresso.sku!)).toBe(5)
  })

  it('changes a quantity, and removes a line set to zero or removed', () => {
    const cart = freshCart()
    cart.add(espresso, 3)
    cart.add(map, 2)
    cart.setQuantity(espresso.sku!, 1)
    expect(cart.quantityOf(espresso.sku!)).toBe(1)
    cart.setQuantity(espresso.sku!, 0)
    expect(cart.quantityOf(espresso.sku!)).toBe(0)
    cart.remove(map.sku!)
    expect(cart.isEmpty).toBe(true)
  })

  it('is kept across a reload, for the same person only', () => {
    freshCart(ADA).add(map, 2)

    expect(freshCart(ADA).lines).toEqual([
      { sku: 'HIKE-MAP-ALPS', name: 'Alps Hiking Map Set', priceCents: 3200, currency: 'EUR', quantity: 2, stock: 20 },
    ])
    expect(freshCart(GRACE).isEmpty).toBe(true)
    expect(freshCart(null).isEmpty).toBe(true)
  })

  it('ignores a stored cart it cannot read', () => {
    localStorage.setItem(`saga-shop.cart.${ADA}`, '{not json')
    expect(freshCart(ADA).isEmpty).toBe(true)
    localStorage.setItem(`saga-shop.cart.${ADA}`, JSON.stringify([{ sku: 'X', quantity: 'many' }]))
    expect(freshCart(ADA).isEmpty).toBe(true)
  })

  it('is emptied after an order is placed', () => {
    const cart = freshCart()
    cart.add(map, 1)
    cart.clear()
    expect(freshCart(ADA).isEmpty).toBe(true)
  })
})
